package vn.kyso.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;

public interface AgencyTree extends KysoApi {

    private void create(String code, String parent, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        var response = admin().post("/api/v1/agencies", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private String path(String code) {
        return admin().get("/api/v1/agencies/" + code).json().path("path").toString();
    }

    @Test
    default void movingAnAgencyMovesItsWholeSubtreeAndTheOfficersView() {
        String a = unique("A");
        String b = unique("B");
        String c = unique("C");
        String x = unique("X");
        create(a, null, "Sở Nội vụ");
        create(b, a, "Phòng Tổ chức");
        create(c, b, "Tổ Văn thư");
        create(x, null, "Sở Tài chính");
        Api officerOfX = newUser("AGENCY_OFFICER", x);
        assertThat(officerOfX.get("/api/v1/agencies/" + c).status()).isEqualTo(404);

        var moved = admin().put("/api/v1/agencies/" + b, Map.of("name", "Phòng Tổ chức", "parentCode", x, "version", 0));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("version").asLong()).isEqualTo(1);
        assertThat(path(c)).isEqualTo("[\"" + x + "\",\"" + b + "\",\"" + c + "\"]");
        assertThat(admin().get("/api/v1/agencies/" + c).json().path("level").asInt()).isEqualTo(2);
        assertThat(officerOfX.get("/api/v1/agencies/" + c).status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/agencies?parent=" + a).json().path("totalItems").asLong()).isZero();

        var audit = admin().get("/api/v1/audit?entity=agency:" + b);
        var update = audit.json().path("items").get(0);
        assertThat(update.path("action").asString()).isEqualTo("agency.update");
        assertThat(update.path("before").path("parentCode").asString()).isEqualTo(a);
        assertThat(update.path("after").path("parentCode").asString()).isEqualTo(x);

        var toRoot = admin().put("/api/v1/agencies/" + b, Map.of("name", "Phòng Tổ chức"));
        assertThat(toRoot.status()).isEqualTo(200);
        assertThat(path(c)).isEqualTo("[\"" + b + "\",\"" + c + "\"]");
        assertThat(admin().get("/api/v1/agencies/" + c).json().path("level").asInt()).isEqualTo(1);
        assertThat(officerOfX.get("/api/v1/agencies/" + c).status()).isEqualTo(404);
    }

    @Test
    default void namesAreStoredAsNfcAndFoundWithOrWithoutDiacritics() {
        String code = unique("N");
        String decomposed = Normalizer.normalize("Trung tâm Kiểm soát bệnh tật Đà Lạt", Normalizer.Form.NFD);
        create(code, null, "  " + decomposed + "  ");
        var stored = admin().get("/api/v1/agencies/" + code);
        assertThat(stored.text("name")).isEqualTo("Trung tâm Kiểm soát bệnh tật Đà Lạt");
        assertThat(Normalizer.isNormalized(stored.text("name"), Normalizer.Form.NFC)).isTrue();
        for (String q : new String[] {"kiem soat benh tat da lat", "Kiểm soát bệnh tật Đà Lạt", "KIỂM SOÁT", decomposed}) {
            var found = admin().get("/api/v1/agencies?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(found.json().path("items").toString()).as(q).contains(code);
        }
        var lower = admin().get("/api/v1/agencies/" + code.toLowerCase());
        assertThat(lower.status()).isEqualTo(200);
    }

    @Test
    default void subscribersKeepTheirIdentityAcrossUpdates() {
        String agency = unique("S");
        String other = unique("T");
        create(agency, null, "Sở Xây dựng");
        create(other, null, "Sở Công Thương");
        Map<String, Object> body = new HashMap<>(Map.of("type", "INDIVIDUAL", "agencyCode", agency,
                "fullName", "Phạm Ngọc Ánh", "email", "anh.pn@lamdong.gov.vn", "nationalId", "068192004321",
                "dateOfBirth", "1992-11-30", "phone", "0263 3822 123"));
        var created = admin().post("/api/v1/subscribers", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.text("phone")).isEqualTo("02633822123");

        body.put("agencyCode", other);
        body.put("position", "Chuyên viên");
        body.put("version", 0);
        var moved = admin().put("/api/v1/subscribers/" + id, body);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("agencyCode")).isEqualTo(other);
        assertThat(moved.json().path("version").asLong()).isEqualTo(1);

        var stale = admin().put("/api/v1/subscribers/" + id, body);
        assertThat(stale.status()).isEqualTo(409);

        body.put("version", 1);
        body.put("type", "DEVICE");
        var typeChange = admin().put("/api/v1/subscribers/" + id, body);
        assertThat(typeChange.status()).isEqualTo(400);
        assertThat(typeChange.errorFields()).containsExactly("type");

        Map<String, Object> twin = new HashMap<>(Map.of("type", "INDIVIDUAL", "agencyCode", agency,
                "fullName", "Người khác", "email", "khac@lamdong.gov.vn", "nationalId", "068192004321",
                "dateOfBirth", "1992-01-01"));
        var duplicate = admin().post("/api/v1/subscribers", twin);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorFields()).containsExactly("nationalId");
    }
}
