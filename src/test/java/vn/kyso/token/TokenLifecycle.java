package vn.kyso.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.kyso.ca.Pki;
import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;

/** The life of a USB token through the API, what follows from each move, and what is refused. */
public interface TokenLifecycle extends KysoApi {

    private String receive(String agencyCode) {
        String serial = unique("TK");
        Map<String, Object> body = new HashMap<>(Map.of("serial", serial, "model", "SAFENET-5110", "batch", "2026-Q4"));
        if (agencyCode != null) {
            body.put("agencyCode", agencyCode);
        }
        var response = admin().post("/api/v1/tokens", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return serial;
    }

    private Api.Response act(Api as, String serial, String action, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return as.post("/api/v1/tokens/" + serial + "/" + action, body);
    }

    private void move(String serial, String action, String expectedState, Object... fields) {
        var response = act(admin(), serial, action, fields);
        assertThat(response.status()).as(action + ": " + response).isEqualTo(200);
        assertThat(response.json().path("token").path("state").asString()).isEqualTo(expectedState);
    }

    private void refused(String serial, String action, String state, String... allowed) {
        var response = act(admin(), serial, action, "subscriberId", 1, "agencyCode", "X");
        assertThat(response.status()).as(action + " from " + state).isEqualTo(409);
        assertThat(response.json().path("currentState").asString()).isEqualTo(state);
        List<String> actions = new ArrayList<>();
        response.json().path("allowedActions").forEach(a -> actions.add(a.asString()));
        assertThat(actions).containsExactlyInAnyOrder(allowed);
        assertThat(response.json().path("message").path("vi").asString()).contains(state);
    }

    private String pdfText(String number) {
        var pdf = admin().getBytes("/api/v1/handover-records/" + number, "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    default void aTokenWalksItsWholeLifeAndEveryIllegalMoveIsRefused() {
        String agency = newAgency("Sở Tài nguyên và Môi trường");
        Person person = newIndividual(agency, "Đặng Thị Ngọc Hân");
        String serial = receive(null);
        refused(serial, "hand-over", "IN_STOCK", "allocate", "report-damaged", "return-to-provider");
        move(serial, "allocate", "ALLOCATED", "agencyCode", agency);
        refused(serial, "unlock", "ALLOCATED", "take-back", "hand-over", "report-lost", "report-damaged");

        var handover = act(admin(), serial, "hand-over", "subscriberId", person.id(), "note", "Cấp mới theo Mẫu 01");
        assertThat(handover.status()).as(handover.toString()).isEqualTo(200);
        assertThat(handover.json().path("token").path("holder").path("fullName").asString()).isEqualTo("Đặng Thị Ngọc Hân");
        String record = handover.json().path("record").asString();
        assertThat(record).matches("\\d{4}/BBBG-\\d{6}");
        String text = pdfText(record);
        assertThat(text).contains("BIÊN BẢN BÀN GIAO THIẾT BỊ LƯU KHÓA BÍ MẬT").contains("Đặng Thị Ngọc Hân")
                .contains(serial).contains("Sở Tài nguyên và Môi trường").contains("SafeNet eToken 5110");

        move(serial, "report-locked", "LOCKED");
        move(serial, "request-restore", "RESTORE_REQUESTED");
        move(serial, "unlock", "IN_USE");
        var back = act(admin(), serial, "return", "note", "Nghỉ hưu");
        assertThat(back.json().path("token").path("state").asString()).isEqualTo("RECOVERED");
        assertThat(back.json().path("token").path("holder").isNull()).isTrue();
        assertThat(pdfText(back.json().path("record").asString())).contains("BIÊN BẢN THU HỒI");
        move(serial, "return-to-provider", "RETURNED_TO_PROVIDER");
        move(serial, "retire", "RETIRED");
        refused(serial, "hand-over", "RETIRED");
        refused(serial, "allocate", "RETIRED");

        var detail = admin().get("/api/v1/tokens/" + serial.toLowerCase());
        List<String> history = new ArrayList<>();
        detail.json().path("history").forEach(e -> history.add(e.path("action").asString() + ">" + e.path("toState").asString()));
        assertThat(history).containsExactly("receive>IN_STOCK", "allocate>ALLOCATED", "hand-over>IN_USE",
                "report-locked>LOCKED", "request-restore>RESTORE_REQUESTED", "unlock>IN_USE", "return>RECOVERED",
                "return-to-provider>RETURNED_TO_PROVIDER", "retire>RETIRED");
        assertThat(detail.json().path("history").get(2).path("holder").path("fullName").asString()).isEqualTo("Đặng Thị Ngọc Hân");
        assertThat(detail.json().path("history").get(2).path("actor").asString()).isEqualTo(adminName());
        assertThat(detail.json().path("records").size()).isEqualTo(2);
        assertThat(detail.json().path("allowedActions").size()).isZero();
        var audit = admin().get("/api/v1/audit?entity=token:" + serial + "&size=50");
        assertThat(audit.json().path("totalItems").asLong()).isEqualTo(9);
    }

    String adminName();

    @Test
    default void aLostTokenTakesItsCertificatesWithItAndNeverComesBack() throws Exception {
        String agency = newAgency("Sở Văn hóa, Thể thao và Du lịch");
        Person person = newIndividual(agency, "Lò Văn Pó");
        String serial = receive(agency);
        move(serial, "hand-over", "IN_USE", "subscriberId", person.id());
        var issued = admin().post("/api/v1/certificates", Map.of("subscriberId", person.id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1")), "tokenSerial", serial));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.text("tokenSerial")).isEqualTo(serial);
        String certificate = issued.text("serialNumber");
        X509Certificate issuing = Pki.certificates(api().getBytes("/ca/kyso.crt", null).body()).get(0);
        assertThat(TestPki.ocsp(api(), issuing, new BigInteger(certificate, 16))).isEqualTo("good");

        Instant before = Instant.now().minusSeconds(1);
        var lost = act(admin(), serial, "report-lost", "note", "Mất khi đi công tác");
        assertThat(lost.status()).as(lost.toString()).isEqualTo(200);
        assertThat(lost.json().path("revokedCertificates").toString()).contains(certificate);
        var view = admin().get("/api/v1/certificates/" + certificate);
        assertThat(view.text("status")).isEqualTo("REVOKED");
        assertThat(view.json().path("revocation").path("reason").asString()).isEqualTo("keyCompromise");
        assertThat(view.json().path("revocation").path("case").asString()).isEqualTo("TOKEN_LOST");
        assertThat(Instant.parse(view.json().path("revocation").path("invalidityDate").asString())).isAfter(before);
        // visible at once in both, with no wait
        assertThat(TestPki.ocsp(api(), issuing, new BigInteger(certificate, 16))).isEqualTo("revoked:1");
        var crl = (java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new java.io.ByteArrayInputStream(api().getBytes("/crl/kyso.crl", null).body()));
        assertThat(crl.getRevokedCertificate(new BigInteger(certificate, 16))).isNotNull();

        refused(serial, "hand-over", "LOST", "retire");
        var onLost = admin().post("/api/v1/certificates", Map.of("subscriberId", person.id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1")), "tokenSerial", serial));
        assertThat(onLost.status()).isEqualTo(409);
        assertThat(onLost.errorFields()).containsExactly("tokenSerial");
    }

    @Test
    default void aDamagedTokensCertificatesCeaseAndBulkRevocationCanNameAToken() {
        String agency = newAgency("Sở Ngoại vụ");
        Person person = newIndividual(agency, "Hà Văn Thắng");
        String damaged = receive(agency);
        move(damaged, "hand-over", "IN_USE", "subscriberId", person.id());
        String first = admin().post("/api/v1/certificates", Map.of("subscriberId", person.id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1")), "tokenSerial", damaged)).text("serialNumber");
        var result = act(admin(), damaged, "report-damaged");
        assertThat(result.json().path("revokedCertificates").toString()).contains(first);
        assertThat(admin().get("/api/v1/certificates/" + first).json().path("revocation").path("reason").asString())
                .isEqualTo("cessationOfOperation");

        String other = receive(agency);
        move(other, "hand-over", "IN_USE", "subscriberId", person.id());
        String second = admin().post("/api/v1/certificates", Map.of("subscriberId", person.id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1")), "tokenSerial", other)).text("serialNumber");
        var dry = admin().post("/api/v1/certificates/bulk-revoke", Map.of("tokenSerial", other, "reason", "superseded"));
        assertThat(dry.json().path("total").asInt()).isEqualTo(1);
        assertThat(dry.raw().body()).contains(second).contains("WOULD_REVOKE");
    }

    @Test
    default void badTokenRequestsAreRefusedAndChangeNothing() {
        String agency = newAgency("Sở Tư pháp");
        String elsewhere = newAgency("Sở Công Thương");
        Person outsider = newIndividual(elsewhere, "Người Ngoài");
        String serial = receive(agency);
        Api auditor = newUser("AUDITOR", null);
        Api officer = newUser("AGENCY_OFFICER", agency);
        long events = count("token_event");
        long audit = count("audit_entry");

        var unknownModel = admin().post("/api/v1/tokens", Map.of("serial", unique("TK"), "model", "NO-SUCH"));
        assertThat(unknownModel.status()).isEqualTo(400);
        assertThat(unknownModel.errorFields()).containsExactly("model");
        var duplicate = admin().post("/api/v1/tokens", Map.of("serial", serial.toLowerCase(), "model", "BIT4ID-TOKENME"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(act(admin(), serial, "hand-over").errorFields()).containsExactly("subscriberId");
        var wrongAgency = act(admin(), serial, "hand-over", "subscriberId", outsider.id());
        assertThat(wrongAgency.status()).isEqualTo(409);
        assertThat(act(admin(), serial, "teleport").status()).isEqualTo(404);
        assertThat(act(admin(), serial, "hand-over", "subscriberId", 987654321).status()).isEqualTo(404);
        assertThat(act(admin(), serial, "take-back", "version", 99).status()).isEqualTo(409);
        assertThat(act(auditor, serial, "take-back").status()).isEqualTo(403);
        assertThat(act(officer, serial, "take-back").status()).as("registrars only").isEqualTo(403);
        assertThat(admin().get("/api/v1/tokens/NO-SUCH-TOKEN").status()).isEqualTo(404);

        assertThat(count("token_event")).isEqualTo(events);
        assertThat(count("audit_entry")).isEqualTo(audit);
        // the managing body may report what happened to its own token
        assertThat(act(officer, serial, "report-damaged").status()).isEqualTo(200);
    }

    @Test
    default void anOfficerLearnsNothingAboutAnotherDistrictsTokens() {
        String mine = newAgency("Phường 1 Bảo Lộc");
        String theirs = newAgency("Phường 2 Bảo Lộc");
        String myToken = receive(mine);
        String theirToken = receive(theirs);
        String stock = receive(null);
        Api officer = newUser("AGENCY_OFFICER", mine);
        assertThat(officer.get("/api/v1/tokens/" + myToken).status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/tokens/" + theirToken).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/tokens/" + stock).status()).isEqualTo(404);
        var list = officer.get("/api/v1/tokens?size=500");
        assertThat(list.raw().body()).contains(myToken).doesNotContain(theirToken).doesNotContain(stock);
        assertThat(officer.get("/api/v1/tokens?q=" + theirToken).json().path("totalItems").asLong()).isZero();
        assertThat(officer.get("/api/v1/tokens?agency=" + theirs).status()).isEqualTo(404);
        var csv = officer.getBytes("/api/v1/tokens", "text/csv");
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains(myToken).doesNotContain(theirToken).doesNotContain(stock);
        assertThat(officer.get("/api/v1/agencies/" + theirs + "/inventory").status()).isEqualTo(404);
        assertThat(officer.getBytes("/api/v1/agencies/" + theirs + "/inventory", "text/csv").status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/agencies/" + mine + "/inventory").json().path("tokens").path("total").asLong())
                .isEqualTo(1);
        assertThat(act(officer, theirToken, "report-lost").status()).isEqualTo(404);
    }

    @Test
    default void twoRegistrarsHandingOverOneTokenAtOnceLeaveOneHolder() throws Exception {
        String agency = newAgency("Sở Lao động");
        Person a = newIndividual(agency, "Người Thứ Nhất");
        Person b = newIndividual(agency, "Người Thứ Hai");
        Api first = newUser("REGISTRAR", null);
        Api second = newUser("REGISTRAR", null);
        first.get("/api/v1/users/me");
        second.get("/api/v1/users/me");
        for (int round = 0; round < 5; round++) {
            String serial = receive(agency);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> toA = () -> {
                    start.await();
                    return act(first, serial, "hand-over", "subscriberId", a.id()).status();
                };
                Callable<Integer> toB = () -> {
                    start.await();
                    return act(second, serial, "hand-over", "subscriberId", b.id()).status();
                };
                Future<Integer> fa = pool.submit(toA);
                Future<Integer> fb = pool.submit(toB);
                start.countDown();
                List<Integer> statuses = List.of(fa.get(), fb.get());
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdownNow();
            }
            var token = admin().get("/api/v1/tokens/" + serial);
            assertThat(token.json().path("records").size()).isEqualTo(1);
            assertThat(jdbc().sql("SELECT COUNT(*) FROM token_event e JOIN token t ON t.id = e.token_id"
                    + " WHERE t.serial = ? AND e.action = 'hand-over'").param(serial).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    default void aDepartingSubscriberLeavesAListAndRevokedCertificates() {
        String agency = newAgency("Sở Nông nghiệp và Môi trường");
        Person person = newIndividual(agency, "Phan Văn Khải");
        String serial = receive(agency);
        move(serial, "hand-over", "IN_USE", "subscriberId", person.id());
        String certificate = admin().post("/api/v1/certificates", Map.of("subscriberId", person.id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1")), "tokenSerial", serial)).text("serialNumber");
        var dry = admin().post("/api/v1/subscribers/" + person.id() + "/leave", Map.of("status", "RETIRED"));
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.json().path("tokensToRecover").toString()).contains(serial);
        assertThat(dry.json().path("certificatesToRevoke").toString()).contains(certificate);
        assertThat(admin().get("/api/v1/certificates/" + certificate).text("status")).isEqualTo("VALID");

        var real = admin().post("/api/v1/subscribers/" + person.id() + "/leave", Map.of("status", "RETIRED", "dryRun", false));
        assertThat(real.json().path("revoked").toString()).contains(certificate);
        assertThat(admin().get("/api/v1/subscribers/" + person.id()).text("status")).isEqualTo("RETIRED");
        assertThat(admin().get("/api/v1/certificates/" + certificate).json().path("revocation").path("case").asString())
                .isEqualTo("RETIRED");
        assertThat(admin().post("/api/v1/subscribers/" + person.id() + "/leave", Map.of("status", "RETIRED",
                "dryRun", false)).status()).isEqualTo(409);
        assertThat(act(admin(), serial, "return").json().path("token").path("state").asString()).isEqualTo("RECOVERED");
    }
}
