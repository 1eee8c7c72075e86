package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.kyso.support.SqliteContext;

class WebAndOperationsTest extends SqliteContext {

    @Test
    void healthIsPublicAndPlain() {
        var health = api().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.raw().body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void metricsNeedAnAdministrator() {
        assertThat(api().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(newUser("CLERK", null).get("/actuator/prometheus").status()).isEqualTo(403);
        var metrics = admin().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("http_server_requests");
        // each costs more than it tells on every request (docs/performance.md)
        assertThat(metrics.raw().body()).doesNotContain("spring_security_filterchains")
                .doesNotContain("spring_data_repository_invocations");
    }

    @Test
    void openApiDescribesTheApi() {
        var docs = api().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/agencies")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/audit/verify")).isTrue();
        assertThat(api().get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void requestIdsAreEchoed() {
        var response = admin().get("/api/v1/users/me");
        assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void loginPageIsVietnameseByDefaultWithAnEnglishSwitchAndSecureHeaders() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> vi = client.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(vi.statusCode()).isEqualTo(200);
        assertThat(vi.body()).contains("Đăng nhập").contains("lang=\"vi\"");
        assertThat(vi.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(vi.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(vi.headers().firstValue("X-Frame-Options")).contains("DENY");
        HttpResponse<String> en = client.send(get("/login?lang=en"), HttpResponse.BodyHandlers.ofString());
        assertThat(en.body()).contains("Sign in");
        // the choice sticks in a cookie
        assertThat(client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body()).contains("Sign in");
    }

    @Test
    void formLoginNeedsTheCsrfTokenAndOpensASession() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> home = client.send(get("/"), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));

        String password = java.nio.file.Files.readString(dataDir().resolve("initial-admin-password")).strip();
        // No token in the session yet: taken for a session that timed out, and sent back to sign in
        HttpResponse<String> withoutToken = client.send(post("/login", "username=admin&password=" + password),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(302);
        assertThat(withoutToken.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired=1");
        assertThat(client.send(get("/"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
        client.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongToken = client.send(post("/login", "username=admin&password=" + password
                + "&_csrf=forged"), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isEqualTo(403);

        String page = client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = client.send(post("/login", "username=admin&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> signedIn = client.send(get("/"), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("Quản trị hệ thống");
    }

    @Test
    void anUnknownPageIsAPageNotJson() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(uri("/api/v1/nothing-here"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(401);
    }

    @Test
    void anErrorPageNamesWhatWasRefused() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(uri("/ocsp")).header("Accept", "text/html")
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(put.body()).contains("PUT").doesNotContain("{0}");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }
}
