package vn.kyso.certificate;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("certificate")
public class Certificate {
    @Id
    Long id;
    String serial;
    Long caId;
    Long subscriberId;
    // the subscriber's agency, kept with it, so inventories count certificates without the subscriber
    Long agencyId;
    Profile profile;
    Source source;
    Storage storage;
    String subjectDn;
    String commonName;
    String searchKey;
    Instant notBefore;
    Instant notAfter;
    String keyAlgorithm;
    int keySize;
    String spkiSha256;
    byte[] der;
    CertificateStatus status;
    Instant revokedAt;
    RevocationReason revocationReason;
    RevocationCase revocationCase;
    Instant invalidityDate;
    String revocationComment;
    Long replacesId;
    Long tokenId;
    int renewalCount;
    @Version
    Long version;
    Instant createdAt;
    Instant updatedAt;

    public Long id() { return id; }
    public String serial() { return serial; }
    public Long caId() { return caId; }
    public Long subscriberId() { return subscriberId; }
    public Long agencyId() { return agencyId; }
    public CertificateStatus status() { return status; }
    public Instant notBefore() { return notBefore; }
    public Instant notAfter() { return notAfter; }
    public Instant revokedAt() { return revokedAt; }
    public RevocationReason revocationReason() { return revocationReason; }
    public Instant invalidityDate() { return invalidityDate; }
    public byte[] der() { return der; }
    public Source source() { return source; }

    public Validity validityAt(Instant now) {
        return switch (status) {
            case REVOKED -> Validity.REVOKED;
            case ON_HOLD -> Validity.ON_HOLD;
            case GOOD -> now.isBefore(notBefore) ? Validity.NOT_YET_VALID
                    : now.isAfter(notAfter) ? Validity.EXPIRED : Validity.VALID;
        };
    }
}
