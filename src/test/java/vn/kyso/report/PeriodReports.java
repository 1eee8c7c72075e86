package vn.kyso.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import vn.kyso.support.KysoApi;
import vn.kyso.support.MovableClock;
import vn.kyso.support.TestPki;

/**
 * A half-year played on a movable clock: certificates issued, revoked and renewed, a token handed
 * out; the report for that half-year; then later changes of every kind (revocations, a subscriber
 * and an agency moved, a token lost, new issues); the same report again, with the same figures.
 */
public interface PeriodReports extends KysoApi {

    MovableClock CLOCK = MovableClock.Config.CLOCK;

    static void startOfYear() {
        CLOCK.set(Instant.parse("2027-01-04T02:00:00Z"));
    }

    @Test
    default void aClosedHalfYearKeepsItsFiguresWhateverChangesLater() {
        startOfYear();
        String province = newAgency("Ủy ban nhân dân tỉnh Khánh Hòa");
        String a = child(province, "Sở Y tế");
        String b = child(province, "Sở Tài chính");
        Person a1 = newIndividual(a, "Nguyễn Văn An");
        Person a2 = newIndividual(a, "Trần Thị Bích");
        Person b1 = newIndividual(b, "Lê Văn Cường");
        String token = unique("TK");
        assertThat(admin().post("/api/v1/tokens", Map.of("serial", token, "model", "SAFENET-5110",
                "agencyCode", a)).status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/tokens/" + token + "/hand-over", Map.of("subscriberId", a1.id())).status())
                .isEqualTo(200);
        String c1 = issue(a1, token);
        String c2 = issue(a2, null);
        String c3 = issue(b1, null);
        // put on hold in the half-year: one released later, one revoked for good later
        String released = issue(newIndividual(b, "Võ Thị Hạnh"), null);
        String heldThenRevoked = issue(newIndividual(b, "Đặng Văn Khoa"), null);

        CLOCK.set(Instant.parse("2027-03-10T03:00:00Z"));
        assertThat(admin().post("/api/v1/certificates/" + c2 + "/revoke", Map.of("case", "KEY_EXPOSED")).status())
                .isEqualTo(200);
        CLOCK.set(Instant.parse("2027-04-15T03:00:00Z"));
        for (String serial : new String[] {released, heldThenRevoked}) {
            var hold = admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "certificateHold"));
            assertThat(hold.status()).as(hold.toString()).isEqualTo(200);
        }
        CLOCK.set(Instant.parse("2027-05-20T03:00:00Z"));
        var renewed = admin().post("/api/v1/certificates/" + c1 + "/renew", Map.of());
        assertThat(renewed.status()).as(renewed.toString()).isIn(200, 201);
        // 23:30 on 30 June in Vietnam is still the first half, though it is already 1 July nowhere else
        CLOCK.set(Instant.parse("2027-06-30T16:30:00Z"));
        String lateIssue = issue(newIndividual(b, "Phạm Thị Dung"), null);

        CLOCK.set(Instant.parse("2027-07-03T02:00:00Z"));
        JsonNode provinceBefore = report(null);
        JsonNode aBefore = report(a);
        JsonNode bBefore = report(b);

        // What was true at the end of June, counted from the history
        assertThat(provinceBefore.path("complete").asBoolean()).isTrue();
        JsonNode certificates = aBefore.path("certificates");
        assertThat(certificates.path("issued").asLong()).isEqualTo(2);
        assertThat(certificates.path("renewed").asLong()).isEqualTo(1);
        assertThat(certificates.path("revoked").asLong()).isEqualTo(1);
        assertThat(certificates.path("revokedByReason").path("KEY_COMPROMISE").asLong()).isEqualTo(1);
        assertThat(certificates.path("revokedByCase").path("KEY_EXPOSED").asLong()).isEqualTo(1);
        assertThat(certificates.path("activeAtEnd").asLong()).isEqualTo(2);
        assertThat(aBefore.path("tokens").path("byState").path("IN_USE").asLong()).isEqualTo(1);
        assertThat(aBefore.path("tokens").path("movesByAction").path("hand-over").asLong()).isEqualTo(1);
        assertThat(aBefore.path("verifications").isNull()).isTrue();
        assertThat(bBefore.path("certificates").path("issued").asLong()).isEqualTo(4);
        assertThat(bBefore.path("certificates").path("revoked").asLong()).as("a hold is not a revocation").isZero();
        assertThat(bBefore.path("certificates").path("activeAtEnd").asLong()).as("on hold at the end").isEqualTo(2);
        assertThat(bBefore.path("tokens").path("atEnd").asLong()).isZero();
        assertThat(provinceBefore.path("certificates").path("activeAtEnd").asLong()).isGreaterThanOrEqualTo(4);

