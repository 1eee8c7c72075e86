package vn.kyso.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;

/**
 * Hundreds of requests that contradict each other, all released at once at one token or one
 * certificate: exactly one of each conflict wins, every other one is told 409, and what is stored
 * afterwards (state, history, records, audit chain) is what the winner alone would have left.
 */
public interface ConcurrentConflicts extends KysoApi {

    int RACERS = 200;

    @Test
    default void movesOnOneTokenWithTheVersionTheyReadHaveOneWinner() throws Exception {
        String agency = newAgency("Sở Xây dựng (đua)");
        Person holder = newIndividual(agency, "Vũ Thị Đua");
        String serial = receive(agency);
        assertThat(act(admin(), serial, Map.of("subscriberId", holder.id()), "hand-over").status()).isEqualTo(200);
        String certificate = issue(holder, serial);
        var token = admin().get("/api/v1/tokens/" + serial);
        long version = token.json().path("version").asLong();
        int history = token.json().path("history").size();
        long audited = audited("token", serial);

        List<String> moves = List.of("report-lost", "report-damaged", "return", "report-locked");
        List<Api> registrars = registrars();
        List<Api.Response> answers = race(i -> act(registrars.get(i % registrars.size()), serial,
                Map.of("version", version), moves.get(i % moves.size())));

        int winner = oneWinner(answers, 200);
        String won = moves.get(winner % moves.size());
        String state = answers.get(winner).json().path("token").path("state").asString();
        var after = admin().get("/api/v1/tokens/" + serial);
        assertThat(after.text("state")).isEqualTo(state);
        assertThat(after.json().path("version").asLong()).isEqualTo(version + 1);
        var events = after.json().path("history");
        assertThat(events.size()).isEqualTo(history + 1);
        assertThat(events.get(events.size() - 1).path("action").asString()).isEqualTo(won);
        assertThat(events.get(events.size() - 1).path("toState").asString()).isEqualTo(state);
        assertThat(audited("token", serial)).isEqualTo(audited + 1);
        // a lost or damaged token took its certificate with it, once
        boolean revokes = won.equals("report-lost") || won.equals("report-damaged");
        assertThat(admin().get("/api/v1/certificates/" + certificate).text("status"))
                .isEqualTo(revokes ? "REVOKED" : "VALID");
        assertThat(audited("certificate", certificate)).isEqualTo(revokes ? 2 : 1);
        assertChainHolds();
    }

    @Test
    default void handOversOfOneTokenLeaveOneHolderAndOneRecord() throws Exception {
        String agency = newAgency("Sở Tài chính (đua)");
        List<Person> people = List.of(newIndividual(agency, "Người Nhận Một"), newIndividual(agency, "Người Nhận Hai"),
                newIndividual(agency, "Người Nhận Ba"));
        String serial = receive(agency);
        long records = records(serial);
        List<Api> registrars = registrars();
        // no version sent: the state the token is in must be enough to refuse the rest
        List<Api.Response> answers = race(i -> act(registrars.get(i % registrars.size()), serial,
                Map.of("subscriberId", people.get(i % people.size()).id()), "hand-over"));

        int winner = oneWinner(answers, 200);
        var after = admin().get("/api/v1/tokens/" + serial);
        assertThat(after.text("state")).isEqualTo("IN_USE");
        assertThat(after.json().path("holder").path("subscriberId").asLong()).isEqualTo(people.get(winner % people.size()).id());
        assertThat(records(serial)).isEqualTo(records + 1);
        assertThat(after.json().path("records").size()).isEqualTo(1);
        assertThat(after.json().path("records").get(0).asString()).isEqualTo(answers.get(winner).text("record"));
        long handOvers = 0;
        for (var e : after.json().path("history")) {
            handOvers += e.path("action").asString().equals("hand-over") ? 1 : 0;
        }
        assertThat(handOvers).isEqualTo(1);
        assertChainHolds();
    }

