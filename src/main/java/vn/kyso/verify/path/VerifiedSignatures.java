package vn.kyso.verify.path;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Signatures on certificates and CRLs that already verified, by the hash of the signed object and
 * of the key. The same CA certificates and CRLs come with nearly every document, and checking
 * their signatures again was most of a verification's cost. Only successes are kept: a result is a
 * pure function of the bytes, so an entry can never become wrong, and failures stay cheap to redo.
 */
final class VerifiedSignatures {

    /** Bounded: a few thousand CAs, CRLs and frequent signers; cleared whole when full. */
    private static final int MAX = 20_000;
    private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private VerifiedSignatures() {
    }

    static boolean verified(byte[] signedObject, PublicKey key, BooleanSupplier check) {
        String id = sha256(signedObject) + sha256(key.getEncoded());
        if (VERIFIED.containsKey(id)) {
            return true;
        }
        boolean ok = check.getAsBoolean();
        if (ok) {
            if (VERIFIED.size() >= MAX) {
                VERIFIED.clear();
            }
            VERIFIED.put(id, Boolean.TRUE);
        }
        return ok;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
