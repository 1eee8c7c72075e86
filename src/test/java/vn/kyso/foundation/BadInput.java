package vn.kyso.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;

/**
 * A client's mistakes get a 4xx problem naming what is wrong, in both languages, and change
 * nothing: neither the data nor the audit log.
 */
public interface BadInput extends KysoApi {

    private Api.Response rejected(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("message").path("vi").asString()).isNotBlank();
        assertThat(response.json().path("message").path("en").asString()).isNotBlank();
        assertThat(response.json().path("type").asString()).startsWith("urn:kyso:problem:");
        return response;
    }

    private Map<String, Object> agency(String code, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Phòng " + code));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        return body;
    }

    @Test
    default void badAgencyRequestsAreRejectedAndChangeNothing() {
        Api admin = admin();
        String root = unique("R");
        String child = unique("C");
        String grandchild = unique("G");
        assertThat(admin.post("/api/v1/agencies", agency(root, null)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/agencies", agency(child, root)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/agencies", agency(grandchild, child)).status()).isEqualTo(201);
        long agencies = count("agency");
        long audit = count("audit_entry");

        rejected(admin.post("/api/v1/agencies", "{\"code\": \"X1\", \"name\": "), 400);
        rejected(admin.post("/api/v1/agencies", "[1, 2"), 400);

        var missing = rejected(admin.post("/api/v1/agencies", Map.of("code", unique("M"))), 400);
        assertThat(missing.errorFields()).containsExactly("name");

        var wrongType = rejected(admin.post("/api/v1/agencies", Map.of("code", unique("W"), "name", List.of("x"))), 400);
        assertThat(wrongType.errorFields()).containsExactly("name");

        var unknownField = rejected(admin.post("/api/v1/agencies",
                Map.of("code", unique("U"), "name", "Tên", "parentcode", root)), 400);
        assertThat(unknownField.errorFields()).containsExactly("parentcode");

        var longName = rejected(admin.post("/api/v1/agencies", Map.of("code", unique("L"), "name", "Đ".repeat(301))), 400);
        assertThat(longName.errorFields()).containsExactly("name");

        String hugeName = "{\"code\":\"" + unique("H") + "\",\"name\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}";
        rejected(admin.postRaw("/api/v1/agencies", "application/json", hugeName.getBytes(StandardCharsets.UTF_8)), 413);

        var badCode = rejected(admin.post("/api/v1/agencies", Map.of("code", "có dấu/sai", "name", "Tên")), 400);
        assertThat(badCode.errorFields()).containsExactly("code");

        var duplicate = rejected(admin.post("/api/v1/agencies", agency(child.toLowerCase(), root)), 409);
        assertThat(duplicate.errorFields()).containsExactly("code");

        var unknownParent = rejected(admin.post("/api/v1/agencies", agency(unique("N"), "NO-SUCH-PARENT")), 400);
        assertThat(unknownParent.errorFields()).containsExactly("parentCode");

        var cycle = rejected(admin.put("/api/v1/agencies/" + root,
                Map.of("name", "Phòng " + root, "parentCode", grandchild)), 422);
        assertThat(cycle.errorFields()).containsExactly("parentCode");
        var self = rejected(admin.put("/api/v1/agencies/" + child,
                Map.of("name", "Phòng " + child, "parentCode", child)), 422);
        assertThat(self.errorFields()).containsExactly("parentCode");

        var stale = rejected(admin.put("/api/v1/agencies/" + child,
                Map.of("name", "Đổi tên", "parentCode", root, "version", 99)), 409);
        assertThat(stale.json().path("type").asString()).isEqualTo("urn:kyso:problem:concurrentchange");

        var email = rejected(admin.post("/api/v1/agencies",
                Map.of("code", unique("E"), "name", "Tên", "email", "someone@gmail.com")), 400);
        assertThat(email.errorFields()).containsExactly("email");

        rejected(admin.postRaw("/api/v1/agencies", "text/plain", "code=X".getBytes(StandardCharsets.UTF_8)), 415);

        assertThat(count("agency")).isEqualTo(agencies);
        assertThat(count("audit_entry")).isEqualTo(audit);
        assertThat(admin.get("/api/v1/agencies/" + grandchild).json().path("path").toString())
                .isEqualTo("[\"" + root + "\",\"" + child + "\",\"" + grandchild + "\"]");
    }

    @Test
    default void badQueriesAndRoutesAreProblemsToo() {
        Api admin = admin();
        assertThat(rejected(admin.get("/api/v1/agencies?page=-1"), 400).errorFields()).containsExactly("page");
        assertThat(rejected(admin.get("/api/v1/agencies?size=100000"), 400).errorFields()).containsExactly("size");
        assertThat(rejected(admin.get("/api/v1/agencies?page=abc"), 400).errorFields()).containsExactly("page");
        assertThat(rejected(admin.get("/api/v1/subscribers?type=ROBOT"), 400).errorFields()).containsExactly("type");
        assertThat(rejected(admin.get("/api/v1/subscribers/abc"), 400).errorFields()).containsExactly("id");
        assertThat(rejected(admin.get("/api/v1/audit?from=yesterday"), 400).errorFields()).containsExactly("from");
        rejected(admin.get("/api/v1/agencies/NO-SUCH-AGENCY"), 404);
        rejected(admin.get("/api/v1/subscribers/987654321"), 404);
        rejected(admin.get("/api/v1/no-such-thing"), 404);
        // the audit log has no route that writes
        rejected(admin.send("DELETE", "/api/v1/audit"), 405);
        rejected(admin.put("/api/v1/audit", Map.of()), 405);
        rejected(api().get("/api/v1/agencies"), 401);
        assertThat(api().get("/api/v1/agencies").header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    default void problemsSpeakVietnameseUnlessEnglishIsAsked() {
        var vi = admin().get("/api/v1/agencies/NO-SUCH-AGENCY");
        assertThat(vi.text("detail")).isEqualTo("Không có cơ quan mã NO-SUCH-AGENCY.");
        assertThat(vi.text("title")).isEqualTo("Không tìm thấy");
        var en = admin().inEnglish().get("/api/v1/agencies/NO-SUCH-AGENCY");
        assertThat(en.text("detail")).isEqualTo("No agency with code NO-SUCH-AGENCY.");
        var unauthenticated = api().get("/api/v1/agencies");
        assertThat(unauthenticated.text("detail")).isEqualTo("Vui lòng đăng nhập (HTTP Basic đối với API).");
    }

    @Test
    default void badSubscribersNameEveryBadField() {
        Api admin = admin();
        String agency = unique("S");
        assertThat(admin.post("/api/v1/agencies", agency(agency, null)).status()).isEqualTo(201);
        long subscribers = count("subscriber");
        long audit = count("audit_entry");

        Map<String, Object> body = new HashMap<>();
        body.put("type", "INDIVIDUAL");
        body.put("agencyCode", agency);
        body.put("fullName", "Lê Văn Bình");
        body.put("email", "binh@yahoo.com");
        body.put("nationalId", "068190012345");
        body.put("dateOfBirth", "1985-02-03");
        body.put("phone", "12345");
        var wrong = rejected(admin.post("/api/v1/subscribers", body), 400);
        assertThat(wrong.errorFields()).containsExactlyInAnyOrder("email", "nationalId", "phone");

        var organization = rejected(admin.post("/api/v1/subscribers", Map.of("type", "ORGANIZATION",
                "agencyCode", agency, "fullName", "Sở Tài chính", "email", "stc@lamdong.gov.vn",
                "nationalId", "068190012345")), 400);
        assertThat(organization.errorFields()).containsExactlyInAnyOrder("taxCode", "nationalId");

        var noAgency = rejected(admin.post("/api/v1/subscribers", Map.of("type", "DEVICE", "agencyCode", "NOPE",
                "fullName", "Máy chủ ký số", "email", "hethong@lamdong.gov.vn")), 400);
        assertThat(noAgency.errorFields()).containsExactly("agencyCode");

        var badType = rejected(admin.post("/api/v1/subscribers", Map.of("type", "ROBOT", "agencyCode", agency,
                "fullName", "X", "email", "x@lamdong.gov.vn")), 400);
        assertThat(badType.errorFields()).containsExactly("type");

        var badDate = rejected(admin.post("/api/v1/subscribers", Map.of("type", "INDIVIDUAL", "agencyCode", agency,
                "fullName", "X", "email", "x@lamdong.gov.vn", "dateOfBirth", "31/12/1990")), 400);
        assertThat(badDate.errorFields()).containsExactly("dateOfBirth");

        assertThat(count("subscriber")).isEqualTo(subscribers);
        assertThat(count("audit_entry")).isEqualTo(audit);
    }
}
