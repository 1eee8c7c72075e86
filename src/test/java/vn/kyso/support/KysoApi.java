package vn.kyso.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a test needs of a running Kyso: implemented by {@link SqliteContext} and
 * {@link PostgresContext}, so one test interface runs on both databases.
 */
public interface KysoApi {

    AtomicInteger SEQUENCE = new AtomicInteger();

    Api api();

    Api admin();

    JdbcClient jdbc();

    /**
     * A code no other test uses in the shared database. Fixed-width and increasing, so codes made
     * one after another also sort one after another, as listings order them.
     */
    default String unique(String prefix) {
        return prefix + String.format("%07d", SEQUENCE.incrementAndGet());
    }

    /** Creates a user through the API as the administrator and returns a client signed in as that user. */
    default Api newUser(String role, String agencyCode) {
        String username = unique("u").toLowerCase();
        String password = "Mật khẩu dài 2026!";
        var body = new java.util.HashMap<String, Object>(Map.of("username", username, "password", password,
                "fullName", "Người dùng " + username, "roles", java.util.List.of(role)));
        if (agencyCode != null) {
            body.put("agencyCode", agencyCode);
        }
        var response = admin().post("/api/v1/users", body);
        if (response.status() != 201) {
            throw new AssertionError("Could not create user: " + response);
        }
        return api().as(username, password);
    }

    /** A new top-level agency; returns its code. */
    default String newAgency(String name) {
        String code = unique("AG");
        var response = admin().post("/api/v1/agencies", Map.of("code", code, "name", name));
        if (response.status() != 201) {
            throw new AssertionError("Could not create agency: " + response);
        }
        return code;
    }

    record Person(long id, String fullName, String email) {
    }

    /** A new individual subscriber of {@code agencyCode} with a valid, unused personal ID number. */
    default Person newIndividual(String agencyCode, String fullName) {
        int n = SEQUENCE.incrementAndGet();
        String nationalId = "068185" + String.format("%06d", (System.nanoTime() / 1000 + n * 7919L) % 1_000_000);
        String email = "nv" + Integer.toString(n, 36) + Long.toString(System.nanoTime() % 100_000, 36) + "@lamdong.gov.vn";
        var response = admin().post("/api/v1/subscribers", Map.of("type", "INDIVIDUAL", "agencyCode", agencyCode,
                "fullName", fullName, "email", email, "nationalId", nationalId, "dateOfBirth", "1985-05-05"));
        if (response.status() != 201) {
            throw new AssertionError("Could not create subscriber: " + response);
        }
        return new Person(response.json().path("id").asLong(), fullName, email);
    }

    default long count(String table) {
        return jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
