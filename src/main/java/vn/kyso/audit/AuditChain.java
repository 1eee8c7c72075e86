package vn.kyso.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an entry: SHA-256 over every field and the previous entry's hash. Each field is
 * written as its UTF-8 length, a colon and its bytes, so no two different entries share an
 * encoding (a value cannot pose as a field boundary).
 */
final class AuditChain {

    private AuditChain() {
    }

    static String hash(AuditEntry e) {
        MessageDigest digest = sha256();
        field(digest, Long.toString(e.seq()));
        field(digest, e.occurredAt().toString());
        field(digest, e.actor());
        field(digest, e.action());
        field(digest, e.entityType());
        field(digest, e.entityId());
        field(digest, e.agencyId() == null ? null : e.agencyId().toString());
        field(digest, e.before());
        field(digest, e.after());
        field(digest, e.requestId());
        field(digest, e.prevHash());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update("-1:".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
