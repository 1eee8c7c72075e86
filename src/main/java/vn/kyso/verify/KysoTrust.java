package vn.kyso.verify;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthorities;
import vn.kyso.ca.Pki;
import vn.kyso.verify.path.RevocationRegistry;

/**
 * What Kyso itself contributes to a verification: the trust anchors an administrator configured
 * and Kyso's own root, the certificates of every CA it knows, the signer certificates it holds,
 * and its revocation records.
 */
@Component
class KysoTrust {

    private final CertificateAuthorities cas;
    private final RevocationRegistry registry;
    private final JdbcClient jdbc;

    KysoTrust(CertificateAuthorities cas, RevocationRegistry registry, JdbcClient jdbc) {
        this.cas = cas;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    TrustContext current() {
        return new TrustContext(cas.trustAnchors(), cas.certificates(), List.of(), this::find, registry);
    }

    /** A certificate Kyso registered, for signatures that name their signer without carrying it. */
    private List<X509Certificate> find(X500Name issuer, BigInteger serial) {
        return jdbc.sql("SELECT der FROM certificate WHERE serial = :serial")
                .param("serial", Pki.hex(serial))
                .query((rs, n) -> Pki.certificate(rs.getBytes("der"))).list().stream()
                .filter(c -> X500Name.getInstance(c.getIssuerX500Principal().getEncoded()).equals(issuer))
                .toList();
    }
}
