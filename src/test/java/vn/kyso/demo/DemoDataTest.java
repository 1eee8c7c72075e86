package vn.kyso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import vn.kyso.support.Api;
import vn.kyso.support.TestDatabases;

/** The demo province, seen the way a demo visitor sees it: over HTTP, as each of the demo users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kyso.demo=true")
class DemoDataTest {

    private static final String PASSWORD = "Kyso-Demo-2026!";

    @LocalServerPort
    int port;

    @Autowired
    DemoData demoData;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.sqlite(registry);
    }

    private Api as(String username) {
        return Api.at(port).as(username, PASSWORD);
    }

    @Test
    void demoProvinceIsLoadedOnceAndEveryDemoUserCanWorkInIt() {
        Map<String, String> roles = Map.of("quantri", "ADMIN", "dangky", "REGISTRAR", "vanthu", "CLERK",
                "canbo.syt", "AGENCY_OFFICER", "kiemtoan", "AUDITOR");
        roles.forEach((username, role) -> {
            var me = as(username).get("/api/v1/users/me");
            assertThat(me.status()).as(username + ": " + me).isEqualTo(200);
            assertThat(me.json().path("roles").toString()).as(username).isEqualTo("[\"" + role + "\"]");
            assertThat(me.text("fullName")).as(username).isNotBlank();
        });

        Api registrar = as("dangky");
        var top = registrar.get("/api/v1/agencies");
        assertThat(top.status()).as(top.toString()).isEqualTo(200);
        assertThat(top.json().path("items").size()).as("one province at the top").isEqualTo(1);
        String root = top.json().path("items").get(0).path("code").asString();

        var tree = registrar.get("/api/v1/agencies?within=" + root + "&size=500");
        assertThat(tree.status()).as(tree.toString()).isEqualTo(200);
        long agencies = tree.json().path("totalItems").asLong();
        assertThat(agencies).isBetween(35L, 50L);
        assertThat(tree.json().path("items").size()).isEqualTo((int) agencies);
        Set<Integer> levels = new HashSet<>();
        tree.json().path("items").forEach(a -> levels.add(a.path("level").asInt()));
        assertThat(levels).containsExactlyInAnyOrder(0, 1, 2);

        long subscribers = subscriberCount(registrar);
        assertThat(subscribers).isGreaterThanOrEqualTo(200);

        // The officer of Sở Y tế sees its hospital and disease-control centre, and nothing above.
        Api officer = as("canbo.syt");
        String health = officer.get("/api/v1/users/me").text("agencyCode");
        assertThat(health).isNotNull();
        var own = officer.get("/api/v1/agencies?within=" + health + "&size=500");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("totalItems").asLong()).isGreaterThanOrEqualTo(3).isLessThan(agencies);
        for (JsonNode agency : own.json().path("items")) {
            assertThat(agency.path("path").toString()).contains("\"" + health + "\"");
        }
        assertThat(officer.get("/api/v1/agencies/" + root).status()).isEqualTo(404);

        // The clerk's history starts with the demo documents: valid CMS and PDF, and a tampered copy.
        var history = as("vanthu").get("/api/v1/verifications");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        Map<String, String> verdicts = new java.util.HashMap<>();
        history.json().forEach(v -> verdicts.put(v.path("fileName").asString(), v.path("indication").asString()));
        assertThat(verdicts).containsEntry("cong-van-123.p7m", "TOTAL_PASSED")
                .containsEntry("cong-van-123.pdf", "TOTAL_PASSED")
                .containsEntry("cong-van-123.sua-doi.p7m", "TOTAL_FAILED");

        // The registrar's desk has requests of several forms, one overdue and one turned back with its reason.
        var desk = registrar.get("/api/v1/requests?size=50");
        assertThat(desk.status()).as(desk.toString()).isEqualTo(200);
        Map<String, Integer> byKind = new java.util.HashMap<>();
        Set<String> statuses = new HashSet<>();
        boolean overdue = false;
        for (JsonNode r : desk.json().path("items")) {
            byKind.merge(r.path("kind").asString(), 1, Integer::sum);
            statuses.add(r.path("status").asString());
            overdue |= r.path("overdue").asBoolean();
        }
        assertThat(byKind).containsEntry("ISSUE_INDIVIDUAL", 2).containsEntry("REVOCATION", 1)
                .containsEntry("TOKEN_RESTORE", 1);
        assertThat(statuses).containsExactlyInAnyOrder("RECEIVED", "REJECTED");
        assertThat(overdue).as("an issue request past its due date").isTrue();

        var verification = as("kiemtoan").get("/api/v1/audit/verify");
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        assertThat(verification.json().path("valid").asBoolean()).as(verification.toString()).isTrue();

        // A restart with the same database must not load the demo a second time.
        demoData.run(null);
        assertThat(registrar.get("/api/v1/agencies?within=" + root + "&size=1").json().path("totalItems").asLong())
                .isEqualTo(agencies);
        assertThat(subscriberCount(registrar)).isEqualTo(subscribers);
    }

    private static long subscriberCount(Api api) {
        var page = api.get("/api/v1/subscribers?size=1");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("totalItems").asLong();
    }
}
