package vn.kyso.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestDatabases;

/**
 * Each bound on what a client may send, and the clear 4xx that answers going past it: body size,
 * upload size, JSON nesting and value length, page size, and the rate of failed sign-ins at both
 * doors (HTTP Basic and the sign-in form).
 *
 * <p>A Kyso of its own: the failed sign-ins here would make 127.0.0.1 wait on the context the
 * other tests share. The address test runs last for the same reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InputLimitsTest implements KysoApi {

    private static final String PASSWORD = "Mật khẩu giới hạn 2026!";

    private static Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        dataDir = TestDatabases.sqlite(registry);
    }

    @Override
    public Api api() {
        return Api.at(port);
    }

    @Override
    public Api admin() {
        try {
            return api().as("admin", adminPassword());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Test
    void aBodyOverTwoMegabytesIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        long agencies = count("agency");
        // white space is valid JSON and no value is long: only the size is wrong
        byte[] big = (" ".repeat(3 * 1024 * 1024) + "{\"code\":\"" + unique("BIG") + "\",\"name\":\"Sở\"}")
                .getBytes(StandardCharsets.UTF_8);
        problem(admin().postRaw("/api/v1/agencies", "application/json", big), 413, "body-toolarge");

        // chunked: no length to refuse up front, so the count while reading stops it
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("127.0.0.1",
                "/api/v1/agencies")).header("Authorization", basic("admin", adminPassword()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Api.JSON.readTree(chunked.body()).path("type").asString()).isEqualTo("urn:kyso:problem:body-toolarge");
        assertThat(count("agency")).isEqualTo(agencies);
    }

    @Test
    void anUploadOverFiftyMegabytesIs413() {
        long verifications = count("verification");
        var huge = newUser("CLERK", null).postMultipart("/api/v1/verifications",
                new Api.Part("document", "qua-lon.pdf", new byte[50 * 1024 * 1024 + 1]));
        problem(huge, 413, "upload-toolarge");
        assertThat(count("verification")).isEqualTo(verifications);
    }

    @Test
    void jsonNestedTooDeepOrWithAnOverlongValueIs400() {
        long agencies = count("agency");
        // a value longer than a million characters, in a body still under the size limit
        String longName = "{\"code\":\"" + unique("L") + "\",\"name\":\"" + "b".repeat(1_000_001) + "\"}";
        var tooLong = problem(admin().post("/api/v1/agencies", longName), 400, "json-limit");
        assertThat(tooLong.path("message").path("en").asString()).contains("64 levels");
        assertThat(tooLong.path("message").path("vi").asString()).contains("64 tầng");
        // Every body is a flat record, so deep nesting is refused at the first level that does not
        // fit, before the parser descends; the depth bound holds for any reader of the shared mapper
        String deep = "[".repeat(100) + "]".repeat(100);
        problem(admin().post("/api/v1/agencies", "{\"code\":\"" + unique("D") + "\",\"name\":" + deep + "}"),
                400, "json-wrongtype");
        assertThat(json.readTree("[".repeat(64) + "]".repeat(64)).isArray()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> json.readTree("[".repeat(65) + "]".repeat(65)))
                .isInstanceOf(StreamConstraintsException.class);
        assertThat(count("agency")).isEqualTo(agencies);
    }

    @Test
    void aPageSizeBeyondFiveHundredIsRefusedNotCut() {
        Api admin = admin();
        for (String listing : List.of("/api/v1/tokens", "/api/v1/certificates", "/api/v1/subscribers",
                "/api/v1/agencies", "/api/v1/audit")) {
            assertThat(admin.get(listing + "?size=500").status()).as(listing).isEqualTo(200);
            var tooBig = problem(admin.get(listing + "?size=501"), 400, "page-size");
            assertThat(tooBig.path("errors").get(0).path("field").asString()).isEqualTo("size");
            assertThat(tooBig.path("message").path("en").asString()).contains("500");
            problem(admin.get(listing + "?size=0"), 400, "page-size");
            problem(admin.get(listing + "?page=-1"), 400, "page-negative");
        }
        assertThat(admin.get("/api/v1/verifications?limit=500").status()).isEqualTo(200);
        var limit = problem(admin.get("/api/v1/verifications?limit=501"), 400, "page-size");
        assertThat(limit.path("errors").get(0).path("field").asString()).isEqualTo("limit");
        problem(admin.get("/api/v1/verifications?limit=0"), 400, "page-size");
    }

    @Test
    void failedBasicSignInsLockTheAccountWith429AndRetryAfter() {
        String username = account();
        Api wrong = api().as(username, "không phải mật khẩu");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/v1/users/me").status()).isEqualTo(401);
        }
        var locked = api().as(username, PASSWORD).get("/api/v1/users/me");
        var body = problem(locked, 429, "login-locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(body.path("message").path("vi").asString()).contains("bị khóa");
        assertThat(admin().patch("/api/v1/users/" + username, Map.of("unlock", true)).status()).isEqualTo(200);
        assertThat(api().as(username, PASSWORD).get("/api/v1/users/me").status()).isEqualTo(200);
    }

    @Test
    void failedFormSignInsLockTheAccountWith429AndRetryAfter() throws Exception {
        String username = account();
        Form form = new Form("127.0.0.1");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = form.signIn(username, "không phải mật khẩu");
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> locked = form.signIn(username, PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(locked.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(locked.body()).contains("tài khoản bị khóa thêm").contains("name=\"password\"");
        assertThat(form.get("/").statusCode()).as("not signed in").isEqualTo(302);
    }

    /** Thirty failures from one address, whatever the names, and that address waits at both doors. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anAddressThatFailsTooOftenWaitsAtBothDoors() throws Exception {
        String username = account();
        Form guesser = new Form("127.0.0.1");
        HttpResponse<String> refused = null;
        // the lock tests above failed from this address too: the count goes on from theirs
        for (int i = 0; i < 30 && refused == null; i++) {
            HttpResponse<String> answer = guesser.signIn(unique("doan"), "đoán mò " + i);
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertThat(answer.statusCode()).as("guess " + i).isEqualTo(302);
            }
        }
        assertThat(refused).as("refused within thirty failures").isNotNull();
        assertThat(refused.body()).contains("từ địa chỉ của bạn");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);

        // a right password does not get through either door while the address waits
        HttpResponse<String> page = guesser.signIn(username, PASSWORD);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        var basic = api().as(username, PASSWORD).get("/api/v1/users/me");
        problem(basic, 429, "login-clientthrottled");
        assertThat(Long.parseLong(basic.header("Retry-After"))).isBetween(1L, 600L);
        // it is the address that waits: the account itself was never charged a failure
        assertThat(jdbc.sql("SELECT failed_logins FROM app_user WHERE username = ?").param(username)
                .query(Integer.class).single()).isZero();
    }

    /** The answer is the given 4xx as problem+json of the given type, in both languages; its body. */
    private static JsonNode problem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("urn:kyso:problem:" + type);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("message").path("vi").asString()).isNotBlank();
        assertThat(response.json().path("message").path("en").asString()).isNotBlank();
        return response.json();
    }

    private String account() {
        String username = unique("gh").toLowerCase();
        var created = admin().post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "fullName", "Người dùng " + username, "roles", List.of("CLERK")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private String adminPassword() throws IOException {
        return java.nio.file.Files.readString(dataDir.resolve("initial-admin-password")).strip();
    }

    private URI uri(String host, String path) {
        return URI.create("http://" + host + ":" + port + path);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The sign-in form as a browser at {@code host} uses it: a session cookie and its CSRF token. */
    private final class Form {
        private final String host;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        Form(String host) {
            this.host = host;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(host, path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String username, String password) throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(token.find()).isTrue();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
            return client.send(HttpRequest.newBuilder(uri(host, "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
