package vn.kyso.verify;

import java.util.Locale;

/** How strong a digest algorithm is, by name as Bouncy Castle prints it (SHA256, SHA-256, SHA3-256…). */
final class Algorithms {

    enum Strength { BROKEN, LEGACY, ACCEPTED, UNKNOWN }

    private Algorithms() {
    }

    static String plain(String name) {
        return name == null ? "" : name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    static Strength digest(String name) {
        String n = plain(name);
        if (n.equals("MD2") || n.equals("MD4") || n.equals("MD5")) {
            return Strength.BROKEN;
        }
        if (n.equals("SHA1") || n.equals("RIPEMD160")) {
            return Strength.LEGACY;
        }
        if (n.matches("SHA(256|384|512|512\\(256\\)|512/256|3256|3384|3512)|SHAKE256|SHA224|SHA3224")) {
            return n.contains("224") ? Strength.LEGACY : Strength.ACCEPTED;
        }
        return Strength.UNKNOWN;
    }

    /**
     * The digest a signature algorithm name fixes ("SHA256WITHRSA" → "SHA256"), or null when the
     * name does not fix one (rsaEncryption, RSASSA-PSS, Ed25519, ML-DSA).
     */
    static String digestOfSignature(String signatureAlgorithm) {
        String n = plain(signatureAlgorithm);
        int with = n.indexOf("WITH");
        return with > 0 ? n.substring(0, with) : null;
    }
}
