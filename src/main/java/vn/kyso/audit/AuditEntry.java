package vn.kyso.audit;

import java.time.Instant;

/** One link of the audit chain, as stored. {@code before} and {@code after} are JSON text. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String entityType,
        String entityId,
        Long agencyId,
        String before,
        String after,
        String requestId,
        String prevHash,
        String hash) {

    public static final String GENESIS = "0".repeat(64);
}
