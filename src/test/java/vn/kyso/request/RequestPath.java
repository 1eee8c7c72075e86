package vn.kyso.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.SignedSample;
import vn.kyso.support.TestPki;

/** A certification request through the API: filed, letter verified, checked, carried out, linked, done or rejected. */
public interface RequestPath extends KysoApi {

    private Api registrar() {
        return newUser("REGISTRAR", null);
    }

    private static Map<String, Object> request(String kind, String agency, String signer, List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("agencyCode", agency);
        body.put("reference", "45/SYT-VP");
        body.put("signerName", signer);
        body.put("signerPosition", "Giám đốc");
        body.put("contactName", "Trần Thị Mai");
        body.put("contactPhone", "0912 345 678");
        body.put("contactEmail", "mai.tt@lamdong.gov.vn");
        body.put("items", items);
        return body;
    }

    private static Api.Response ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private static List<String> texts(Api.Response response, String array, String field) {
        List<String> out = new ArrayList<>();
        response.json().path(array).forEach(n -> out.add(field == null ? n.asString() : n.path(field).asString()));
        return out;
    }

    private String issue(long subscriberId) {
        var issued = ok(admin().post("/api/v1/certificates", Map.of("subscriberId", subscriberId,
                "csr", TestPki.csr(TestPki.ec("secp256r1")))), 201);
        return issued.text("serialNumber");
    }

    @Test
    default void aNewIssueRequestWalksItsWholePath() {
        SignedSample head = SignedSample.issue(this, "Nguyễn Văn Thành", "Sở Y tế");
        Api officer = newUser("AGENCY_OFFICER", head.agencyCode());
        Person person = newIndividual(head.agencyCode(), "Phạm Thị Hồng Nhung");

        var created = ok(officer.post("/api/v1/requests", request("ISSUE_INDIVIDUAL", head.agencyCode(),
                head.signerName(), List.of(Map.of("subscriberId", person.id())))), 201);
        long id = created.json().path("id").asLong();
        assertThat(created.text("number")).matches("\\d{4}/YC-\\d{6}");
        assertThat(created.text("status")).isEqualTo("RECEIVED");
        assertThat(created.text("form")).isEqualTo("Mẫu 01");
        assertThat(created.text("dueOn")).isNotNull();
        assertThat(created.json().path("items").get(0).path("subscriberId").asLong()).isEqualTo(person.id());
        assertThat(created.json().path("allowedTransitions").size()).as("officers do not process").isZero();

        // another agency's officer cannot tell it exists
        Api stranger = newUser("AGENCY_OFFICER", newAgency("Sở Xây dựng"));
        assertThat(stranger.get("/api/v1/requests/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/requests").json().path("items").toString()).doesNotContain(created.text("number"));
        assertThat(officer.get("/api/v1/requests?agency=" + head.agencyCode()).json().path("totalItems").asLong())
                .isEqualTo(1);

        // the signed letter, verified on upload
        byte[] letter = head.valid();
        var uploaded = ok(officer.postMultipart("/api/v1/requests/" + id + "/letter",
                new Api.Part("letter", "de-nghi.p7m", letter)), 200);
        assertThat(uploaded.json().path("letter").path("indication").asString()).isEqualTo("TOTAL_PASSED");
        assertThat(uploaded.json().path("letter").path("signerCheck").asString()).isEqualTo("AGENCY_MATCH");
        assertThat(uploaded.json().path("letter").path("accepted").asBoolean()).isTrue();
        String verification = uploaded.json().path("letter").path("verificationId").asString();
        assertThat(admin().get("/api/v1/verifications/" + verification).text("indication")).isEqualTo("TOTAL_PASSED");
        assertThat(officer.getBytes("/api/v1/requests/" + id + "/letter", null).body()).isEqualTo(letter);
        assertThat(stranger.getBytes("/api/v1/requests/" + id + "/letter", null).status()).isEqualTo(404);

        assertThat(officer.post("/api/v1/requests/" + id + "/check", Map.of()).status()).isEqualTo(403);
        Api registrar = registrar();
        var early = ok(registrar.post("/api/v1/requests/" + id + "/approve", Map.of()), 409);
        assertThat(early.text("currentStatus")).isEqualTo("RECEIVED");
        assertThat(texts(early, "allowedTransitions", null)).containsExactly("check", "reject");
        assertThat(early.json().path("message").path("vi").asString()).contains("RECEIVED");

        long version = uploaded.json().path("version").asLong();
        var checked = ok(registrar.post("/api/v1/requests/" + id + "/check", Map.of("version", version)), 200);
        assertThat(checked.text("status")).isEqualTo("CHECKED");
        assertThat(registrar.post("/api/v1/requests/" + id + "/approve", Map.of("version", version)).status())
                .as("a stale version").isEqualTo(409);
        assertThat(officer.postMultipart("/api/v1/requests/" + id + "/letter", new Api.Part("letter", "x.p7m", letter))
                .status()).as("the letter is fixed once checked").isEqualTo(409);

        ok(registrar.post("/api/v1/requests/" + id + "/approve", Map.of("note", "Cấp từ CA của tỉnh")), 200);
        var empty = ok(registrar.post("/api/v1/requests/" + id + "/complete", Map.of()), 409);
        assertThat(empty.json().path("message").path("en").asString()).contains("no certificate or token linked");

        String serial = issue(person.id());
        var linked = ok(registrar.post("/api/v1/requests/" + id + "/links",
                Map.of("certificateSerial", serial.toUpperCase(), "item", 1)), 200);
        assertThat(linked.json().path("links").get(0).path("certificateSerial").asString()).isEqualTo(serial);
        assertThat(linked.json().path("links").get(0).path("effect").asString()).isEqualTo("PRODUCED");
        assertThat(linked.json().path("links").get(0).path("item").asInt()).isEqualTo(1);
        assertThat(registrar.post("/api/v1/requests/" + id + "/links", Map.of("certificateSerial", serial)).status())
                .isEqualTo(409);
        String elsewhere = issue(newIndividual(newAgency("Sở Nội vụ"), "Vũ Đức Anh").id());
        var outside = ok(registrar.post("/api/v1/requests/" + id + "/links", Map.of("certificateSerial", elsewhere)), 409);
        assertThat(outside.errorFields()).containsExactly("certificateSerial");
        ok(registrar.post("/api/v1/requests/" + id + "/links", Map.of("certificateSerial", serial, "tokenSerial", "X")),
                400);

        var done = ok(registrar.post("/api/v1/requests/" + id + "/complete", Map.of()), 200);
        assertThat(done.text("status")).isEqualTo("DONE");
        assertThat(done.text("closedAt")).isNotNull();
        assertThat(done.json().path("onTime").asBoolean()).isTrue();
        assertThat(done.json().path("overdue").asBoolean()).isFalse();
        assertThat(done.json().path("allowedTransitions").size()).isZero();
        assertThat(texts(done, "history", "action")).containsExactly("receive", "letter", "check", "approve", "complete");
        assertThat(ok(registrar.post("/api/v1/requests/" + id + "/reject", Map.of("reason", "x")), 409)
                .json().path("allowedTransitions").size()).isZero();

        var audit = admin().get("/api/v1/audit?entity=request:" + id + "&size=50");
        List<String> actions = new ArrayList<>();
        audit.json().path("items").forEach(e -> actions.add(e.path("action").asString()));
        assertThat(actions).containsExactlyInAnyOrder("request.create", "request.letter", "request.check",
                "request.approve", "request.link", "request.complete");
        assertThat(officer.get("/api/v1/requests/" + id).json().path("links").size()).isEqualTo(1);
    }

