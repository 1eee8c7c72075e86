package vn.kyso.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.common.db.Db;

/** The import_job table. */
@Repository
class ImportJobs {

    enum Status {
        /** The file was read; its dry run is under way. */
        PLANNING,
        /** The dry run found nothing to refuse: the file may be applied. */
        PLANNED,
        /** The dry run refused at least one row: nothing of the file can be applied. */
        REJECTED,
        APPLYING,
        APPLIED,
        /** The database changed since the dry run so that the plan no longer holds; nothing was applied. */
        STALE,
        /** The real run failed; its transaction was rolled back, so nothing was applied. */
        FAILED,
        /** Kyso stopped while the real run was under way; its transaction never committed. */
        INTERRUPTED
    }

    record Job(String id, ImportKind kind, String fileName, String fileSha256, long fileSize, String encoding,
            Status status, int totalRows, Map<Outcome, Integer> counts, List<PlanRow> rows, String planSha256,
            Long auditSeq, String message, String createdBy, Instant createdAt, String appliedBy, Instant startedAt,
            Instant finishedAt) {
    }

    private static final String COLUMNS = "id, kind, file_name, file_sha256, file_size, encoding, status, total_rows,"
            + " counts, plan, plan_sha256, audit_seq, message, created_by, created_at, applied_by, started_at, finished_at";

    private final JdbcClient jdbc;
    private final Db db;
    private final JsonMapper json;

    ImportJobs(JdbcClient jdbc, Db db, JsonMapper json) {
        this.jdbc = jdbc;
        this.db = db;
        this.json = json;
    }

    void insert(Job job, byte[] content) {
        jdbc.sql("INSERT INTO import_job (" + COLUMNS + ", content) VALUES (:id, :kind, :fileName, :sha, :size,"
                + " :encoding, :status, :total, :counts, :plan, :planSha, NULL, :message, :createdBy, :createdAt,"
                + " NULL, NULL, NULL, :content)")
                .param("id", job.id()).param("kind", job.kind().name()).param("fileName", job.fileName())
                .param("sha", job.fileSha256()).param("size", job.fileSize()).param("encoding", job.encoding())
                .param("status", job.status().name()).param("total", job.totalRows())
                .param("counts", json.writeValueAsString(job.counts())).param("plan", json.writeValueAsString(job.rows()))
                .param("planSha", job.planSha256()).param("message", job.message())
                .param("createdBy", job.createdBy()).param("createdAt", db.instant(job.createdAt()))
                .param("content", content).update();
    }

    Optional<Job> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = :id").param("id", id)
                .query(this::job).optional();
    }

    byte[] content(String id) {
        return jdbc.sql("SELECT content FROM import_job WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes("content")).single();
    }

    /** The newest jobs, without their rows. */
    List<Job> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS.replace("plan,", "'[]' AS plan,")
                + " FROM import_job ORDER BY created_at DESC, id LIMIT :limit").param("limit", limit)
                .query(this::job).list();
    }

    /** Records the dry run's outcome: PLANNED or REJECTED, with the rows and the audit chain's length it saw. */
    void planned(String id, Status status, Map<Outcome, Integer> counts, List<PlanRow> rows, String planSha256,
            long auditSeq) {
        jdbc.sql("UPDATE import_job SET status = :status, counts = :counts, plan = :plan, plan_sha256 = :sha,"
                + " audit_seq = :seq WHERE id = :id AND status = 'PLANNING'").param("id", id)
                .param("status", status.name()).param("counts", json.writeValueAsString(counts))
                .param("plan", json.writeValueAsString(rows)).param("sha", planSha256).param("seq", auditSeq).update();
    }

    void planFailed(String id, String message) {
        jdbc.sql("UPDATE import_job SET status = 'FAILED', message = :message WHERE id = :id AND status = 'PLANNING'")
                .param("id", id).param("message", message).update();
    }

    /** Takes a planned job for its real run; false if someone else took it first or it is not planned. */
    boolean claim(String id, String actor, Instant at) {
        return jdbc.sql("UPDATE import_job SET status = 'APPLYING', applied_by = :actor, started_at = :at"
                + " WHERE id = :id AND status = 'PLANNED'").param("id", id).param("actor", actor)
                .param("at", db.instant(at)).update() == 1;
    }

    /** Ends a real run in its own transaction; false if the job was no longer applying (then roll back). */
    boolean finish(String id, Status status, List<PlanRow> rows, String message, Instant at) {
        var sql = jdbc.sql("UPDATE import_job SET status = :status, message = :message, finished_at = :at"
                + (rows == null ? "" : ", plan = :plan") + " WHERE id = :id AND status = 'APPLYING'")
                .param("id", id).param("status", status.name()).param("message", message).param("at", db.instant(at));
        if (rows != null) {
            sql = sql.param("plan", json.writeValueAsString(rows));
        }
        return sql.update() == 1;
    }

    void markStale(String id, String message) {
        jdbc.sql("UPDATE import_job SET status = 'STALE', message = :message WHERE id = :id AND status = 'PLANNED'")
                .param("id", id).param("message", message).update();
    }

    /** On start: a run that was under way when Kyso stopped never committed. */
    int interruptRunning(Instant at) {
        return jdbc.sql("UPDATE import_job SET status = 'INTERRUPTED', finished_at = :at"
                + " WHERE status IN ('PLANNING', 'APPLYING')")
                .param("at", db.instant(at)).update();
    }

    private Job job(ResultSet rs, int n) throws SQLException {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        counts.putAll(json.readValue(rs.getString("counts"), new TypeReference<Map<Outcome, Integer>>() { }));
        List<PlanRow> rows = json.readValue(rs.getString("plan"), new TypeReference<List<PlanRow>>() { });
        return new Job(rs.getString("id"), ImportKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                rs.getString("file_sha256"), rs.getLong("file_size"), rs.getString("encoding"),
                Status.valueOf(rs.getString("status")), rs.getInt("total_rows"), counts, rows,
                rs.getString("plan_sha256"), TokenImport.nullableLong(rs, "audit_seq"), rs.getString("message"),
                rs.getString("created_by"),
                db.instant(rs, "created_at"), rs.getString("applied_by"), db.instant(rs, "started_at"),
                db.instant(rs, "finished_at"));
    }
}
