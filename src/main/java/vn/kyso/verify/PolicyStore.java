package vn.kyso.verify;

import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.db.Db;

/** The validation policy in force: the administrator's, or the safe defaults. */
@Service
public class PolicyStore {

    private final JdbcClient jdbc;
    private final Db db;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    public PolicyStore(JdbcClient jdbc, Db db, JsonMapper json, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored text last read and what it says: read for every verification, it seldom changes. */
    private record Read(String text, ValidationPolicy policy) {
    }

    private volatile Read last = new Read(null, ValidationPolicy.defaults());

    public ValidationPolicy current() {
        String text = jdbc.sql("SELECT policy FROM validation_policy WHERE id = 1").query(String.class).optional()
                .orElse(null);
        Read read = last;
        if (!java.util.Objects.equals(read.text(), text)) {
            read = new Read(text, text == null ? ValidationPolicy.defaults() : json.readValue(text, ValidationPolicy.class));
            last = read;
        }
        return read.policy();
    }

    @Transactional
    public ValidationPolicy replace(ValidationPolicy policy) {
        if (policy.minRsaBits() < 1024 || policy.minEcBits() < 160 || policy.minDsaBits() < 1024
                || policy.sha1AcceptedBefore() == null) {
            throw ApiException.badField("policy", "error.verify.policy");
        }
        ValidationPolicy before = current();
        String text = json.writeValueAsString(policy);
        int updated = jdbc.sql("UPDATE validation_policy SET policy = :p, updated_at = :at, updated_by = :by WHERE id = 1")
                .param("p", text).param("at", db.instant(clock.instant())).param("by", AuditLog.currentActor())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO validation_policy (id, policy, updated_at, updated_by) VALUES (1, :p, :at, :by)")
                    .param("p", text).param("at", db.instant(clock.instant())).param("by", AuditLog.currentActor())
                    .update();
        }
        audit.record(new AuditLog.Change("validation-policy.update", "validation_policy", "1", null,
                Map.of("policy", before), Map.of("policy", policy)));
        return policy;
    }
}
