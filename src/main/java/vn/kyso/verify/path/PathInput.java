package vn.kyso.verify.path;

import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import org.bouncycastle.cert.ocsp.BasicOCSPResp;

/**
 * What path validation of one certificate needs. {@code untrusted} are candidate intermediates
 * (from the document, its DSS, Kyso's CA records); nothing in it is trusted for being there.
 * {@code crls} and {@code ocsp} are revocation data found alongside (document, DSS, imported).
 * {@code validationTime} is the time the certificate must have been valid and not revoked at:
 * a proven signing time (timestamp) or now.
 */
public record PathInput(
        X509Certificate target,
        Collection<X509Certificate> untrusted,
        Set<TrustAnchor> anchors,
        Collection<X509CRL> crls,
        Collection<BasicOCSPResp> ocsp,
        Instant validationTime,
        PathOptions options) {
}
