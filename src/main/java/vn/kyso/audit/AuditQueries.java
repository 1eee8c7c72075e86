package vn.kyso.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kyso.common.PageResult;
import vn.kyso.common.db.Db;

/** Reads the audit chain: filtered pages for people, and the whole chain for verification. */
@Service
public class AuditQueries {

    private static final int VERIFY_BATCH = 2000;

    private final JdbcClient jdbc;
    private final Db db;

    public AuditQueries(JdbcClient jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    public record Filter(Instant from, Instant to, String actor, String entityType, String entityId) {
    }

    public PageResult<AuditEntry> find(Filter filter, PageResult.PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(db.instant(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            args.add(db.instant(filter.to()));
        }
        if (filter.actor() != null) {
            where.append(" AND actor = ?");
            args.add(filter.actor());
        }
        if (filter.entityType() != null) {
            where.append(" AND entity_type = ?");
            args.add(filter.entityType());
        }
        if (filter.entityId() != null) {
            where.append(" AND entity_id = ?");
            args.add(filter.entityId());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<AuditEntry> items = jdbc.sql("SELECT * FROM audit_entry" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(pageArgs).query(this::row).list();
        return PageResult.of(items, page, total);
    }

    public record Verification(boolean valid, long entries, Long firstBrokenSeq) {
    }

    /**
     * Walks the chain in order. An entry is broken if its sequence number skips (an entry was
     * removed), its prev_hash is not the hash of the entry before, or its own hash does not match
     * its content. The head row must point at the last entry (entries cut off the end).
     */
    public Verification verify() {
        long expectedSeq = 1;
        String prevHash = AuditEntry.GENESIS;
        long count = 0;
        while (true) {
            List<AuditEntry> batch = jdbc.sql("SELECT * FROM audit_entry WHERE seq >= ? ORDER BY seq LIMIT ?")
                    .params(expectedSeq, VERIFY_BATCH).query(this::row).list();
            for (AuditEntry entry : batch) {
                if (entry.seq() != expectedSeq) {
                    return new Verification(false, count, expectedSeq);
                }
                if (!entry.prevHash().equals(prevHash) || !AuditChain.hash(entry).equals(entry.hash())) {
                    return new Verification(false, count, entry.seq());
                }
                prevHash = entry.hash();
                expectedSeq++;
                count++;
            }
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        var head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong("seq"), rs.getString("hash")}).single();
        if ((Long) head[0] != count || !prevHash.equals(head[1])) {
            return new Verification(false, count, count + 1);
        }
        return new Verification(true, count, null);
    }

    private AuditEntry row(ResultSet rs, int n) throws SQLException {
        long agency = rs.getLong("agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        return new AuditEntry(rs.getLong("seq"), db.instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), agencyId,
                rs.getString("before_state"), rs.getString("after_state"), rs.getString("request_id"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
