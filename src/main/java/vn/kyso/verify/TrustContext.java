package vn.kyso.verify;

import java.math.BigInteger;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;

import vn.kyso.verify.path.RevocationRegistry;

/**
 * What a verification may rely on besides the document: the trust anchors (and nothing else is
 * trusted), certificates Kyso already holds (its CAs, and signer certificates it registered, for
 * signatures that do not carry their own), revocation data imported earlier, and Kyso's registry.
 */
public record TrustContext(
        Set<TrustAnchor> anchors,
        Collection<X509Certificate> intermediates,
        Collection<X509CRL> crls,
        KnownCertificates known,
        RevocationRegistry registry) {

    /** Certificates Kyso holds, found by issuer and serial number. */
    public interface KnownCertificates {
        List<X509Certificate> find(X500Name issuer, BigInteger serial);

        KnownCertificates NONE = (issuer, serial) -> List.of();
    }
}
