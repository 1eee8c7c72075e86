package vn.kyso.certificate;

import java.time.Instant;

public record CertificateView(
        String serialNumber,
        String issuer,
        String issuerDn,
        String subjectDn,
        String commonName,
        long subscriberId,
        String agencyCode,
        Profile profile,
        Source source,
        Storage storage,
        String tokenSerial,
        Instant notBefore,
        Instant notAfter,
        Validity status,
        boolean expiringSoon,
        String keyAlgorithm,
        int keySize,
        String sha256,
        Revocation revocation,
        String replaces,
        String replacedBy,
        int renewalCount,
        long version) {

    public record Revocation(Instant revokedAt, RevocationReason reason,
            @com.fasterxml.jackson.annotation.JsonProperty("case") RevocationCase revocationCase,
            Instant invalidityDate, String comment) {
    }
}
