package vn.kyso.certificate;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Keys Kyso will certify: RSA of 2048 to 16384 bits with a sane public exponent, or ECDSA on the
 * NIST curves P-256, P-384 and P-521. Vietnamese rules ask verifiers for RSA ≥ 2048 and ECDSA ≥ 256.
 */
final class KeyPolicy {

    private static final Map<ASN1ObjectIdentifier, Integer> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, 256, SECObjectIdentifiers.secp384r1, 384, SECObjectIdentifiers.secp521r1, 521);
    private static final BigInteger MIN_EXPONENT = BigInteger.valueOf(65537);

    private KeyPolicy() {
    }

    /** A message key saying what is wrong with the key, or null if it is acceptable. */
    static String problem(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < 2048 || bits > 16384) {
                return "error.key.rsaSize";
            }
            BigInteger e = rsa.getPublicExponent();
            if (!e.testBit(0) || e.compareTo(MIN_EXPONENT) < 0) {
                return "error.key.rsaExponent";
            }
            return null;
        }
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        if (info.getAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            var parameters = info.getAlgorithm().getParameters();
            if (parameters instanceof ASN1ObjectIdentifier curve && CURVES.containsKey(curve)) {
                return null;
            }
            return "error.key.ecCurve";
        }
        return "error.key.algorithm";
    }
}
