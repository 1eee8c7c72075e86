package vn.kyso.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.db.Db;

/** Which actions need four eyes: one row per action, read on every call so a change applies at once. */
@Service
public class ApprovalRules {

    private final JdbcClient jdbc;
    private final Db db;
    private final AuditLog audit;
    private final Clock clock;

    public ApprovalRules(JdbcClient jdbc, Db db, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public record Rule(ApprovalAction action, boolean fourEyes, long version, String updatedBy, Instant updatedAt) {
    }

    public boolean fourEyes(ApprovalAction action) {
        return jdbc.sql("SELECT four_eyes FROM approval_rule WHERE action = :action").param("action", action.name())
                .query((rs, n) -> rs.getBoolean(1)).optional().orElse(false);
    }

    public List<Rule> all() {
        return jdbc.sql("SELECT action, four_eyes, version, updated_by, updated_at FROM approval_rule ORDER BY action")
                .query((rs, n) -> new Rule(ApprovalAction.valueOf(rs.getString("action")), rs.getBoolean("four_eyes"),
                        rs.getLong("version"), rs.getString("updated_by"), db.instant(rs, "updated_at")))
                .list();
    }

    public Rule get(ApprovalAction action) {
        return all().stream().filter(r -> r.action() == action).findFirst()
                .orElseThrow(() -> ApiException.notFound("error.approval.unknownAction", action));
    }

    @Transactional
    public Rule set(ApprovalAction action, boolean fourEyes, Long version) {
        Rule before = get(action);
        if (version != null && version != before.version()) {
            throw ApiException.conflict("error.concurrentChange");
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE approval_rule SET four_eyes = :on, version = version + 1, updated_by = :by, updated_at = :at
                WHERE action = :action AND version = :version""")
                .param("on", fourEyes).param("by", AuditLog.currentActor()).param("at", db.instant(now))
                .param("action", action.name()).param("version", before.version()).update();
        if (updated != 1) {
            throw ApiException.conflict("error.concurrentChange");
        }
        Rule after = get(action);
        audit.record(new AuditLog.Change("approval-rule.update", "approval-rule", action.name(), null,
                Map.of("fourEyes", before.fourEyes()), Map.of("fourEyes", after.fourEyes())));
        return after;
    }
}
