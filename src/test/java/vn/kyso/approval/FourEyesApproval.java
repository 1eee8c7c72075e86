package vn.kyso.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;
import tools.jackson.databind.JsonNode;

/** Four eyes: where the rule is on, the registrar who prepares an action cannot approve it; another one can, once. */
public interface FourEyesApproval extends KysoApi {

    private static Api.Response ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private long organization(String agency, String name) {
        String taxCode = String.format("%010d", Math.abs(System.nanoTime()) % 10_000_000_000L);
        var created = ok(admin().post("/api/v1/subscribers", Map.of("type", "ORGANIZATION", "agencyCode", agency,
                "fullName", name, "email", "vanthu" + unique("x").toLowerCase() + "@lamdong.gov.vn",
                "taxCode", taxCode)), 201);
        return created.json().path("id").asLong();
    }

    private String issue(long subscriberId) {
        return ok(admin().post("/api/v1/certificates", Map.of("subscriberId", subscriberId,
                "csr", TestPki.csr(TestPki.ec("secp256r1")))), 201).text("serialNumber");
    }

    private void rule(String action, boolean on) {
        ok(admin().put("/api/v1/approval-rules/" + action, Map.of("fourEyes", on)), 200);
    }

    private List<JsonNode> audit(String entity) {
        List<JsonNode> entries = new ArrayList<>();
        admin().get("/api/v1/audit?entity=" + entity + "&size=100").json().path("items").forEach(entries::add);
        return entries;
    }

