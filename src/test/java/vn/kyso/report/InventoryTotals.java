package vn.kyso.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;

/**
 * A province of seventeen agencies with thousands of tokens and hundreds of certificates in
 * every state: the inventory of the province, of a district and of a commune must equal what the
 * test counts itself, the parts must add up to the whole, and the CSV must list every token.
 */
public interface InventoryTotals extends KysoApi {

    String[] STATES = {"IN_STOCK", "ALLOCATED", "IN_USE", "LOCKED", "RESTORE_REQUESTED", "RECOVERED", "LOST",
        "DAMAGED", "RETURNED_TO_PROVIDER", "RETIRED"};

    record Agency(String code, long id, List<Agency> children) {
    }

    record Tok(String state, String model, Long agencyId, Instant event) {
    }

    record Cert(Long agencyId, String status, Instant notBefore, Instant notAfter) {
    }

    private Agency agency(String name, Agency parent) {
        String code = unique("INV");
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name));
        if (parent != null) {
            body.put("parentCode", parent.code());
        }
        assertThat(admin().post("/api/v1/agencies", body).status()).isEqualTo(201);
        long id = jdbc().sql("SELECT id FROM agency WHERE code = ?").param(code).query(Long.class).single();
        Agency agency = new Agency(code, id, new ArrayList<>());
        if (parent != null) {
            parent.children().add(agency);
        }
        return agency;
    }

    private static List<Long> ids(Agency root) {
        List<Long> ids = new ArrayList<>(List.of(root.id()));
        root.children().forEach(c -> ids.addAll(ids(c)));
        return ids;
    }

    @Test
    default void inventoryFiguresAddUpOverAGeneratedProvince() {
        Random random = new Random(68);
        Agency province = agency("Ủy ban nhân dân tỉnh thử nghiệm", null);
        for (int d = 0; d < 4; d++) {
            Agency district = agency("Huyện " + d, province);
            for (int c = 0; c < 3; c++) {
                agency("Xã " + d + "-" + c, district);
            }
        }
        List<Long> all = ids(province);
        Map<Long, Long> subscriberOf = new HashMap<>();
        for (long agencyId : all) {
            String code = jdbc().sql("SELECT code FROM agency WHERE id = ?").param(agencyId).query(String.class).single();
            subscriberOf.put(agencyId, newIndividual(code, "Cán bộ " + code).id());
        }
        Map<String, Long> models = new HashMap<>();
        jdbc().sql("SELECT code, id FROM token_model").query(rs -> { models.put(rs.getString("code"), rs.getLong("id")); });
        List<String> modelCodes = new ArrayList<>(models.keySet());
        Instant now = Instant.now();
        ZoneId vietnam = ZoneId.of("Asia/Ho_Chi_Minh");
        Instant monthStart = LocalDate.now(vietnam).withDayOfMonth(1).atStartOfDay(vietnam).toInstant();

        List<Tok> tokens = new ArrayList<>();
        List<Object[]> tokenRows = new ArrayList<>();
        String prefix = unique("GEN");
        for (int i = 0; i < 3000; i++) {
            String state = STATES[random.nextInt(STATES.length)];
            String model = modelCodes.get(random.nextInt(modelCodes.size()));
            boolean inStock = state.equals("IN_STOCK") || state.equals("RETURNED_TO_PROVIDER") || state.equals("RETIRED");
            Long agencyId = inStock ? null : all.get(random.nextInt(all.size()));
            boolean held = state.equals("IN_USE") || state.equals("LOCKED") || state.equals("RESTORE_REQUESTED");
            // some incidents this month, some before it: only the first kind counts for the period
            Instant event = null;
            if ((state.equals("LOCKED") || state.equals("LOST") || state.equals("DAMAGED")) && agencyId != null) {
                event = random.nextBoolean() ? monthStart.plusSeconds(random.nextInt(
                        (int) Math.max(1, Duration.between(monthStart, now).getSeconds())))
                        : monthStart.minus(Duration.ofDays(1 + random.nextInt(40)));
            }
            tokens.add(new Tok(state, model, agencyId, event));
            tokenRows.add(new Object[] {prefix + String.format("%05d", i), models.get(model), state, agencyId,
                held ? subscriberOf.get(agencyId) : null, Timestamp.from(now), Timestamp.from(now)});
        }
        new org.springframework.jdbc.core.JdbcTemplate(dataSource()).batchUpdate("INSERT INTO token (serial, model_id,"
                + " state, custodian_agency_id, holder_subscriber_id, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, 0, ?, ?)", tokenRows);
        List<Object[]> eventRows = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Tok t = tokens.get(i);
            if (t.event() != null) {
                long id = jdbc().sql("SELECT id FROM token WHERE serial = ?").param(prefix + String.format("%05d", i))
                        .query(Long.class).single();
                eventRows.add(new Object[] {id, "report", t.state(), "test", Timestamp.from(t.event()), t.agencyId()});
            }
        }
        new org.springframework.jdbc.core.JdbcTemplate(dataSource()).batchUpdate("INSERT INTO token_event (token_id, action,"
                + " to_state, actor, occurred_at, custodian_agency_id) VALUES (?, ?, ?, ?, ?, ?)", eventRows);

        long caId = jdbc().sql("SELECT id FROM ca WHERE name = 'kyso'").query(Long.class).single();
        List<Cert> certificates = new ArrayList<>();
        List<Object[]> certRows = new ArrayList<>();
        String[] statuses = {"GOOD", "GOOD", "GOOD", "REVOKED", "ON_HOLD"};
        long[] lifetimes = {-30, 20, 45, 400, 1000};
        for (int i = 0; i < 600; i++) {
            long agencyId = all.get(random.nextInt(all.size()));
            String status = statuses[random.nextInt(statuses.length)];
            Instant notAfter = now.plus(Duration.ofDays(lifetimes[random.nextInt(lifetimes.length)]));
            Instant notBefore = random.nextInt(20) == 0 ? now.plus(Duration.ofDays(2)) : now.minus(Duration.ofDays(100));
            certificates.add(new Cert(agencyId, status, notBefore, notAfter));
            // serials are hex, as every serial Kyso stores; the CRL of the shared CA reads them
            String serial = Long.toHexString(System.nanoTime()) + String.format("%04x", i);
            certRows.add(new Object[] {serial, caId, subscriberOf.get(agencyId), agencyId, new byte[] {0}, status,
                status.equals("GOOD") ? null : Timestamp.from(now.minus(Duration.ofDays(3))), Timestamp.from(notBefore), Timestamp.from(notAfter), Timestamp.from(now), Timestamp.from(now)});
        }
        new org.springframework.jdbc.core.JdbcTemplate(dataSource()).batchUpdate("INSERT INTO certificate (serial, ca_id,"
                + " subscriber_id, agency_id, source, storage, subject_dn, search_key, key_algorithm, key_size, spki_sha256, der,"
                + " status, revoked_at, not_before, not_after, renewal_count, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, 'IMPORTED', 'TOKEN', 'CN=x', 'x', 'EC', 256, 'x', ?, ?, ?, ?, ?, 0, 0, ?, ?)",
                certRows);

        Agency district = province.children().get(1);
        Agency commune = district.children().get(2);
        Api registrar = newUser("REGISTRAR", null);
        for (Agency scope : List.of(province, district, commune)) {
            List<Long> inside = ids(scope);
            var report = registrar.get("/api/v1/agencies/" + scope.code() + "/inventory");
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            var json = report.json();
            assertThat(json.path("agencies").asLong()).isEqualTo(inside.size());
            List<Tok> mine = tokens.stream().filter(t -> t.agencyId() != null && inside.contains(t.agencyId())).toList();
            assertThat(json.path("tokens").path("total").asLong()).isEqualTo(mine.size());
            for (String state : STATES) {
                assertThat(json.path("tokens").path("byState").path(state).asLong()).as(state)
                        .isEqualTo(mine.stream().filter(t -> t.state().equals(state)).count());
            }
            for (String model : modelCodes) {
                assertThat(json.path("tokens").path("byModel").path(model).asLong(0)).as(model)
                        .isEqualTo(mine.stream().filter(t -> t.model().equals(model)).count());
            }
            assertThat(json.path("tokens").path("heldBySubscribers").asLong()).isEqualTo(mine.stream()
                    .filter(t -> List.of("IN_USE", "LOCKED", "RESTORE_REQUESTED").contains(t.state())).count());
            for (String state : List.of("LOCKED", "LOST", "DAMAGED")) {
                String key = "tokens" + state.charAt(0) + state.substring(1).toLowerCase();
                assertThat(json.path("period").path(key).asLong()).as(key).isEqualTo(mine.stream()
                        .filter(t -> t.state().equals(state) && t.event() != null && !t.event().isBefore(monthStart))
                        .count());
            }
            List<Cert> certs = certificates.stream().filter(c -> inside.contains(c.agencyId())).toList();
            var byStatus = json.path("certificates").path("byStatus");
            assertThat(json.path("certificates").path("total").asLong()).isEqualTo(certs.size());
            assertThat(byStatus.path("REVOKED").asLong()).isEqualTo(certs.stream().filter(c -> c.status().equals("REVOKED")).count());
            assertThat(byStatus.path("ON_HOLD").asLong()).isEqualTo(certs.stream().filter(c -> c.status().equals("ON_HOLD")).count());
            assertThat(byStatus.path("EXPIRED").asLong()).isEqualTo(certs.stream()
                    .filter(c -> c.status().equals("GOOD") && c.notAfter().isBefore(now)).count());
            assertThat(byStatus.path("NOT_YET_VALID").asLong()).isEqualTo(certs.stream()
                    .filter(c -> c.status().equals("GOOD") && c.notBefore().isAfter(now)).count());
            assertThat(byStatus.path("VALID").asLong()).isEqualTo(certs.stream().filter(c -> c.status().equals("GOOD")
                    && !c.notBefore().isAfter(now) && c.notAfter().isAfter(now)).count());
            assertThat(json.path("certificates").path("expiringWithin30Days").asLong()).isEqualTo(certs.stream()
                    .filter(c -> c.status().equals("GOOD") && c.notAfter().isAfter(now)
                            && c.notAfter().isBefore(now.plus(Duration.ofDays(30)))).count());
            assertThat(json.path("certificates").path("expiringWithin60Days").asLong()).isEqualTo(certs.stream()
                    .filter(c -> c.status().equals("GOOD") && c.notAfter().isAfter(now)
                            && c.notAfter().isBefore(now.plus(Duration.ofDays(60)))).count());

            var csv = registrar.getBytes("/api/v1/agencies/" + scope.code() + "/inventory", "text/csv");
            long rows = new String(csv.body(), StandardCharsets.UTF_8).lines().count() - 1;
            assertThat(rows).as("one CSV row per token").isEqualTo(mine.size());
        }
        long sumOfDistricts = province.children().stream().mapToLong(d -> registrar.get("/api/v1/agencies/" + d.code()
                + "/inventory").json().path("tokens").path("total").asLong()).sum();
        long own = tokens.stream().filter(t -> province.id() == (t.agencyId() == null ? -1 : t.agencyId())).count();
        assertThat(sumOfDistricts + own).isEqualTo(registrar.get("/api/v1/agencies/" + province.code() + "/inventory")
                .json().path("tokens").path("total").asLong());
    }

    @Test
    default void aSubscriberWhoMovesTakesTheirCertificatesToTheNewAgency() {
        String from = newAgency("Sở Nội vụ");
        String to = newAgency("Sở Tư pháp");
        Person person = newIndividual(from, "Đặng Thị Hạnh");
        var issued = admin().post("/api/v1/certificates", Map.of("subscriberId", person.id(),
                "csr", vn.kyso.support.TestPki.csr(vn.kyso.support.TestPki.ec("secp256r1"))));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String serial = issued.text("serialNumber");
        Api registrar = newUser("REGISTRAR", null);
        assertThat(certificateTotal(registrar, from)).isEqualTo(1);

        var current = admin().get("/api/v1/subscribers/" + person.id()).json();
        var moved = admin().put("/api/v1/subscribers/" + person.id(), Map.of("type", "INDIVIDUAL", "agencyCode", to,
                "fullName", person.fullName(), "email", person.email(),
                "nationalId", current.path("nationalId").asString(), "dateOfBirth", current.path("dateOfBirth").asString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        assertThat(certificateTotal(registrar, from)).isZero();
        assertThat(certificateTotal(registrar, to)).isEqualTo(1);
        assertThat(admin().get("/api/v1/certificates/" + serial).text("agencyCode")).isEqualTo(to);
        assertThat(newUser("AGENCY_OFFICER", to).get("/api/v1/certificates/" + serial).status()).isEqualTo(200);
        assertThat(newUser("AGENCY_OFFICER", from).get("/api/v1/certificates/" + serial).status()).isEqualTo(404);
    }

    private static long certificateTotal(Api api, String agency) {
        var report = api.get("/api/v1/agencies/" + agency + "/inventory");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json().path("certificates").path("total").asLong();
    }

    javax.sql.DataSource dataSource();
}