    @Test
    default void aRejectionNeedsAReasonAndAFlaggedLetterAnExplicitAcceptance() {
        SignedSample head = SignedSample.issue(this, "Lê Minh Khôi", "Sở Giáo dục và Đào tạo");
        Person person = newIndividual(head.agencyCode(), "Hoàng Văn Lâm");
        String serial = issue(person.id());
        Api registrar = registrar();

        Map<String, Object> row = new HashMap<>(Map.of("certificateSerial", serial, "case", "RETIRED",
                "identityNumber", "068185001234", "collectionContact", "Văn thư Sở, 0263 382 2222"));
        var noToken = ok(registrar.post("/api/v1/requests", request("REVOCATION", head.agencyCode(), head.signerName(),
                List.of(row))), 400);
        assertThat(noToken.errorFields()).containsExactly("items[0].tokenSerial");
        row.put("tokenSerial", "tk 0042-ab");
        var created = ok(registrar.post("/api/v1/requests", request("REVOCATION", head.agencyCode(), head.signerName(),
                List.of(row))), 201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("items").get(0).path("tokenSerial").asString()).isEqualTo("TK0042AB");
        assertThat(created.json().path("items").get(0).path("case").asString()).isEqualTo("RETIRED");

        assertThat(ok(registrar.post("/api/v1/requests/" + id + "/check", Map.of()), 409).json().path("message")
                .path("vi").asString()).contains("chưa có văn bản");
        var tampered = ok(registrar.postMultipart("/api/v1/requests/" + id + "/letter",
                new Api.Part("letter", "de-nghi.p7m", head.tampered())), 200);
        assertThat(tampered.json().path("letter").path("indication").asString()).isEqualTo("TOTAL_FAILED");
        assertThat(tampered.json().path("letter").path("accepted").asBoolean()).isFalse();
        var refused = ok(registrar.post("/api/v1/requests/" + id + "/check", Map.of()), 409);
        assertThat(refused.text("indication")).isEqualTo("TOTAL_FAILED");
        var noNote = ok(registrar.post("/api/v1/requests/" + id + "/check", Map.of("acceptUnverifiedLetter", true)), 400);
        assertThat(noNote.errorFields()).containsExactly("note");
        var checked = ok(registrar.post("/api/v1/requests/" + id + "/check", Map.of("acceptUnverifiedLetter", true,
                "note", "Đối chiếu bản giấy có dấu đỏ ngày 12/3")), 200);
        assertThat(checked.text("checkNote")).isEqualTo("Đối chiếu bản giấy có dấu đỏ ngày 12/3");

        var noReason = ok(registrar.post("/api/v1/requests/" + id + "/reject", Map.of("reason", "  ")), 400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(noReason.json().path("message").path("en").asString()).isEqualTo("A rejection needs a reason.");
        assertThat(noReason.json().path("message").path("vi").asString()).isEqualTo("Từ chối phải có lý do.");
        var rejected = ok(registrar.post("/api/v1/requests/" + id + "/reject",
                Map.of("reason", "Chứng thư số đã được thu hồi theo yêu cầu khác")), 200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("rejectionReason")).isEqualTo("Chứng thư số đã được thu hồi theo yêu cầu khác");
        assertThat(rejected.json().path("onTime").isNull()).isTrue();
        var after = ok(registrar.post("/api/v1/requests/" + id + "/complete", Map.of()), 409);
        assertThat(after.text("currentStatus")).isEqualTo("REJECTED");
        assertThat(registrar.post("/api/v1/requests/" + id + "/fly", Map.of()).status()).isEqualTo(404);
        assertThat(registrar.get("/api/v1/certificates/" + serial).text("status")).as("nothing was revoked")
                .isEqualTo("VALID");
    }

    @Test
    default void rowsMustFitTheFormAndTheAgency() {
        String agency = newAgency("UBND xã Đạ Tẻh");
        Person person = newIndividual(agency, "Đinh Thị Xuân");
        Person other = newIndividual(newAgency("UBND xã Cát Tiên"), "K' Brơi");
        Api officer = newUser("AGENCY_OFFICER", agency);

        var wrongForm = ok(officer.post("/api/v1/requests", request("ISSUE_ORGANIZATION", agency, "Chủ tịch UBND",
                List.of(Map.of("subscriberId", person.id()), Map.of("subscriberId", other.id(),
                        "certificateSerial", "abc")))), 400);
        assertThat(wrongForm.errorFields()).containsExactlyInAnyOrder("items[0].subscriberId",
                "items[1].subscriberId", "items[1].certificateSerial");
        var twice = ok(officer.post("/api/v1/requests", request("ISSUE_INDIVIDUAL", agency, "Chủ tịch UBND",
                List.of(Map.of("subscriberId", person.id()), Map.of("subscriberId", person.id())))), 400);
        assertThat(twice.errorFields()).containsExactly("items[1].row");
        var change = ok(officer.post("/api/v1/requests", request("RENEWAL_OR_CHANGE", agency, "Chủ tịch UBND",
                List.of(Map.of("certificateSerial", "zz", "change", "CHANGE_OF_INFORMATION")))), 400);
        assertThat(change.errorFields()).containsExactlyInAnyOrder("items[0].certificateSerial", "items[0].field",
                "items[0].newValue");
        Map<String, Object> backdated = request("ISSUE_INDIVIDUAL", agency, "Chủ tịch UBND",
                List.of(Map.of("subscriberId", person.id())));
        backdated.put("receivedAt", "2019-03-08T03:00:00Z");
        assertThat(ok(officer.post("/api/v1/requests", backdated), 400).errorFields()).containsExactly("receivedAt");
        var empty = ok(officer.post("/api/v1/requests", request("ISSUE_INDIVIDUAL", agency, "Chủ tịch UBND",
                List.of())), 400);
        assertThat(empty.errorFields()).containsExactly("items");
        Map<String, Object> foreign = request("ISSUE_INDIVIDUAL", "NOWHERE", "X", List.of(Map.of("subscriberId", 1)));
        assertThat(ok(officer.post("/api/v1/requests", foreign), 400).errorFields()).containsExactly("agencyCode");
        Map<String, Object> byPolice = request("ISSUE_INDIVIDUAL", agency, "X", List.of(Map.of("subscriberId", person.id())));
        byPolice.put("filedBy", "AUTHORITY");
        assertThat(ok(officer.post("/api/v1/requests", byPolice), 400).errorFields()).containsExactly("filedBy");
        assertThat(count("request_item")).as("nothing half-stored").isEqualTo(
                jdbc().sql("SELECT COUNT(*) FROM request_item i JOIN request r ON r.id = i.request_id")
                        .query(Long.class).single());
    }

    @Test
    default void deadlinesSkipWeekendsAndTheHolidaysAnAdministratorEnters() {
        String agency = newAgency("Sở Tư pháp");
        Person person = newIndividual(agency, "Bùi Quang Vinh");
        Api registrar = registrar();
        Map<String, Object> body = request("ISSUE_INDIVIDUAL", agency, "Giám đốc Sở", List.of(Map.of("subscriberId",
                person.id())));

        // Friday 8 March 2019, 10:00 in Vietnam: Monday, Tuesday, Wednesday
        body.put("receivedAt", "2019-03-08T03:00:00Z");
        var friday = ok(registrar.post("/api/v1/requests", body), 201);
        assertThat(friday.text("dueOn")).isEqualTo("2019-03-13");
        assertThat(friday.json().path("overdue").asBoolean()).isTrue();
        // Saturday 9 March: counts as received on Monday, so Thursday
        body.put("receivedAt", "2019-03-09T03:00:00Z");
        assertThat(ok(registrar.post("/api/v1/requests", body), 201).text("dueOn")).isEqualTo("2019-03-14");

        // Friday 26 April 2019: 30 April and 1 May are public holidays by default
        body.put("receivedAt", "2019-04-26T03:00:00Z");
        var beforeEntry = ok(registrar.post("/api/v1/requests", body), 201);
        assertThat(beforeEntry.text("dueOn")).isEqualTo("2019-05-03");
        long id = beforeEntry.json().path("id").asLong();

        // 2019 as announced: Monday 29 April off, worked on Saturday 4 May in exchange
        List<Map<String, Object>> days = List.of(
                Map.of("date", "2019-04-29", "name", "Nghỉ hoán đổi"),
                Map.of("date", "2019-05-04", "name", "Làm bù", "working", true));
        assertThat(registrar.put("/api/v1/holidays/2019", Map.of("days", days)).status()).isEqualTo(403);
        var bad = ok(admin().put("/api/v1/holidays/2019", Map.of("days", List.of(Map.of("date", "2020-01-01",
                "name", "Tết"), Map.of("date", "2019-04-29")))), 400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("days[0].date", "days[1].name");
        var calendar = ok(admin().put("/api/v1/holidays/2019", Map.of("days", days)), 200);
        List<String> entries = new ArrayList<>();
        calendar.json().path("days").forEach(d -> entries.add(d.path("date").asString() + " "
                + d.path("source").asString() + (d.path("working").asBoolean() ? " working" : "")));
        assertThat(entries).contains("2019-04-29 ENTERED", "2019-04-30 DEFAULT", "2019-05-01 DEFAULT",
                "2019-05-04 ENTERED working", "2019-09-02 DEFAULT");
        assertThat(registrar.get("/api/v1/holidays/2019").json().path("days").size()).isEqualTo(entries.size());

        // the open request moves with the calendar: Thursday 2, Friday 3, Saturday 4 May
        assertThat(registrar.get("/api/v1/requests/" + id).text("dueOn")).isEqualTo("2019-05-04");
        assertThat(ok(registrar.post("/api/v1/requests", body), 201).text("dueOn")).isEqualTo("2019-05-04");
        assertThat(ok(admin().get("/api/v1/holidays/1999"), 400).errorFields()).containsExactly("year");

        var overdue = registrar.get("/api/v1/requests?agency=" + agency + "&overdue=true");
        assertThat(overdue.json().path("totalItems").asLong()).isEqualTo(4);
        ok(registrar.post("/api/v1/requests/" + id + "/reject", Map.of("reason", "Trùng yêu cầu")), 200);
        assertThat(registrar.get("/api/v1/requests?agency=" + agency + "&overdue=true").json().path("totalItems")
                .asLong()).isEqualTo(3);
        var closed = registrar.get("/api/v1/requests?agency=" + agency + "&overdue=false&status=REJECTED");
        assertThat(closed.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(closed.json().path("items").get(0).path("id").asLong()).isEqualTo(id);
    }
}