        // Later: every kind of change
        CLOCK.set(Instant.parse("2027-07-10T03:00:00Z"));
        assertThat(admin().post("/api/v1/certificates/" + c3 + "/revoke", Map.of("reason", "superseded")).status())
                .isEqualTo(200);
        assertThat(admin().post("/api/v1/tokens/" + token + "/report-lost", Map.of()).status()).isEqualTo(200);
        var moveSubscriber = admin().put("/api/v1/subscribers/" + a2.id(), subscriberBody(a2, b));
        assertThat(moveSubscriber.status()).as(moveSubscriber.toString()).isEqualTo(200);
        var moveAgency = admin().put("/api/v1/agencies/" + b, Map.of("name", "Sở Tài chính", "parentCode", a));
        assertThat(moveAgency.status()).as(moveAgency.toString()).isEqualTo(200);
        issue(newIndividual(a, "Hoàng Văn Em"), null);
        assertThat(admin().post("/api/v1/certificates/" + lateIssue + "/revoke", Map.of("case", "RETIRED"))
                .status()).isEqualTo(200);
        assertThat(admin().post("/api/v1/certificates/" + released + "/release", Map.of()).status()).isEqualTo(200);
        assertThat(admin().post("/api/v1/certificates/" + heldThenRevoked + "/revoke", Map.of("case", "RESIGNED"))
                .status()).isEqualTo(200);

        assertThat(figures(report(null))).isEqualTo(figures(provinceBefore));
        assertThat(figures(report(a))).isEqualTo(figures(aBefore));
        assertThat(figures(report(b))).isEqualTo(figures(bBefore));

        // The half-year now running sees the changes, and says it is not over
        var now = admin().get("/api/v1/reports?period=2027-H2&agency=" + a);
        assertThat(now.json().path("complete").asBoolean()).isFalse();
        assertThat(now.json().path("certificates").path("revoked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(now.json().path("tokens").path("byState").path("LOST").asLong()).isEqualTo(1);
    }

    @Test
    default void theReportComesAsCsvAndAsAVietnamesePdf() {
        startOfYear();
        String agency = newAgency("Sở Công Thương");
        issue(newIndividual(agency, "Vũ Thị Giang"), null);
        CLOCK.set(Instant.parse("2028-01-02T02:00:00Z"));
        var csv = admin().getBytes("/api/v1/reports?period=2027&agency=" + agency, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFagency,period,from,to,section,code,label,value")
                .contains(agency + ",2027,2027-01-01,2027-12-31,Chứng thư số,certificates.issued,");
        var pdf = admin().getBytes("/api/v1/reports?period=2027", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    default void anOfficerReportsOnItsOwnSubtreeOnlyAndABadPeriodIsAClientError() {
        startOfYear();
        String own = newAgency("Sở Nội vụ");
        String other = newAgency("Sở Ngoại vụ");
        var officer = newUser("AGENCY_OFFICER", own);
        var mine = officer.get("/api/v1/reports?period=2027-H1");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.text("agencyCode")).isEqualTo(own);
        assertThat(officer.get("/api/v1/reports?period=2027-H1&agency=" + other).status()).isEqualTo(404);
        assertThat(newUser("CLERK", null).get("/api/v1/reports?period=2027-H1").status()).isEqualTo(403);
        var bad = admin().get("/api/v1/reports?period=2027-H3");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("period");
        assertThat(admin().get("/api/v1/reports?from=2027-05-01&to=2027-04-01").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/reports").status()).isEqualTo(400);
    }

    /** The figures alone: when the report was made naturally differs. */
    private static JsonNode figures(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("generatedAt");
        return copy;
    }

    private JsonNode report(String agency) {
        var response = admin().get("/api/v1/reports?period=2027-H1" + (agency == null ? "" : "&agency=" + agency));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String child(String parent, String name) {
        String code = unique("AG");
        var created = admin().post("/api/v1/agencies", Map.of("code", code, "name", name, "parentCode", parent));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    private String issue(Person person, String token) {
        var body = new HashMap<String, Object>(Map.of("subscriberId", person.id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1"))));
        if (token != null) {
            body.put("tokenSerial", token);
        }
        var issued = admin().post("/api/v1/certificates", body);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.text("serialNumber");
    }

    private Map<String, Object> subscriberBody(Person person, String agency) {
        JsonNode current = admin().get("/api/v1/subscribers/" + person.id()).json();
        return Map.of("type", "INDIVIDUAL", "agencyCode", agency, "fullName", person.fullName(),
                "email", person.email(), "nationalId", current.path("nationalId").asString(),
                "dateOfBirth", current.path("dateOfBirth").asString());
    }
}
