package vn.kyso.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;

/**
 * The foundation's acceptance path, through the API only: an administrator creates a registrar
 * and an agency officer; the registrar builds a three-level tree with Vietnamese names and
 * subscribers; the officer of a department sees its communes and nothing outside; every change is
 * in the audit log, whose chain verifies.
 */
public interface FoundationScenario extends KysoApi {

    @Test
    default void registrarBuildsTreeAndOfficerSeesOnlyItsSubtree() {
        long auditBefore = count("audit_entry");
        Api registrar = newUser("REGISTRAR", null);

        String province = unique("P");
        String department = unique("D");
        String otherDepartment = unique("D");
        String commune1 = unique("C");
        String commune2 = unique("C");
        String otherCommune = unique("C");
        assertThat(registrar.post("/api/v1/agencies", Map.of("code", province,
                "name", "Ủy ban nhân dân tỉnh Lâm Đồng", "email", "ubnd@lamdong.gov.vn")).status()).isEqualTo(201);
        assertThat(registrar.post("/api/v1/agencies", Map.of("code", department, "parentCode", province,
                "name", "Sở Khoa học và Công nghệ")).status()).isEqualTo(201);
        assertThat(registrar.post("/api/v1/agencies", Map.of("code", otherDepartment, "parentCode", province,
                "name", "Sở Y tế")).status()).isEqualTo(201);
        var c1 = registrar.post("/api/v1/agencies", Map.of("code", commune1, "parentCode", department,
                "name", "Trung tâm Chuyển đổi số"));
        assertThat(c1.status()).isEqualTo(201);
        assertThat(c1.json().path("path").toString()).isEqualTo("[\"" + province + "\",\"" + department + "\",\"" + commune1 + "\"]");
        assertThat(c1.json().path("level").asInt()).isEqualTo(2);
        assertThat(registrar.post("/api/v1/agencies", Map.of("code", commune2, "parentCode", department,
                "name", "Trung tâm Thông tin và Thống kê")).status()).isEqualTo(201);
        assertThat(registrar.post("/api/v1/agencies", Map.of("code", otherCommune, "parentCode", otherDepartment,
                "name", "Bệnh viện Đa khoa tỉnh")).status()).isEqualTo(201);

        var mine = registrar.post("/api/v1/subscribers", Map.of("type", "INDIVIDUAL", "agencyCode", commune1,
                "fullName", "Nguyễn Thị Ánh Tuyết", "email", "tuyet.nta@lamdong.gov.vn",
                "nationalId", "068185012345", "dateOfBirth", "1985-07-21", "position", "Phó Giám đốc"));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        assertThat(mine.text("fullName")).isEqualTo("Nguyễn Thị Ánh Tuyết");
        var theirs = registrar.post("/api/v1/subscribers", Map.of("type", "INDIVIDUAL", "agencyCode", otherCommune,
                "fullName", "Trần Văn Đức", "email", "duc.tv@lamdong.gov.vn",
                "nationalId", "068079054321", "dateOfBirth", "1979-01-02"));
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);

        Api officer = newUser("AGENCY_OFFICER", department);

        // its own subtree: the department and both communes
        var children = officer.get("/api/v1/agencies?parent=" + department);
        assertThat(children.status()).isEqualTo(200);
        assertThat(codes(children)).containsExactly(commune1, commune2);
        assertThat(codes(officer.get("/api/v1/agencies?within=" + department)))
                .containsExactly(department, commune1, commune2);
        assertThat(codes(officer.get("/api/v1/agencies"))).containsExactly(department);
        assertThat(officer.get("/api/v1/agencies/" + commune2).status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/subscribers/" + mine.json().path("id").asLong()).status()).isEqualTo(200);
        var subscribers = officer.get("/api/v1/subscribers?agency=" + department + "&subtree=true");
        assertThat(subscribers.json().path("totalItems").asLong()).isEqualTo(1);

        // and nothing outside it: not the parent, not the sibling, not their subscribers
        assertThat(officer.get("/api/v1/agencies/" + province).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/agencies/" + otherCommune).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/agencies?parent=" + province).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/agencies?within=" + otherDepartment).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/subscribers/" + theirs.json().path("id").asLong()).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/subscribers?agency=" + otherCommune).status()).isEqualTo(404);
        var search = officer.get("/api/v1/subscribers?q=tran%20van%20duc");
        assertThat(search.json().path("totalItems").asLong()).isZero();
        var agencySearch = officer.get("/api/v1/agencies?q=benh%20vien");
        assertThat(agencySearch.json().path("totalItems").asLong()).isZero();
        // nor may it change anything or read the audit log
        assertThat(officer.post("/api/v1/agencies", Map.of("code", unique("X"), "parentCode", department,
                "name", "Không được tạo")).status()).isEqualTo(403);
        assertThat(officer.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(officer.get("/api/v1/users").status()).isEqualTo(403);

        // every change is in the log: two users, six agencies, two subscribers
        var log = admin().get("/api/v1/audit?size=500");
        long auditAfter = count("audit_entry");
        assertThat(auditAfter - auditBefore).isEqualTo(10);
        List<String> entities = new java.util.ArrayList<>();
        log.json().path("items").forEach(e -> entities.add(e.path("entityId").asString()));
        assertThat(entities).contains(province, department, commune1, commune2, otherCommune,
                mine.json().path("id").asString());
        var verify = admin().get("/api/v1/audit/verify");
        assertThat(verify.json().path("valid").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.json().path("entries").asLong()).isEqualTo(auditAfter);
    }

    private static List<String> codes(Api.Response response) {
        List<String> codes = new java.util.ArrayList<>();
        response.json().path("items").forEach(a -> codes.add(a.path("code").asString()));
        return codes;
    }
}
