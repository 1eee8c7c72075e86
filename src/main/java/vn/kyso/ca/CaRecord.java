package vn.kyso.ca;

import java.security.cert.X509Certificate;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("ca")
public class CaRecord {
    @Id
    Long id;
    String name;
    CaKind kind;
    String subjectDn;
    String keyHash;
    byte[] certificate;
    Long parentId;
    long crlNumber;
    long revocationVersion;
    Instant crlThisUpdate;
    Instant crlNextUpdate;
    Instant createdAt;

    public Long id() { return id; }
    public String name() { return name; }
    public CaKind kind() { return kind; }
    public String subjectDn() { return subjectDn; }
    public String keyHash() { return keyHash; }
    public Long parentId() { return parentId; }

    public X509Certificate x509() {
        return ParsedCertificates.of(certificate);
    }
}
