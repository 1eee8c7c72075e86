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

    /** A code no other test uses in the shared database. */
    default String unique(String prefix) {
        return prefix + Integer.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase()
                + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
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

    default long count(String table) {
        return jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
