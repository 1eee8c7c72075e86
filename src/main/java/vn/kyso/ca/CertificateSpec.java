package vn.kyso.ca;

import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * What the CA is asked to sign. The profile has already been turned into key usage bits and
 * extended key usages by the certificate service; the CA adds what is its own (SKI, AKI, CRL and
 * OCSP addresses) and signs.
 */
public record CertificateSpec(
        BigInteger serial,
        X500Name subject,
        PublicKey publicKey,
        Instant notBefore,
        Instant notAfter,
        int keyUsage,
        List<KeyPurposeId> extendedKeyUsages,
        boolean extendedKeyUsageCritical,
        String email) {
}