    @Test
    default void theRegistrarWhoPreparesARevocationCannotApproveItAndAnotherApprovesItOnce() {
        String agency = newAgency("UBND xã Phước Cát");
        String seal = issue(organization(agency, "Ủy ban nhân dân xã Phước Cát"));
        String person = issue(newIndividual(agency, "Nông Văn Dền").id());
        Api first = newUser("REGISTRAR", null);
        Api second = newUser("REGISTRAR", null);
        String firstName = first.get("/api/v1/users/me").text("username");
        String secondName = second.get("/api/v1/users/me").text("username");
        Map<String, Object> revoke = Map.of("case", "ORGANIZATION_DISSOLVED", "comment", "Sáp nhập xã");

        rule("ORGANIZATION_REVOCATION", true);
        try {
            var prepared = ok(first.post("/api/v1/certificates/" + seal + "/revoke", revoke), 202);
            long id = prepared.json().path("id").asLong();
            assertThat(prepared.header("Location")).isEqualTo("/api/v1/approvals/" + id);
            assertThat(prepared.text("status")).isEqualTo("PENDING");
            assertThat(prepared.text("action")).isEqualTo("ORGANIZATION_REVOCATION");
            assertThat(prepared.text("preparedBy")).isEqualTo(firstName);
            assertThat(admin().get("/api/v1/certificates/" + seal).text("status")).as("not yet").isEqualTo("VALID");
            assertThat(ok(second.post("/api/v1/certificates/" + seal + "/revoke", revoke), 409)
                    .json().path("approvalId").asLong()).as("one open approval per certificate").isEqualTo(id);
            assertThat(ok(first.post("/api/v1/certificates/" + seal + "/revoke", Map.of()), 400).errorFields())
                    .as("prepared only when the revocation itself could happen").containsExactly("reason");
            // the rule is for organisations: an official's certificate is revoked at once
            ok(first.post("/api/v1/certificates/" + person + "/revoke", Map.of("case", "RETIRED")), 200);

            var self = ok(first.post("/api/v1/approvals/" + id + "/approve", Map.of()), 403);
            assertThat(self.contentType()).startsWith("application/problem+json");
            assertThat(self.json().path("message").path("vi").asString()).contains("Người lập không được tự phê duyệt");
            assertThat(self.json().path("message").path("en").asString()).contains("cannot approve it");
            assertThat(admin().get("/api/v1/certificates/" + seal).text("status")).isEqualTo("VALID");
            assertThat(newUser("AUDITOR", null).post("/api/v1/approvals/" + id + "/approve", Map.of()).status())
                    .isEqualTo(403);

            var approved = ok(second.post("/api/v1/approvals/" + id + "/approve", Map.of()), 200);
            assertThat(approved.text("status")).isEqualTo("APPROVED");
            assertThat(approved.text("decidedBy")).isEqualTo(secondName);
            assertThat(approved.json().path("result").path("status").asString()).isEqualTo("REVOKED");
            var certificate = admin().get("/api/v1/certificates/" + seal);
            assertThat(certificate.text("status")).isEqualTo("REVOKED");
            assertThat(certificate.json().path("revocation").path("case").asString())
                    .isEqualTo("ORGANIZATION_DISSOLVED");
            assertThat(ok(second.post("/api/v1/approvals/" + id + "/approve", Map.of()), 409).text("currentStatus"))
                    .isEqualTo("APPROVED");
            assertThat(ok(admin().post("/api/v1/approvals/" + id + "/reject", Map.of("reason", "x")), 409)
                    .text("currentStatus")).isEqualTo("APPROVED");

            List<JsonNode> revocations = audit("certificate:" + seal);
            assertThat(revocations).filteredOn(e -> e.path("action").asString().equals("certificate.revoke"))
                    .singleElement().satisfies(e -> assertThat(e.path("actor").asString()).isEqualTo(secondName));
            List<JsonNode> decisions = audit("approval:" + id);
            assertThat(decisions).extracting(e -> e.path("action").asString() + " by " + e.path("actor").asString())
                    .containsExactlyInAnyOrder("approval.prepare by " + firstName, "approval.approve by " + secondName);
            assertThat(decisions).filteredOn(e -> e.path("action").asString().equals("approval.approve"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.path("after").path("preparedBy").asString()).isEqualTo(firstName);
                        assertThat(e.path("after").path("approvedBy").asString()).isEqualTo(secondName);
                    });
            assertThat(count("pending_approval")).isGreaterThanOrEqualTo(1);
        } finally {
            rule("ORGANIZATION_REVOCATION", false);
        }
        // off: at once, as before
        String another = issue(organization(agency, "Hội đồng nhân dân xã Phước Cát"));
        assertThat(ok(first.post("/api/v1/certificates/" + another + "/revoke", revoke), 200).text("status"))
                .isEqualTo("REVOKED");
    }

    @Test
    default void aBulkRevocationRunsExactlyWhatWasPreviewedAndAWithdrawalRunsNothing() {
        String agency = newAgency("UBND xã Tà Nung");
        String a = issue(newIndividual(agency, "Ka Hòa").id());
        String b = issue(newIndividual(agency, "Ya Tuấn").id());
        Api first = newUser("REGISTRAR", null);
        Api second = newUser("REGISTRAR", null);
        Map<String, Object> bulk = new HashMap<>(Map.of("agencyCode", agency, "case", "ORGANIZATION_DISSOLVED",
                "dryRun", false));

        rule("BULK_REVOCATION", true);
        try {
            assertThat(ok(first.post("/api/v1/certificates/bulk-revoke", Map.of("agencyCode", agency,
                    "case", "ORGANIZATION_DISSOLVED")), 200).json().path("dryRun").asBoolean())
                    .as("a dry run needs nobody").isTrue();
            var withdrawn = ok(first.post("/api/v1/certificates/bulk-revoke", bulk), 202);
            long w = withdrawn.json().path("id").asLong();
            ok(first.post("/api/v1/approvals/" + w + "/reject", Map.of()), 400);
            assertThat(ok(first.post("/api/v1/approvals/" + w + "/reject", Map.of("reason", "Nhầm xã")), 200)
                    .text("status")).isEqualTo("WITHDRAWN");

            var prepared = ok(first.post("/api/v1/certificates/bulk-revoke", bulk), 202);
            long id = prepared.json().path("id").asLong();
            List<String> listed = new ArrayList<>();
            prepared.json().path("payload").path("serials").forEach(s -> listed.add(s.asString()));
            assertThat(listed).containsExactlyInAnyOrder(a, b);
            // a certificate issued after the preview is not part of what was approved
            String later = issue(newIndividual(agency, "Cil Múp").id());
            var pending = first.get("/api/v1/approvals?status=PENDING&action=BULK_REVOCATION&size=500");
            assertThat(pending.json().path("items").toString()).contains("\"id\":" + id);

            var approved = ok(second.post("/api/v1/approvals/" + id + "/approve", Map.of()), 200);
            assertThat(approved.json().path("result").path("revoked").asInt()).isEqualTo(2);
            assertThat(admin().get("/api/v1/certificates/" + a).text("status")).isEqualTo("REVOKED");
            assertThat(admin().get("/api/v1/certificates/" + b).text("status")).isEqualTo("REVOKED");
            assertThat(admin().get("/api/v1/certificates/" + later).text("status")).isEqualTo("VALID");
            assertThat(admin().get("/api/v1/certificates/" + a).json().path("revocation").path("case")
                    .asString()).isEqualTo("ORGANIZATION_DISSOLVED");
        } finally {
            rule("BULK_REVOCATION", false);
        }
        var rules = admin().get("/api/v1/approval-rules");
        assertThat(rules.json().toString()).doesNotContain("\"fourEyes\":true");
        assertThat(audit("approval-rule:BULK_REVOCATION")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(newUser("REGISTRAR", null).put("/api/v1/approval-rules/BULK_REVOCATION", Map.of("fourEyes", true))
                .status()).isEqualTo(403);
    }

    @Test
    default void approvingARequestUnderFourEyesWaitsForASecondRegistrar() {
        String agency = newAgency("Sở Công Thương");
        Person person = newIndividual(agency, "Lâm Thị Thu Hà");
        Api first = newUser("REGISTRAR", null);
        Api second = newUser("REGISTRAR", null);
        var created = ok(first.post("/api/v1/requests", Map.of("kind", "ISSUE_INDIVIDUAL", "agencyCode", agency,
                "signerName", "Giám đốc Sở", "contactName", "Văn thư", "items",
                List.of(Map.of("subscriberId", person.id())))), 201);
        long request = created.json().path("id").asLong();
        ok(first.postMultipart("/api/v1/requests/" + request + "/letter",
                new Api.Part("letter", "scan.pdf", "%PDF-1.4 không có chữ ký".getBytes(java.nio.charset.StandardCharsets.UTF_8))), 200);
        ok(first.post("/api/v1/requests/" + request + "/check", Map.of("acceptUnverifiedLetter", true,
                "note", "Yêu cầu đầu tiên, ký tay và đóng dấu")), 200);

        rule("REQUEST_APPROVAL", true);
        try {
            var prepared = ok(first.post("/api/v1/requests/" + request + "/approve", Map.of("note", "Đủ hồ sơ")), 202);
            long id = prepared.json().path("id").asLong();
            var waiting = first.get("/api/v1/requests/" + request);
            assertThat(waiting.text("status")).isEqualTo("CHECKED");
            assertThat(waiting.json().path("pendingApprovalId").asLong()).isEqualTo(id);
            ok(first.post("/api/v1/approvals/" + id + "/approve", Map.of()), 403);
            var approved = ok(second.post("/api/v1/approvals/" + id + "/approve", Map.of()), 200);
            assertThat(approved.json().path("result").path("status").asString()).isEqualTo("APPROVED");
            var after = first.get("/api/v1/requests/" + request);
            assertThat(after.text("status")).isEqualTo("APPROVED");
            assertThat(after.json().path("pendingApprovalId").isNull()).isTrue();
            List<String> history = new ArrayList<>();
            after.json().path("history").forEach(e -> history.add(e.path("action").asString() + " by "
                    + e.path("actor").asString()));
            assertThat(history.get(history.size() - 1)).isEqualTo("approve by "
                    + second.get("/api/v1/users/me").text("username"));
        } finally {
            rule("REQUEST_APPROVAL", false);
        }
    }
}
