package vn.kyso.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person at the service's two doors: HTTP Basic for the API and the actuator, and a signed-in
 * page session (cookie and CSRF token) for everything else, as a browser would hold it. Anonymous
 * when it has no name.
 */
final class Caller {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Answer(int status, String location, String contentType, String body) {
        /** Sent to the sign-in page: how the pages refuse someone who has not signed in. */
        boolean toLogin() {
            return status == 302 && location != null && location.replaceFirst("\\?.*", "").endsWith("/login");
        }

        @Override
        public String toString() {
            String text = body.length() > 160 ? body.substring(0, 160) + "…" : body;
            return status + (location == null ? "" : " → " + location) + " " + text.replaceAll("\\s+", " ");
        }
    }

    final String name;
    private final String base;
    private final String basic;
    private final HttpClient client;
    private String csrf;

    private Caller(String name, int port, String username, String password) {
        this.name = name;
        this.base = "http://127.0.0.1:" + port;
        this.basic = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static Caller anonymous(int port) {
        Caller caller = new Caller("ANONYMOUS", port, null, null);
        caller.refreshCsrf();
        return caller;
    }

    /** Signs in through the login form, so the page session is a real one. */
    static Caller signedIn(String name, int port, String username, String password) {
        Caller caller = new Caller(name, port, username, password);
        caller.refreshCsrf();
        Answer login = caller.send(HttpRequest.newBuilder(caller.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", caller.csrf))))
                .build());
        if (login.status() != 302 || login.location() == null || login.location().contains("error")) {
            throw new AssertionError(name + " could not sign in: " + login);
        }
        // signing in issues a new CSRF token
        caller.refreshCsrf();
        return caller;
    }

    private void refreshCsrf() {
        Answer page = send(HttpRequest.newBuilder(uri("/login")).GET().build());
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No CSRF token on the login page: " + page);
        }
        csrf = m.group(1);
    }

    /** An API or actuator call, with Basic credentials when this caller has them. */
    Answer api(String method, String path, String accept, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (basic != null) {
            b.header("Authorization", basic);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b.build());
    }

    /** A page call through the session; a POST carries the CSRF token with its form fields. */
    Answer page(String method, String path, String accept, Map<String, String> fields) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept == null ? "text/html" : accept);
        if ("GET".equals(method)) {
            b.GET();
        } else {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form(all)));
        }
        return send(b.build());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), new String(r.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return name;
    }
}
