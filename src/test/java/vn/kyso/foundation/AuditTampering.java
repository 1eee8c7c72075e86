package vn.kyso.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kyso.support.KysoApi;

/**
 * Someone with write access to the database edits or deletes audit rows behind Kyso's back;
 * /audit/verify names the first row that no longer fits. Each test restores what it broke, so
 * the shared database stays valid for the others.
 */
public interface AuditTampering extends KysoApi {

    private long newEntry() {
        String code = unique("A");
        assertThat(admin().post("/api/v1/agencies", Map.of("code", code, "name", "Phòng kiểm tra")).status())
                .isEqualTo(201);
        return jdbc().sql("SELECT seq FROM audit_entry WHERE entity_id = ? AND action = 'agency.create'")
                .param(code).query(Long.class).single();
    }

    private Map<String, Object> verify() {
        var response = admin().get("/api/v1/audit/verify");
        assertThat(response.status()).isEqualTo(200);
        return Map.of("valid", response.json().path("valid").asBoolean(),
                "firstBrokenSeq", response.json().path("firstBrokenSeq").asLong(-1));
    }

    @Test
    default void editingAnyFieldOfARowIsReportedAtThatRow() {
        long seq = newEntry();
        newEntry();
        assertThat(verify()).containsEntry("valid", true);
        for (String column : new String[] {"actor", "action", "after_state", "entity_id"}) {
            String original = jdbc().sql("SELECT " + column + " FROM audit_entry WHERE seq = ?").param(seq)
                    .query(String.class).single();
            jdbc().sql("UPDATE audit_entry SET " + column + " = ? WHERE seq = ?")
                    .params(original.replace('A', 'B') + "x", seq).update();
            assertThat(verify()).as(column).containsEntry("valid", false).containsEntry("firstBrokenSeq", seq);
            jdbc().sql("UPDATE audit_entry SET " + column + " = ? WHERE seq = ?").params(original, seq).update();
        }
        assertThat(verify()).containsEntry("valid", true);
    }

    @Test
    default void deletingARowOrCuttingOffTheEndIsReported() {
        long middle = newEntry();
        long last = newEntry();
        for (long seq : new long[] {middle, last}) {
            Map<String, Object> row = jdbc().sql("SELECT * FROM audit_entry WHERE seq = ?").param(seq).query().singleRow();
            jdbc().sql("DELETE FROM audit_entry WHERE seq = ?").param(seq).update();
            assertThat(verify()).containsEntry("valid", false).containsEntry("firstBrokenSeq", seq);
            jdbc().sql("""
                    INSERT INTO audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, agency_id,
                        before_state, after_state, request_id, prev_hash, hash)
                    VALUES (:seq, :occurred_at, :actor, :action, :entity_type, :entity_id, :agency_id,
                        :before_state, :after_state, :request_id, :prev_hash, :hash)""").params(row).update();
        }
        assertThat(verify()).containsEntry("valid", true);
    }

    @Test
    default void aRecomputedRowStillBreaksTheLinkToTheNext() {
        long seq = newEntry();
        newEntry();
        String hash = jdbc().sql("SELECT hash FROM audit_entry WHERE seq = ?").param(seq).query(String.class).single();
        // a forger who rewrites a row's own hash cannot also fix the next row's prev_hash without
        // rewriting the rest of the chain and the head
        jdbc().sql("UPDATE audit_entry SET hash = ? WHERE seq = ?").params("f".repeat(64), seq).update();
        assertThat(verify()).containsEntry("valid", false).containsEntry("firstBrokenSeq", seq);
        jdbc().sql("UPDATE audit_entry SET hash = ? WHERE seq = ?").params(hash, seq).update();
        assertThat(verify()).containsEntry("valid", true);
    }
}
