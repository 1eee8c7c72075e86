package vn.kyso.audit;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.common.RequestLogFilter;
import vn.kyso.common.db.Db;

/**
 * Appends to the audit chain inside the caller's transaction: the change and its entry commit
 * together or not at all. Nothing here updates or deletes an entry.
 */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final Db db;
    private final Clock clock;
    private final JsonMapper json;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    public AuditLog(JdbcClient jdbc, Db db, Clock clock, JsonMapper json,
            org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.db = db;
        this.clock = clock;
        this.json = json;
    }

    /** What changed: {@code before} and {@code after} are summaries (records, maps), null for none. */
    public record Change(String action, String entityType, String entityId, Long agencyId, Object before, Object after) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(Change change) {
        return record(currentActor(), change);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(String actor, Change change) {
        // Claim the next sequence number first: this write takes the lock that orders appenders.
        jdbc.sql("UPDATE audit_head SET seq = seq + 1 WHERE id = 1").update();
        var head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong("seq"), rs.getString("hash")}).single();
        long seq = (Long) head[0];
        String prevHash = (String) head[1];
        Instant now = clock.instant();
        AuditEntry unsigned = new AuditEntry(seq, now, actor, change.action(), change.entityType(),
                change.entityId(), change.agencyId(), toJson(change.before()), toJson(change.after()),
                MDC.get(RequestLogFilter.REQUEST_ID), prevHash, null);
        String hash = AuditChain.hash(unsigned);
        jdbc.sql("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, agency_id,
                    before_state, after_state, request_id, prev_hash, hash)
                VALUES (:seq, :at, :actor, :action, :type, :id, :agency, :before, :after, :rid, :prev, :hash)""")
                .param("seq", seq).param("at", db.instant(now)).param("actor", actor)
                .param("action", unsigned.action()).param("type", unsigned.entityType())
                .param("id", unsigned.entityId()).param("agency", unsigned.agencyId())
                .param("before", unsigned.before()).param("after", unsigned.after())
                .param("rid", unsigned.requestId()).param("prev", prevHash).param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit_head SET hash = :hash WHERE id = 1").param("hash", hash).update();
        return new AuditEntry(seq, now, actor, unsigned.action(), unsigned.entityType(), unsigned.entityId(),
                unsigned.agencyId(), unsigned.before(), unsigned.after(), unsigned.requestId(), prevHash, hash);
    }

    /**
     * Appends many entries with one claim on the head: the same chain, entry by entry, as many
     * calls of {@link #record(Change)} would make, for imports that change thousands of records in
     * one transaction. The head is read and written once, and the inserts go in batches.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(java.util.List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String actor = currentActor();
        jdbc.sql("UPDATE audit_head SET seq = seq + :n WHERE id = 1").param("n", changes.size()).update();
        var head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong("seq"), rs.getString("hash")}).single();
        long seq = (Long) head[0] - changes.size();
        String prevHash = (String) head[1];
        Instant now = clock.instant();
        String requestId = MDC.get(RequestLogFilter.REQUEST_ID);
        java.util.List<Object[]> rows = new java.util.ArrayList<>(changes.size());
        for (Change change : changes) {
            seq++;
            AuditEntry unsigned = new AuditEntry(seq, now, actor, change.action(), change.entityType(),
                    change.entityId(), change.agencyId(), toJson(change.before()), toJson(change.after()),
                    requestId, prevHash, null);
            String hash = AuditChain.hash(unsigned);
            rows.add(new Object[] {seq, db.instant(now), actor, unsigned.action(), unsigned.entityType(),
                unsigned.entityId(), unsigned.agencyId(), unsigned.before(), unsigned.after(), requestId, prevHash,
                hash});
            prevHash = hash;
        }
        batch.batchUpdate("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, agency_id,
                    before_state, after_state, request_id, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("UPDATE audit_head SET hash = :hash WHERE id = 1").param("hash", prevHash).update();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        return json.writeValueAsString(value);
    }

    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }
}
