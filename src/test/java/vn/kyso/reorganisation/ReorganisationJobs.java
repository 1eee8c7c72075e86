package vn.kyso.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;

/** Mergers and dissolutions through the API: the dry run, the job, its progress, and what it left behind. */
public interface ReorganisationJobs extends KysoApi {

    DataSource dataSource();

    @Test
    default void aMergerMovesEverythingToTheSuccessorExactlyAsTheDryRunSaid() throws Exception {
        String province = newAgency("Ủy ban nhân dân tỉnh Lâm Đồng");
        String x = child(province, "Ủy ban nhân dân xã Tân Hà");
        String y = child(province, "Ủy ban nhân dân xã Đan Phượng");
        String successor = child(province, "Ủy ban nhân dân xã Tân Hà mới");
        String unit = child(x, "Văn phòng HĐND và UBND xã Tân Hà");
        Person x1 = newIndividual(x, "Nguyễn Văn Tám");
        Person x2 = newIndividual(x, "Lê Thị Chín");
        Person y1 = newIndividual(y, "Trần Văn Mười");
        long seal = organisation(x, "Ủy ban nhân dân xã Tân Hà");
        String sealCertificate = issue(seal);
        String personal = issue(x1.id());
        String tx = token(x);
        assertThat(admin().post("/api/v1/tokens/" + tx + "/hand-over", Map.of("subscriberId", x1.id())).status())
                .isEqualTo(200);
        String ty = token(y);
        Api registrar = newUser("REGISTRAR", null);

        var dry = registrar.post("/api/v1/reorganisations", Map.of("kind", "MERGE", "sources", List.of(x, y),
                "successor", successor, "revokeOrganizationCertificates", true, "comment", "Nghị quyết sáp nhập xã"));
        assertThat(dry.status()).as(dry.toString()).isEqualTo(201);
        List<String> planned = items(dry.json());
        assertThat(planned).containsExactly(
                "REVOKE_CERTIFICATE " + sealCertificate + " WILL", "CLOSE_SUBSCRIBER " + seal + " WILL",
                "MOVE_SUBSCRIBER " + x1.id() + " WILL", "MOVE_SUBSCRIBER " + x2.id() + " WILL",
                "MOVE_TOKEN " + tx + " WILL", "MOVE_AGENCY " + unit + " WILL",
                "MOVE_SUBSCRIBER " + y1.id() + " WILL", "MOVE_TOKEN " + ty + " WILL",
                "CLOSE_AGENCY " + x + " WILL", "CLOSE_AGENCY " + y + " WILL");
        // a dry run changes nothing
        assertThat(admin().get("/api/v1/subscribers/" + x1.id()).text("agencyCode")).isEqualTo(x);

        String id = dry.text("id");
        JsonNode finished = runToEnd(registrar, id);
        assertThat(finished.path("failedItems").asInt()).isZero();
        assertThat(finished.path("doneItems").asInt()).isEqualTo(10);
        assertThat(items(finished)).containsExactlyElementsOf(
                planned.stream().map(p -> p.replace(" WILL", " DONE")).toList());

        for (Person p : List.of(x1, x2, y1)) {
            assertThat(admin().get("/api/v1/subscribers/" + p.id()).text("agencyCode")).isEqualTo(successor);
        }
        var token = admin().get("/api/v1/tokens/" + tx);
        assertThat(token.text("state")).isEqualTo("IN_USE");
        assertThat(token.text("custodianAgencyCode")).isEqualTo(successor);
        assertThat(token.json().path("holder").path("subscriberId").asLong()).isEqualTo(x1.id());
        assertThat(admin().get("/api/v1/tokens/" + ty).text("custodianAgencyCode")).isEqualTo(successor);
        assertThat(admin().get("/api/v1/agencies/" + unit).text("parentCode")).isEqualTo(successor);
        var closed = admin().get("/api/v1/agencies/" + x);
        assertThat(closed.text("status")).isEqualTo("MERGED");
        assertThat(closed.text("successorCode")).isEqualTo(successor);
        var revoked = admin().get("/api/v1/certificates/" + sealCertificate);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revocation").path("case").asString()).isEqualTo("ORGANIZATION_DISSOLVED");
        // an official's own certificate survives the merger of their commune
        assertThat(admin().get("/api/v1/certificates/" + personal).text("status")).isNotEqualTo("REVOKED");
        // the job ran as the registrar who started it: the entries name them
        String startedBy = finished.path("startedBy").asString();
        assertThat(startedBy).startsWith("u");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'subscriber.move' AND actor = ?"
                + " AND entity_id IN (?, ?, ?)").params(startedBy, String.valueOf(x1.id()), String.valueOf(x2.id()),
                String.valueOf(y1.id())).query(Long.class).single()).isEqualTo(3);
        assertThat(admin().get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
    }

    @Test
    default void aDissolutionOfABodyThatStillHoldsThingsIsBlocked() {
        String body = newAgency("Ban quản lý dự án tỉnh");
        Person member = newIndividual(body, "Phạm Văn Lực");
        String token = token(body);
        var dry = admin().post("/api/v1/reorganisations", Map.of("kind", "DISSOLVE", "sources", List.of(body)));
        assertThat(dry.status()).isEqualTo(201);
        assertThat(items(dry.json())).contains("MOVE_SUBSCRIBER " + member.id() + " BLOCKED",
                "MOVE_TOKEN " + token + " BLOCKED", "CLOSE_AGENCY " + body + " WILL");
        var start = admin().post("/api/v1/reorganisations/" + dry.text("id") + "/start", Map.of());
        assertThat(start.status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/agencies/" + body).text("status")).isEqualTo("ACTIVE");

        var withSuccessor = admin().post("/api/v1/reorganisations", Map.of("kind", "DISSOLVE",
                "sources", List.of(body), "successor", newAgency("Sở Kế hoạch")));
        assertThat(withSuccessor.status()).isEqualTo(400);
        assertThat(withSuccessor.errorFields()).containsExactly("successor");
        assertThat(admin().post("/api/v1/reorganisations", Map.of("kind", "MERGE", "sources", List.of(body)))
                .errorFields()).containsExactly("successor");
        assertThat(newUser("AGENCY_OFFICER", body).post("/api/v1/reorganisations",
                Map.of("kind", "DISSOLVE", "sources", List.of(body))).status()).isEqualTo(403);
    }

    @Test
    default void underFourEyesTheStartWaitsForASecondRegistrar() throws Exception {
        String source = newAgency("Ủy ban nhân dân xã Đà Loan");
        String successor = newAgency("Ủy ban nhân dân xã Ninh Loan");
        Person person = newIndividual(source, "Mai Văn Tài");
        Api preparer = newUser("REGISTRAR", null);
        Api approver = newUser("REGISTRAR", null);
        assertThat(admin().put("/api/v1/approval-rules/REORGANISATION", Map.of("fourEyes", true)).status())
                .isEqualTo(200);
        try {
            var dry = preparer.post("/api/v1/reorganisations", Map.of("kind", "MERGE", "sources", List.of(source),
                    "successor", successor));
            String id = dry.text("id");
            var start = preparer.post("/api/v1/reorganisations/" + id + "/start", Map.of());
            assertThat(start.status()).isEqualTo(202);
            assertThat(start.text("status")).isEqualTo("PLANNED");
            long approval = start.json().path("pendingApprovalId").asLong();
            assertThat(approval).isPositive();
            assertThat(admin().get("/api/v1/subscribers/" + person.id()).text("agencyCode")).isEqualTo(source);

            assertThat(preparer.post("/api/v1/approvals/" + approval + "/approve", Map.of()).status())
                    .isEqualTo(403);
            var approved = approver.post("/api/v1/approvals/" + approval + "/approve", Map.of());
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode job;
            do {
                Thread.sleep(20);
                job = admin().get("/api/v1/reorganisations/" + id).json();
            } while (!job.path("status").asString().equals("DONE") && System.nanoTime() < deadline);
            assertThat(job.path("status").asString()).isEqualTo("DONE");
            assertThat(admin().get("/api/v1/subscribers/" + person.id()).text("agencyCode")).isEqualTo(successor);
        } finally {
            admin().put("/api/v1/approval-rules/REORGANISATION", Map.of("fourEyes", false));
        }
    }

    @Test
    default void aPlanMadeStaleByALaterChangeIsNotRun() {
        String source = newAgency("Ủy ban nhân dân xã Lạc Dương");
        String successor = newAgency("Ủy ban nhân dân xã Lạc Dương mới");
        newIndividual(source, "Đặng Văn Hùng");
        var dry = admin().post("/api/v1/reorganisations", Map.of("kind", "MERGE", "sources", List.of(source),
                "successor", successor));
        Person late = newIndividual(source, "Đặng Thị Hoa");
        var start = admin().post("/api/v1/reorganisations/" + dry.text("id") + "/start", Map.of());
        assertThat(start.status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/subscribers/" + late.id()).text("agencyCode")).isEqualTo(source);
        assertThat(admin().get("/api/v1/reorganisations/" + dry.text("id")).text("status")).isEqualTo("PLANNED");
    }

    /**
     * Ten communes merged into one, with 5,000 subscribers and tokens among them: a job with
     * progress, that leaves everything with the successor, exactly as its dry run said.
     */
    @Test
    default void tenCommunesWithFiveThousandItemsMergeAsATrackedJob() throws Exception {
        String province = newAgency("Tỉnh sáp nhập");
        String successor = child(province, "Xã mới sau sáp nhập");
        List<String> communes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            communes.add(child(province, "Xã cũ " + (i + 1)));
        }
        seed(communes, 250);
        var dry = admin().post("/api/v1/reorganisations", Map.of("kind", "MERGE", "sources", communes,
                "successor", successor));
        assertThat(dry.status()).isEqualTo(201);
        List<String> planned = items(dry.json());
        assertThat(planned).hasSize(5_010);
        assertThat(dry.json().path("totalItems").asInt()).isEqualTo(5_010);

        String id = dry.text("id");
        assertThat(admin().post("/api/v1/reorganisations/" + id + "/start", Map.of()).status()).isEqualTo(202);
        List<Integer> seen = new ArrayList<>();
        JsonNode job;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        do {
            Thread.sleep(25);
            job = admin().get("/api/v1/reorganisations/" + id + "?items=false").json();
            seen.add(job.path("doneItems").asInt());
        } while (!job.path("status").asString().equals("DONE") && System.nanoTime() < deadline);
        assertThat(job.path("status").asString()).isEqualTo("DONE");
        assertThat(seen).isSorted();
        assertThat(seen).anyMatch(done -> done > 0 && done < 5_010);
        JsonNode finished = admin().get("/api/v1/reorganisations/" + id).json();
        assertThat(finished.path("doneItems").asInt()).isEqualTo(5_010);
        assertThat(items(finished)).containsExactlyElementsOf(
                planned.stream().map(p -> p.replace(" WILL", " DONE")).toList());

        long successorId = jdbc().sql("SELECT id FROM agency WHERE code = ?").param(successor).query(Long.class)
                .single();
        assertThat(jdbc().sql("SELECT COUNT(*) FROM subscriber WHERE agency_id = ?").param(successorId)
                .query(Long.class).single()).isEqualTo(2_500);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM token WHERE custodian_agency_id = ?").param(successorId)
                .query(Long.class).single()).isEqualTo(2_500);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM agency WHERE status = 'MERGED' AND successor_id = ?")
                .param(successorId).query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM subscriber_placement WHERE agency_id = ? AND valid_to IS NULL")
                .param(successorId).query(Long.class).single()).isEqualTo(2_500);
        assertThat(admin().get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
    }

    /** Subscribers and tokens written straight to the tables: the API would take minutes to make 5,000. */
    private void seed(List<String> communes, int each) {
        var template = new JdbcTemplate(dataSource());
        long model = jdbc().sql("SELECT id FROM token_model ORDER BY id").query(Long.class).list().get(0);
        Timestamp now = Timestamp.from(Instant.now().minusSeconds(60));
        String prefix = unique("RG");
        for (String code : communes) {
            long agency = jdbc().sql("SELECT id FROM agency WHERE code = ?").param(code).query(Long.class).single();
            List<Object[]> people = new ArrayList<>();
            List<Object[]> tokens = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                people.add(new Object[] {agency, "Cán bộ " + code + " " + i, "can bo " + i,
                    prefix.toLowerCase() + code.toLowerCase() + i + "@lamdong.gov.vn", now, now});
                tokens.add(new Object[] {prefix + code + String.format("%04d", i), model, agency, now, now});
            }
            template.batchUpdate("INSERT INTO subscriber (type, agency_id, full_name, search_key, email, status,"
                    + " version, created_at, updated_at) VALUES ('INDIVIDUAL', ?, ?, ?, ?, 'ACTIVE', 0, ?, ?)", people);
            template.batchUpdate("INSERT INTO token (serial, model_id, state, custodian_agency_id, version,"
                    + " created_at, updated_at) VALUES (?, ?, 'ALLOCATED', ?, 0, ?, ?)", tokens);
            template.update("INSERT INTO subscriber_placement (subscriber_id, agency_id, valid_from)"
                    + " SELECT id, agency_id, created_at FROM subscriber WHERE agency_id = ?", agency);
        }
    }

    private JsonNode runToEnd(Api api, String id) throws InterruptedException {
        var started = api.post("/api/v1/reorganisations/" + id + "/start", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(api.post("/api/v1/reorganisations/" + id + "/start", Map.of()).status()).isEqualTo(409);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job;
        do {
            Thread.sleep(20);
            job = api.get("/api/v1/reorganisations/" + id).json();
        } while (!job.path("status").asString().equals("DONE") && System.nanoTime() < deadline);
        assertThat(job.path("status").asString()).isEqualTo("DONE");
        return job;
    }

    private static List<String> items(JsonNode job) {
        List<String> items = new ArrayList<>();
        job.path("items").forEach(i -> items.add(i.path("step").asString() + " " + i.path("ref").asString() + " "
                + i.path("outcome").asString()));
        return items;
    }

    private String child(String parent, String name) {
        String code = unique("AG");
        var created = admin().post("/api/v1/agencies", Map.of("code", code, "name", name, "parentCode", parent));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    private long organisation(String agency, String name) {
        var created = admin().post("/api/v1/subscribers", Map.of("type", "ORGANIZATION", "agencyCode", agency,
                "fullName", name, "email", unique("vp").toLowerCase() + "@lamdong.gov.vn",
                "taxCode", "5800" + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private String issue(long subscriberId) {
        var issued = admin().post("/api/v1/certificates", Map.of("subscriberId", subscriberId,
                "csr", TestPki.csr(TestPki.ec("secp256r1"))));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.text("serialNumber");
    }

    private String token(String agency) {
        String serial = unique("TK");
        assertThat(admin().post("/api/v1/tokens", Map.of("serial", serial, "model", "SAFENET-5110",
                "agencyCode", agency)).status()).isEqualTo(201);
        return serial;
    }
}
