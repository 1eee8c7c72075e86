package vn.kyso.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final AuditEntry BASE = new AuditEntry(7, Instant.parse("2026-11-21T08:00:00.123Z"), "dangky",
            "agency.create", "agency", "SYT", 3L, null, "{\"name\":\"Sở Y tế\"}", "req-1", AuditEntry.GENESIS, null);

    @Test
    void everyFieldIsCovered() {
        List<AuditEntry> variants = List.of(BASE,
                new AuditEntry(8, BASE.occurredAt(), BASE.actor(), BASE.action(), BASE.entityType(), BASE.entityId(), BASE.agencyId(), BASE.before(), BASE.after(), BASE.requestId(), BASE.prevHash(), null),
                new AuditEntry(7, BASE.occurredAt().plusMillis(1), BASE.actor(), BASE.action(), BASE.entityType(), BASE.entityId(), BASE.agencyId(), BASE.before(), BASE.after(), BASE.requestId(), BASE.prevHash(), null),
                new AuditEntry(7, BASE.occurredAt(), "dangkx", BASE.action(), BASE.entityType(), BASE.entityId(), BASE.agencyId(), BASE.before(), BASE.after(), BASE.requestId(), BASE.prevHash(), null),
                new AuditEntry(7, BASE.occurredAt(), BASE.actor(), "agency.update", BASE.entityType(), BASE.entityId(), BASE.agencyId(), BASE.before(), BASE.after(), BASE.requestId(), BASE.prevHash(), null),
                new AuditEntry(7, BASE.occurredAt(), BASE.actor(), BASE.action(), "user", BASE.entityId(), BASE.agencyId(), BASE.before(), BASE.after(), BASE.requestId(), BASE.prevHash(), null),
                new AuditEntry(7, BASE.occurredAt(), BASE.actor(), BASE.action(), BASE.entityType(), "SYS", BASE.agencyId(), BASE.before(), BASE.after(), BASE.requestId(), BASE.prevHash(), null),
                new AuditEntry(7, BASE.occurredAt(), BASE.actor(), BASE.action(), BASE.entityType(), BASE.entityId(), null, BASE.before(), BASE.after(), BASE.requestId(), BASE.prevHash(), null),
                new AuditEntry(7, BASE.occurredAt(), BASE.actor(), BASE.action(), BASE.entityType(), BASE.entityId(), BASE.agencyId(), "", BASE.after(), BASE.requestId(), BASE.prevHash(), null),
                new AuditEntry(7, BASE.occurredAt(), BASE.actor(), BASE.action(), BASE.entityType(), BASE.entityId(), BASE.agencyId(), BASE.before(), "{\"name\":\"Sở Y te\"}", BASE.requestId(), BASE.prevHash(), null),
                new AuditEntry(7, BASE.occurredAt(), BASE.actor(), BASE.action(), BASE.entityType(), BASE.entityId(), BASE.agencyId(), BASE.before(), BASE.after(), null, BASE.prevHash(), null),
                new AuditEntry(7, BASE.occurredAt(), BASE.actor(), BASE.action(), BASE.entityType(), BASE.entityId(), BASE.agencyId(), BASE.before(), BASE.after(), BASE.requestId(), "1".repeat(64), null));
        Set<String> hashes = new HashSet<>();
        variants.forEach(v -> hashes.add(AuditChain.hash(v)));
        assertThat(hashes).hasSize(variants.size());
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditEntry a = new AuditEntry(1, BASE.occurredAt(), "ab", "c", "t", null, null, null, null, null, AuditEntry.GENESIS, null);
        AuditEntry b = new AuditEntry(1, BASE.occurredAt(), "a", "bc", "t", null, null, null, null, null, AuditEntry.GENESIS, null);
        assertThat(AuditChain.hash(a)).isNotEqualTo(AuditChain.hash(b));
        assertThat(AuditChain.hash(a)).isEqualTo(AuditChain.hash(a)).hasSize(64);
    }
}
