package vn.kyso.verify.path;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * The revocation status of one certificate as found: by whom ({@code source}: REGISTRY for
 * Kyso's own records, CRL, OCSP), when it was revoked and why (RFC 5280 reason name) if it was,
 * and {@code revokedAfterValidationTime} when the revocation came after the time validated at,
 * which leaves an earlier signature valid but is worth saying.
 */
public record CertStatus(
        X509Certificate certificate,
        State state,
        Source source,
        Instant revokedAt,
        String reason,
        boolean revokedAfterValidationTime) {

    public enum State { GOOD, REVOKED, UNKNOWN, NOT_CHECKED }

    public enum Source { REGISTRY, CRL, OCSP, NONE }
}