    @Test
    default void revocationsOfOneCertificateWithDifferentReasonsRevokeItOnce() throws Exception {
        String agency = newAgency("Sở Nội vụ (đua)");
        String certificate = issue(newIndividual(agency, "Đỗ Văn Thu Hồi"), null);
        List<String> reasons = List.of("keyCompromise", "superseded", "cessationOfOperation", "affiliationChanged");
        List<Api> registrars = registrars();
        List<Api.Response> answers = race(i -> registrars.get(i % registrars.size()).post(
                "/api/v1/certificates/" + certificate + "/revoke", Map.of("reason", reasons.get(i % reasons.size()))));

        int winner = oneWinner(answers, 200);
        var after = admin().get("/api/v1/certificates/" + certificate);
        assertThat(after.text("status")).isEqualTo("REVOKED");
        assertThat(after.json().path("revocation").path("reason").asString())
                .isEqualTo(reasons.get(winner % reasons.size()));
        assertThat(audited("certificate", certificate)).isEqualTo(2);
        assertChainHolds();
    }

    @Test
    default void renewalsOfOneCertificateMakeOneSuccessor() throws Exception {
        String agency = newAgency("Sở Khoa học (đua)");
        String certificate = issue(newIndividual(agency, "Lý Thị Gia Hạn"), null);
        long id = certificateId(certificate);
        List<Api> registrars = registrars();
        List<Api.Response> answers = race(i -> registrars.get(i % registrars.size()).post(
                "/api/v1/certificates/" + certificate + "/renew", Map.of()));

        int winner = oneWinner(answers, 201);
        assertThat(successors(id)).containsExactly(answers.get(winner).text("serialNumber"));
        assertThat(audits("certificate.renew", certificate)).isEqualTo(1);
        assertChainHolds();
    }

    @Test
    default void renewalsAndRevocationsOfOneCertificateNeverRenewARevokedOne() throws Exception {
        String agency = newAgency("Sở Y tế (đua)");
        String certificate = issue(newIndividual(agency, "Hồ Văn Hai Đường"), null);
        long id = certificateId(certificate);
        List<Api> registrars = registrars();
        List<Api.Response> answers = race(i -> i % 2 == 0
                ? registrars.get(i % registrars.size()).post("/api/v1/certificates/" + certificate + "/renew", Map.of())
                : registrars.get(i % registrars.size()).post("/api/v1/certificates/" + certificate + "/revoke",
                        Map.of("reason", "keyCompromise")));

        int renewed = 0;
        int revoked = 0;
        for (int i = 0; i < answers.size(); i++) {
            int status = answers.get(i).status();
            assertThat(status).as(answers.get(i).toString()).isIn(i % 2 == 0 ? 201 : 200, 409);
            renewed += i % 2 == 0 && status == 201 ? 1 : 0;
            revoked += i % 2 == 1 && status == 200 ? 1 : 0;
        }
        // revoking a renewed certificate is allowed; renewing a revoked one is not, nor renewing twice
        assertThat(revoked).isEqualTo(1);
        assertThat(renewed).isLessThanOrEqualTo(1);
        assertThat(successors(id)).hasSize(renewed);
        if (renewed == 1) {
            long renewal = lastSeq("certificate.renew", successors(id).get(0));
            long revocation = lastSeq("certificate.revoke", certificate);
            assertThat(renewal).as("the renewal came before the revocation").isLessThan(revocation);
        }
        assertChainHolds();
    }

