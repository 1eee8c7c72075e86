package vn.kyso.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running service: what a script would do. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;
    private final String language;

    private Api(String base, String authorization, String language) {
        this.base = base;
        this.authorization = authorization;
        this.language = language;
    }

    public static Api at(int port) {
        return new Api("http://127.0.0.1:" + port, null, null);
    }

    public Api as(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token, language);
    }

    public Api anonymous() {
        return new Api(base, null, language);
    }

    public Api inEnglish() {
        return new Api(base, authorization, "en");
    }

    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public String text(String field) {
            JsonNode node = json.path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The fields a problem's {@code errors} names. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public record Bytes(int status, String contentType, byte[] body) {
    }

    /** A GET for binary content (certificates, CRLs) with the given Accept header. */
    public Bytes getBytes(String path, String accept) {
        try {
            HttpRequest.Builder builder = request(path).GET();
            if (accept != null) {
                builder.header("Accept", accept);
            }
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST of binary content whose answer is binary too (OCSP). */
    public Bytes exchange(String path, String contentType, byte[] body) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response postBytes(String path, String contentType, byte[] body) {
        return postRaw(path, contentType, body);
    }

    /** One part of a multipart/form-data upload. */
    public record Part(String name, String fileName, byte[] content) {
    }

    public Response postMultipart(String path, Part... parts) {
        String boundary = "kyso" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part p : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"")
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postRaw(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(body(body)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(body(body)));
    }

    public Response patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", body(body)));
    }

    public Response postRaw(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = JSON.missingNode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), response, json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
