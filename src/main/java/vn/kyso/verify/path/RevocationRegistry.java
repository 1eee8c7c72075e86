package vn.kyso.verify.path;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Kyso's own knowledge of revocation: the certificates its built-in CA issued, and the CRLs of
 * outside CAs that were imported. Empty when Kyso has no authoritative answer for this issuer.
 */
public interface RevocationRegistry {

    Optional<CertStatus> status(X509Certificate certificate, X509Certificate issuer);

    RevocationRegistry NONE = (certificate, issuer) -> Optional.empty();
}