    @Test
    default void replacementsAndRevocationsOfOneCertificateHaveOneWinner() throws Exception {
        String agency = newAgency("Sở Công Thương (đua)");
        String certificate = issue(newIndividual(agency, "Mai Văn Thay Thế"), null);
        long id = certificateId(certificate);
        List<Api> registrars = registrars();
        List<Api.Response> answers = race(i -> i % 2 == 0
                ? registrars.get(i % registrars.size()).post("/api/v1/certificates/" + certificate + "/reissue", Map.of())
                : registrars.get(i % registrars.size()).post("/api/v1/certificates/" + certificate + "/revoke",
                        Map.of("reason", "affiliationChanged")));

        // a replacement revokes the old certificate as superseded, so either way only one gets through
        int winner = oneWinner(answers, answers.stream().anyMatch(r -> r.status() == 201) ? 201 : 200);
        var after = admin().get("/api/v1/certificates/" + certificate);
        assertThat(after.text("status")).isEqualTo("REVOKED");
        boolean replaced = winner % 2 == 0;
        assertThat(after.json().path("revocation").path("reason").asString())
                .isEqualTo(replaced ? "superseded" : "affiliationChanged");
        assertThat(successors(id)).hasSize(replaced ? 1 : 0);
        assertThat(audited("certificate", certificate)).isEqualTo(replaced ? 1 : 2);
        assertChainHolds();
    }

    /** Runs {@link #RACERS} calls released together; the answers in the order of their index. */
    private List<Api.Response> race(IntFunction<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index);
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                answers.add(f.get(180, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exactly one answer has {@code success}, every other one is a 409 problem; the winner's index. */
    private static int oneWinner(List<Api.Response> answers, int success) {
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Api.Response r = answers.get(i);
            if (r.status() == success) {
                winners.add(i);
            } else {
                assertThat(r.status()).as("racer " + i + ": " + r).isEqualTo(409);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(winners).as("winners").hasSize(1);
        return winners.get(0);
    }

    /** Several registrars, each already signed in once so the race is not spent hashing passwords. */
    private List<Api> registrars() {
        List<Api> registrars = new ArrayList<>(List.of(admin()));
        for (int i = 0; i < 3; i++) {
            registrars.add(newUser("REGISTRAR", null));
        }
        registrars.forEach(r -> assertThat(r.get("/api/v1/users/me").status()).isEqualTo(200));
        return registrars;
    }

    private String receive(String agency) {
        String serial = unique("RC");
        var response = admin().post("/api/v1/tokens", Map.of("serial", serial, "model", "SAFENET-5110",
                "agencyCode", agency));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return serial;
    }

    private String issue(Person holder, String token) {
        var body = new java.util.HashMap<String, Object>(Map.of("subscriberId", holder.id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1"))));
        if (token != null) {
            body.put("tokenSerial", token);
        }
        var issued = admin().post("/api/v1/certificates", body);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.text("serialNumber");
    }

    private static Api.Response act(Api as, String serial, Map<String, Object> body, String action) {
        return as.post("/api/v1/tokens/" + serial + "/" + action, body);
    }

    private long audited(String type, String id) {
        return admin().get("/api/v1/audit?entity=" + type + ":" + id).json().path("totalItems").asLong();
    }

    private long audits(String action, String replaced) {
        return jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND before_state LIKE ?")
                .param(action).param("%" + replaced + "%").query(Long.class).single();
    }

    private long lastSeq(String action, String serial) {
        return jdbc().sql("SELECT MAX(seq) FROM audit_entry WHERE action = ? AND entity_id = ?")
                .param(action).param(serial).query(Long.class).single();
    }

    private long records(String serial) {
        return jdbc().sql("SELECT COUNT(*) FROM handover_record r JOIN token t ON t.id = r.token_id WHERE t.serial = ?")
                .param(serial).query(Long.class).single();
    }

    private long certificateId(String serial) {
        return jdbc().sql("SELECT id FROM certificate WHERE serial = ?").param(serial).query(Long.class).single();
    }

    private List<String> successors(long id) {
        return jdbc().sql("SELECT serial FROM certificate WHERE replaces_id = ?").param(id).query(String.class).list();
    }

    private void assertChainHolds() {
        var verify = admin().get("/api/v1/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().path("valid").asBoolean()).as(verify.toString()).isTrue();
    }
}
