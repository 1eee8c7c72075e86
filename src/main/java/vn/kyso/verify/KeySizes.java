package vn.kyso.verify;

import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/** The strength-relevant size of a public key, and the family the algorithm policy names it by. */
final class KeySizes {

    private KeySizes() {
    }

    static String family(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return "RSA";
        }
        if (key instanceof ECPublicKey) {
            return "EC";
        }
        if (key instanceof DSAPublicKey) {
            return "DSA";
        }
        String name = key.getAlgorithm().toUpperCase(java.util.Locale.ROOT);
        if (name.startsWith("ED25519") || name.startsWith("ED448") || name.equals("EDDSA")) {
            return "EDDSA";
        }
        if (name.startsWith("ML-DSA") || name.startsWith("MLDSA") || name.startsWith("DILITHIUM")) {
            return "ML-DSA";
        }
        return name;
    }

    static int bits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        if (key instanceof DSAPublicKey dsa) {
            return dsa.getParams() == null ? 0 : dsa.getParams().getP().bitLength();
        }
        String name = key.getAlgorithm().toUpperCase(java.util.Locale.ROOT);
        if (name.startsWith("ED448")) {
            return 448;
        }
        if (name.startsWith("ED25519")) {
            return 256;
        }
        return 0;
    }
}
