package vn.kyso.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.audit.AuditLog;
import vn.kyso.support.SqliteContext;
import vn.kyso.support.TestPki;

/**
 * Work queued while the writer is busy goes into one transaction, yet each piece stands alone: the
 * one that fails is undone and its caller alone gets the error; the others are stored and audited
 * under their own callers' names.
 */
class GroupCommitSqliteTest extends SqliteContext {

    @Autowired
    GroupCommit groupCommit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditLog audit;

    @BeforeEach
    void probeTable() {
        jdbc().sql("CREATE TABLE IF NOT EXISTS group_commit_probe (v VARCHAR(40) NOT NULL)").update();
    }

    private long stored(String v) {
        return jdbc().sql("SELECT COUNT(*) FROM group_commit_probe WHERE v = :v").param("v", v).query(Long.class).single();
    }

    private CompletableFuture<Object> submit(String actor, Runnable work) {
        return CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(actor, "x", "ROLE_REGISTRAR"));
            try {
                groupCommit.run(work);
                return "ok";
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    @Test
    void aFailingPieceIsUndoneAloneAndTheRestOfItsBatchCommits() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var blocker = CompletableFuture.runAsync(() -> groupCommit.run(() -> {
            writerBusy.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(writerBusy.await(30, TimeUnit.SECONDS)).isTrue();

        List<CompletableFuture<Object>> pieces = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String v = tag + "-" + i;
            boolean fails = i == 3;
            pieces.add(submit("actor-" + i, () -> {
                jdbc().sql("INSERT INTO group_commit_probe (v) VALUES (:v)").param("v", v).update();
                audit.record(new AuditLog.Change("probe.write", "probe", v, null, null, Map.of("v", v)));
                if (fails) {
                    throw new IllegalStateException("piece " + v + " refuses");
                }
            }));
        }
        // all six wait behind the blocker, so the writer takes them as one batch
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (groupCommit.waiting() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(groupCommit.waiting()).isEqualTo(6);
        release.countDown();
        blocker.get(30, TimeUnit.SECONDS);

        for (int i = 0; i < 6; i++) {
            String v = tag + "-" + i;
            if (i == 3) {
                assertThatThrownBy(() -> pieces.get(3).join()).hasRootCauseMessage("piece " + v + " refuses");
                assertThat(stored(v)).isZero();
                assertThat(auditActor(v)).isEmpty();
            } else {
                assertThat(pieces.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("ok");
                assertThat(stored(v)).isEqualTo(1);
                assertThat(auditActor(v)).containsExactly("actor-" + i);
            }
        }
        assertThat(admin().get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
    }

    private List<String> auditActor(String v) {
        return jdbc().sql("SELECT actor FROM audit_entry WHERE entity_type = 'probe' AND entity_id = :v")
                .param("v", v).query(String.class).list();
    }

    @Test
    void insideATransactionTheWorkJoinsIt() {
        String v = "joined-" + System.nanoTime();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            groupCommit.run(() -> jdbc().sql("INSERT INTO group_commit_probe (v) VALUES (:v)").param("v", v).update());
            throw new IllegalStateException("the caller's transaction fails afterwards");
        })).hasMessageContaining("fails afterwards");
        assertThat(stored(v)).as("undone with the transaction it joined").isZero();
    }

    @Test
    void issuesSentTogetherAreAllStoredAndAudited() throws Exception {
        String agency = newAgency("Sở Khoa học và Công nghệ");
        List<CompletableFuture<String>> issued = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long subscriber = newIndividual(agency, "Người ký " + i).id();
            String csr = TestPki.csr(TestPki.ec("secp256r1"));
            issued.add(CompletableFuture.supplyAsync(() -> {
                var response = admin().post("/api/v1/certificates", Map.of("subscriberId", subscriber, "csr", csr));
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                return response.text("serialNumber");
            }));
        }
        for (var serial : issued) {
            String s = serial.get(60, TimeUnit.SECONDS);
            assertThat(admin().get("/api/v1/certificates/" + s).status()).isEqualTo(200);
            assertThat(admin().get("/api/v1/audit?entity=certificate:" + s).json().path("items").size()).isEqualTo(1);
        }
        assertThat(admin().get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
    }
}
