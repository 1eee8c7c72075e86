package vn.kyso.ca;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate authority as the rest of Kyso sees it: Kyso's own, which issues, or an outside one
 * whose certificates are only recorded. Issuing is asked of the built-in CA alone.
 */
public interface CertificateAuthority {

    CaRecord record();

    default String name() {
        return record().name();
    }

    default X509Certificate certificate() {
        return record().x509();
    }

    /** The CA certificate and those above it, up to the root. */
    List<X509Certificate> chain();

    boolean issues();

    /** certificateHold is for Kyso's own CA only: the government scheme has no suspension. */
    boolean supportsHold();
}
