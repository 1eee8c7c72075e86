package vn.kyso.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import vn.kyso.security.AccessPolicy.Cell;
import vn.kyso.security.AccessPolicy.Route;
import vn.kyso.support.Api;
import vn.kyso.support.SqliteContext;
import vn.kyso.support.TestPki;

/**
 * Every route the running application has, called by every kind of caller, against the policy
 * written in {@link AccessPolicy}. The routes come from the application's own handler mappings,
 * so a new endpoint without a row fails here until someone decides who may call it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends SqliteContext {

    private static final String PASSWORD = "Mật khẩu ma trận 2026!";

    @Autowired
    ApplicationContext context;

    /** Agency A's records, which OFFICER owns and OUTSIDER (of agency B) must never see. */
    private record Seeded(String agency, String otherAgency, long subscriber, String subscriberName,
            String nationalId, String token, String otherToken, String record, String certificate,
            String verification, String clerk) {
    }

    private Seeded a;
    private final Map<String, Caller> callers = new LinkedHashMap<>();

    @BeforeAll
    void seed() {
        String agency = newAgency("Sở Y tế ma trận");
        String other = newAgency("Sở Giáo dục ma trận");
        var holder = newIndividual(agency, "Trần Thị Ma Trận");
        String nationalId = admin().get("/api/v1/subscribers/" + holder.id()).text("nationalId");
        String token = receive(agency);
        String otherToken = receive(other);
        var handover = admin().post("/api/v1/tokens/" + token + "/hand-over", Map.of("subscriberId", holder.id()));
        assertThat(handover.status()).as(handover.toString()).isEqualTo(200);
        var issued = admin().post("/api/v1/certificates", Map.of("subscriberId", holder.id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1")), "tokenSerial", token));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);

        String clerk = account("CLERK", null);
        String officer = account("AGENCY_OFFICER", agency);
        var verified = api().as(officer, PASSWORD).postMultipart("/api/v1/verifications",
                new Api.Part("document", "cong-van.txt", "Công văn số 12/SYT".getBytes(StandardCharsets.UTF_8)));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(201);

        a = new Seeded(agency, other, holder.id(), holder.fullName(), nationalId, token, otherToken,
                handover.text("record"), issued.text("serialNumber"), verified.text("id"), clerk);
        callers.put("ADMIN", Caller.signedIn("ADMIN", port(), account("ADMIN", null), PASSWORD));
        callers.put("REGISTRAR", Caller.signedIn("REGISTRAR", port(), account("REGISTRAR", null), PASSWORD));
        callers.put("CLERK", Caller.signedIn("CLERK", port(), clerk, PASSWORD));
        callers.put("OFFICER", Caller.signedIn("OFFICER", port(), officer, PASSWORD));
        callers.put("OUTSIDER", Caller.signedIn("OUTSIDER", port(), account("AGENCY_OFFICER", other), PASSWORD));
        callers.put("AUDITOR", Caller.signedIn("AUDITOR", port(), account("AUDITOR", null), PASSWORD));
        callers.put("ANONYMOUS", Caller.anonymous(port()));
    }

    @Test
    void theTableNamesEveryRouteTheApplicationHasAndNoOther() {
        Set<Route> application = applicationRoutes();
        Set<Route> table = AccessPolicy.rows().keySet();
        Set<Route> missing = new LinkedHashSet<>(application);
        missing.removeAll(table);
        Set<Route> gone = new LinkedHashSet<>(table);
        gone.removeAll(application);
        assertThat(missing).as("routes with no row in AccessPolicy: decide who may call them").isEmpty();
        assertThat(gone).as("rows in AccessPolicy for routes the application no longer has").isEmpty();
    }

    @Test
    void everyCallerMeetsThePolicyOnEveryRoute() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (var row : AccessPolicy.rows().entrySet()) {
            Route route = row.getKey();
            for (var expected : row.getValue().entrySet()) {
                Caller caller = callers.get(expected.getKey());
                Caller.Answer answer = call(caller, route);
                calls++;
                if (!meets(expected.getValue(), answer, caller, route)) {
                    wrong.add(route + " as " + caller + ": expected " + expected.getValue() + ", got " + answer);
                }
            }
        }
        assertThat(wrong).as("of %d calls", calls).isEmpty();
        assertThat(calls).isEqualTo(AccessPolicy.rows().size() * AccessPolicy.CALLERS.size());
    }

    @Test
    void anOfficerOfAnotherAgencyFindsNoTraceOfAgencyA() {
        Caller outsider = callers.get("OUTSIDER");
        String fakeCertificate = a.certificate().substring(0, a.certificate().length() - 6) + "abcdef";
        String fakeVerification = java.util.UUID.randomUUID().toString();
        String fakeRecord = a.record().substring(0, a.record().indexOf('-') + 1) + "999999";

        // Asked for by name: the same 404, word for word, as a record that does not exist
        List<String> differ = new ArrayList<>();
        hiddenLikeMissing(outsider, "/api/v1/tokens/%s", a.token(), "MT9999999", null, differ);
        hiddenLikeMissing(outsider, "/api/v1/certificates/%s", a.certificate(), fakeCertificate, null, differ);
        hiddenLikeMissing(outsider, "/api/v1/subscribers/%s", Long.toString(a.subscriber()), "999999999", null, differ);
        hiddenLikeMissing(outsider, "/api/v1/agencies/%s", a.agency(), "AG9999999", null, differ);
        hiddenLikeMissing(outsider, "/api/v1/agencies/%s/inventory", a.agency(), "AG9999999", null, differ);
        hiddenLikeMissing(outsider, "/api/v1/agencies/%s/inventory", a.agency(), "AG9999999", "text/csv", differ);
        hiddenLikeMissing(outsider, "/api/v1/handover-records/%s", a.record(), fakeRecord, "application/pdf", differ);
        hiddenLikeMissing(outsider, "/api/v1/verifications/%s", a.verification(), fakeVerification, null, differ);
        hiddenLikeMissing(outsider, "/api/v1/verifications/%s/receipt.pdf", a.verification(), fakeVerification,
                "application/pdf", differ);
        // the filters that name agency A
        hiddenLikeMissing(outsider, "/api/v1/tokens?agency=%s", a.agency(), "AG9999999", null, differ);
        hiddenLikeMissing(outsider, "/api/v1/tokens?agency=%s", a.agency(), "AG9999999", "text/csv", differ);
        hiddenLikeMissing(outsider, "/api/v1/certificates?agency=%s", a.agency(), "AG9999999", null, differ);
        hiddenLikeMissing(outsider, "/api/v1/subscribers?agency=%s", a.agency(), "AG9999999", null, differ);
        hiddenLikeMissing(outsider, "/api/v1/agencies?parent=%s", a.agency(), "AG9999999", null, differ);
        hiddenLikeMissing(outsider, "/api/v1/agencies?within=%s", a.agency(), "AG9999999", null, differ);
        assertThat(differ).isEmpty();
        var move = outsider.api("POST", "/api/v1/tokens/" + a.token() + "/report-lost", null, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(move.status()).as(move.toString()).isEqualTo(404);
        for (String page : List.of("/inventory/" + a.agency(), "/inventory/" + a.agency() + ".csv",
                "/verify/" + a.verification(), "/verify/" + a.verification() + "/receipt.pdf")) {
            assertThat(outsider.page("GET", page, null, Map.of()).status()).as(page).isEqualTo(404);
        }

        // Listings, searches, pages beyond the end and exports: B's own records, none of A's
        List<String> listings = List.of("/api/v1/tokens?size=500", "/api/v1/tokens?q=" + a.token(),
                "/api/v1/tokens?holder=" + a.subscriber(), "/api/v1/tokens?state=IN_USE",
                "/api/v1/tokens?page=3&size=1", "/api/v1/certificates?size=500",
                "/api/v1/certificates?q=" + a.certificate(), "/api/v1/certificates?subscriber=" + a.subscriber(),
                "/api/v1/certificates?status=VALID&size=500", "/api/v1/certificates?page=2&size=1",
                "/api/v1/certificates?expiringWithinDays=3660&size=500", "/api/v1/subscribers?size=500",
                "/api/v1/subscribers?subtree=true&size=500", "/api/v1/subscribers?q=ma%20tran",
                "/api/v1/agencies?size=500", "/api/v1/agencies?q=y%20te", "/api/v1/verifications?limit=500",
                "/api/v1/agencies/" + a.otherAgency() + "/inventory");
        for (String listing : listings) {
            var answer = outsider.api("GET", listing, "application/json", null, null);
            assertThat(answer.status()).as(listing + ": " + answer).isEqualTo(200);
            assertNoTraceOfA(listing, answer.body());
        }
        for (String export : List.of("/api/v1/tokens", "/api/v1/tokens?q=" + a.token(),
                "/api/v1/agencies/" + a.otherAgency() + "/inventory")) {
            var csv = outsider.api("GET", export, "text/csv", null, null);
            assertThat(csv.status()).as(export).isEqualTo(200);
            assertNoTraceOfA(export, csv.body());
        }
        var own = outsider.api("GET", "/api/v1/tokens?size=500", "application/json", null, null);
        assertThat(own.body()).as("the outsider's own token is listed").contains(a.otherToken());
        assertThat(Api.JSON.readTree(own.body()).path("totalItems").asLong()).isEqualTo(1);
        for (String page : List.of("/inventory/" + a.otherAgency(), "/inventory/" + a.otherAgency() + ".csv",
                "/verify/history")) {
            var answer = outsider.page("GET", page, null, Map.of());
            assertThat(answer.status()).as(page).isEqualTo(200);
            assertNoTraceOfA(page, answer.body());
        }
        // officers do not read the audit log, where every agency's changes are
        assertThat(outsider.api("GET", "/api/v1/audit?size=500", null, null, null).status()).isEqualTo(403);
        assertThat(outsider.page("GET", "/audit", null, Map.of()).status()).isEqualTo(403);
        // nor does a clerk see an officer's verification
        var clerks = callers.get("CLERK").api("GET", "/api/v1/verifications?limit=500", null, null, null);
        assertThat(clerks.body()).doesNotContain(a.verification());

        // the same probes find A's records for A's own officer: the checks above can fail
        Caller officer = callers.get("OFFICER");
        assertThat(officer.api("GET", "/api/v1/tokens?q=" + a.token(), null, null, null).body()).contains(a.token());
        assertThat(officer.api("GET", "/api/v1/certificates?subscriber=" + a.subscriber(), null, null, null).body())
                .contains(a.certificate());
        assertThat(officer.api("GET", "/api/v1/subscribers?q=ma%20tran", null, null, null).body())
                .contains(a.subscriberName());
        assertThat(officer.api("GET", "/api/v1/verifications", null, null, null).body()).contains(a.verification());
        assertThat(officer.page("GET", "/inventory/" + a.agency() + ".csv", null, Map.of()).body())
                .contains(a.token()).contains(a.subscriberName());
    }

    private void hiddenLikeMissing(Caller caller, String template, String real, String fake, String accept,
            List<String> differ) {
        var hidden = caller.api("GET", template.formatted(real), accept, null, null);
        var missing = caller.api("GET", template.formatted(fake), accept, null, null);
        if (hidden.status() != 404 || missing.status() != 404
                || !without(hidden.body(), real).equals(without(missing.body(), fake))) {
            differ.add(template.formatted(real) + ": " + hidden + " | missing: " + missing);
        }
    }

    /** The body with the asked-for name blanked out, wherever it stands alone. */
    private static String without(String body, String name) {
        return body.replaceAll("(?<![\\w-])" + java.util.regex.Pattern.quote(name) + "(?![\\w-])", "…");
    }

    private void assertNoTraceOfA(String what, String body) {
        assertThat(body).as(what).doesNotContain(a.agency()).doesNotContain(a.token())
                .doesNotContain(a.certificate()).doesNotContain(a.subscriberName()).doesNotContain(a.nationalId())
                .doesNotContain(a.verification()).doesNotContain(a.record());
    }

    /** The routes Spring MVC serves (controllers, the actuator, the API description), and OCSP's servlet. */
    private Set<Route> applicationRoutes() {
        Set<Route> routes = new LinkedHashSet<>();
        assertThat(context.getBeansOfType(org.springframework.boot.web.servlet.ServletRegistrationBean.class).values())
                .as("servlets beside Spring MVC's, whose routes are listed here by hand")
                .extracting(r -> r.getServletName()).containsExactlyInAnyOrder("dispatcherServlet", "ocsp");
        for (String route : vn.kyso.ca.OcspServlet.ROUTES) {
            routes.add(new Route(route.substring(0, route.indexOf(' ')), route.substring(route.indexOf(' ') + 1), null));
        }
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> {
                Set<String> methods = new LinkedHashSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    // a mapping for any method is called, and listed, as GET
                    methods.add("GET");
                }
                Set<MediaType> produces = info.getProducesCondition().getProducibleMediaTypes();
                // a path that answers in one declared type is named with it: the same path may have others
                String media = produces.size() == 1 ? produces.iterator().next().toString() : null;
                for (String method : methods) {
                    for (String pattern : info.getPatternValues()) {
                        routes.add(new Route(method, pattern, media));
                    }
                }
            });
        }
        return routes;
    }

    private static boolean meets(Cell cell, Caller.Answer answer, Caller caller, Route route) {
        int s = answer.status();
        boolean refused = s == 401 || s == 403 || answer.toLogin();
        return switch (cell) {
            case OK -> s >= 200 && s < 400 && !refused;
            case IN -> !refused && s < 500;
            case HIDDEN -> s == 404;
            case NO -> "ANONYMOUS".equals(caller.name) ? (route.api() ? s == 401 : answer.toLogin()) : s == 403;
        };
    }

    private Caller.Answer call(Caller caller, Route route) {
        String path = path(route);
        String method = route.method();
        if (route.pattern().startsWith("/ocsp")) {
            // DER in, DER out, no session or token needed: a relying party's request
            byte[] body = "GET".equals(method) ? null : new byte[] {0x30, 0x03, 0x02, 0x01, 0x01};
            return caller.api(method, path, null, "GET".equals(method) ? null : "application/ocsp-request", body);
        }
        if (!route.api()) {
            // a path with an HTML handler and a plain one: the plain one is asked for JSON
            String accept = route.mediaType() != null ? route.mediaType()
                    : AccessPolicy.rows().containsKey(new Route(method, route.pattern(), "text/html"))
                            ? "application/json" : "text/html";
            return caller.page(method, path, accept, pageFields(route));
        }
        if ("GET".equals(method)) {
            return caller.api(method, path, route.mediaType(), null, null);
        }
        return switch (route.toString()) {
            case "POST /api/v1/crls" -> caller.api(method, path, null, "application/pkix-crl",
                    "not a CRL".getBytes(StandardCharsets.US_ASCII));
            case "POST /api/v1/verifications", "POST /api/v1/requests/{id}/letter", "POST /api/v1/imports" -> {
                // an empty document: refused as bad input once the caller is let in
                String boundary = "matrix";
                String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.pdf\""
                        + "\r\nContent-Type: application/pdf\r\n\r\n\r\n--" + boundary + "--\r\n";
                yield caller.api(method, path, null, "multipart/form-data; boundary=" + boundary,
                        body.getBytes(StandardCharsets.US_ASCII));
            }
            default -> caller.api(method, path, null, "application/json",
                    jsonBody(route).getBytes(StandardCharsets.UTF_8));
        };
    }

    /**
     * Each write is sent something the service refuses after it has let the caller in, so the walk
     * leaves the records as they were. Most refuse an empty object; these need more to refuse.
     */
    private static String jsonBody(Route route) {
        return switch (route.toString()) {
            // a stale version: the move is refused whatever it is
            case "POST /api/v1/tokens/{serial}/{action}" -> "{\"version\": -1}";
            // with no body these would renew or replace the certificate
            case "POST /api/v1/certificates/{serial}/renew", "POST /api/v1/certificates/{serial}/reissue" ->
                "{\"validityDays\": 0}";
            // an empty update would be a real (empty) change
            case "PATCH /api/v1/users/{username}" -> "{\"roles\": []}";
            default -> "{}";
        };
    }

    private static Map<String, String> pageFields(Route route) {
        return switch (route.toString()) {
            case "POST /tokens/{serial}/{action}" -> Map.of("version", "-1");
            // with no fields this would renew the certificate
            case "POST /certificates/{serial}/renew" -> Map.of("validityDays", "0");
            default -> Map.of();
        };
    }

    /** The route's pattern with agency A's records in its variables. */
    private String path(Route route) {
        String p = route.pattern();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("{code}", a.agency());
        values.put("{serial}", p.contains("certificates") ? a.certificate() : a.token());
        // requests and approvals are numbered; none exists with this number
        values.put("{id}", p.contains("subscribers") ? Long.toString(a.subscriber())
                : p.contains("requests") || p.contains("approvals") ? "999999999" : a.verification());
        values.put("{year}/{number}", a.record());
        values.put("{year}", "2026");
        values.put("{transition}", "check");
        values.put("{decision}", "approve");
        values.put("{username}", a.clerk());
        values.put("{action}", p.contains("approval-rules") ? "NO_SUCH_ACTION" : "report-lost");
        values.put("{file}", p.startsWith("/ca/") ? "kyso.crt" : "kyso.crl");
        values.put("{requiredMetricName}", "jvm.memory.used");
        values.put("/**", p.startsWith("/ocsp") ? "/MAMCAQE%3D" : "/ping");
        for (var v : values.entrySet()) {
            p = p.replace(v.getKey(), v.getValue());
        }
        if (p.contains("{") || p.contains("*")) {
            throw new AssertionError("No sample value for a variable of " + route + ": add one in path()");
        }
        return p;
    }

    private String account(String role, String agency) {
        String username = unique("mt").toLowerCase();
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD,
                "fullName", "Người dùng " + username, "roles", List.of(role)));
        if (agency != null) {
            body.put("agencyCode", agency);
        }
        var created = admin().post("/api/v1/users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private String receive(String agency) {
        String serial = unique("MT");
        var received = admin().post("/api/v1/tokens", Map.of("serial", serial, "model", "SAFENET-5110",
                "agencyCode", agency));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return serial;
    }
}
