package vn.kyso.reorganisation;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.db.Db;
import vn.kyso.reorganisation.Reorganisation.Item;
import vn.kyso.reorganisation.Reorganisation.Job;
import vn.kyso.reorganisation.Reorganisation.Outcome;
import vn.kyso.reorganisation.Reorganisation.Request;
import vn.kyso.reorganisation.Reorganisation.Status;

/** The reorganisation table: plans, progress and results, each change in its own short transaction. */
@Component
class JobStore {

    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Db db;
    private final JsonMapper json;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    JobStore(JdbcClient jdbc, Db db, JsonMapper json, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Called inside the caller's transaction, with its audit entry. */
    void insert(String id, Request request, List<Item> plan, String sha256, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO reorganisation (id, kind, request, status, total_items, done_items, failed_items, plan,
                    plan_sha256, created_by, created_at)
                VALUES (:id, :kind, :request, 'PLANNED', :total, 0, 0, :plan, :sha, :by, :at)""")
                .param("id", id).param("kind", request.kind().name()).param("request", json.writeValueAsString(request))
                .param("total", (int) plan.stream().filter(i -> i.outcome() == Outcome.WILL).count())
                .param("plan", json.writeValueAsString(plan)).param("sha", sha256).param("by", actor)
                .param("at", db.instant(at)).update();
    }

    /** PLANNED → RUNNING, only once: two registrars pressing start together get one run and one 409. */
    void markStarted(String id, String actor) {
        int changed = jdbc.sql("""
                UPDATE reorganisation SET status = 'RUNNING', started_by = :by, started_at = :at
                WHERE id = :id AND status = 'PLANNED'""")
                .param("id", id).param("by", actor).param("at", db.instant(clock.instant())).update();
        if (changed != 1) {
            throw ApiException.conflict("error.reorganisation.notPlanned", id);
        }
    }

    void progress(String id, int done, int failed) {
        tx.executeWithoutResult(s -> jdbc.sql(
                "UPDATE reorganisation SET done_items = :done, failed_items = :failed WHERE id = :id")
                .param("id", id).param("done", done).param("failed", failed).update());
    }

    void finish(String id, List<Item> results, int done, int failed) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    UPDATE reorganisation SET status = 'DONE', done_items = :done, failed_items = :failed,
                        result = :result, finished_at = :at WHERE id = :id""")
                    .param("id", id).param("done", done).param("failed", failed)
                    .param("result", json.writeValueAsString(results)).param("at", db.instant(clock.instant()))
                    .update();
            audit.record(new AuditLog.Change("reorganisation.finish", "reorganisation", id, null, null,
                    Map.of("done", done, "failed", failed)));
        });
    }

    void interrupted(String id) {
        tx.executeWithoutResult(s -> jdbc.sql("UPDATE reorganisation SET status = 'INTERRUPTED', finished_at = :at"
                + " WHERE id = :id AND status = 'RUNNING'").param("id", id)
                .param("at", db.instant(clock.instant())).update());
    }

    /**
     * A run cut short by a stop of the service cannot go on: every chunk it finished is committed and
     * none is half-done, and a new dry run lists what is left.
     */
    @EventListener(ApplicationReadyEvent.class)
    void interruptedByRestart() {
        tx.executeWithoutResult(s -> jdbc.sql("UPDATE reorganisation SET status = 'INTERRUPTED', finished_at = :at"
                + " WHERE status = 'RUNNING'").param("at", db.instant(clock.instant())).update());
    }

    /** Before a body closes: nothing may remain in it that the plan did not move. */
    void requireEmpty(String code) {
        long left = jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM subscriber s WHERE s.agency_id = a.id AND s.status = 'ACTIVE')
                     + (SELECT COUNT(*) FROM token t WHERE t.custodian_agency_id = a.id)
                     + (SELECT COUNT(*) FROM agency c WHERE c.parent_id = a.id AND c.status = 'ACTIVE')
                FROM agency a WHERE a.code = :code""").param("code", code).query(Long.class).single();
        if (left > 0) {
            throw ApiException.conflict("error.reorganisation.notEmpty", code, left);
        }
    }

    Optional<Job> find(String id, boolean withItems) {
        return jdbc.sql("SELECT * FROM reorganisation WHERE id = :id").param("id", id).query((rs, n) -> {
            List<Item> plan = json.readValue(rs.getString("plan"), ITEMS);
            String result = rs.getString("result");
            List<Item> items = result == null ? plan : json.readValue(result, ITEMS);
            Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
            items.forEach(i -> counts.merge(i.outcome(), 1L, Long::sum));
            return new Job(rs.getString("id"), Reorganisation.Kind.valueOf(rs.getString("kind")),
                    json.readValue(rs.getString("request"), Request.class), Status.valueOf(rs.getString("status")),
                    rs.getInt("total_items"), rs.getInt("done_items"), rs.getInt("failed_items"), counts,
                    withItems ? items : null, rs.getString("created_by"), db.instant(rs, "created_at"),
                    rs.getString("started_by"), db.instant(rs, "started_at"), db.instant(rs, "finished_at"), null);
        }).optional();
    }

    String planSha256(String id) {
        return jdbc.sql("SELECT plan_sha256 FROM reorganisation WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    List<Item> plan(String id) {
        return json.readValue(jdbc.sql("SELECT plan FROM reorganisation WHERE id = :id").param("id", id)
                .query(String.class).single(), ITEMS);
    }

    Request request(String id) {
        return json.readValue(jdbc.sql("SELECT request FROM reorganisation WHERE id = :id").param("id", id)
                .query(String.class).single(), Request.class);
    }
}
