package vn.kyso.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fresh databases for test contexts: a new SQLite data directory, or a new schema in the
 * PostgreSQL of KYSO_TEST_POSTGRES_URL (user postgres unless KYSO_TEST_POSTGRES_USER says
 * otherwise), dropped when the JVM ends. Schemas left by a killed run are dropped after a day.
 */
public final class TestDatabases {

    private static final String PREFIX = "kyso_test_";
    private static final List<String> created = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreatedSchemas));
    }

    private TestDatabases() {
    }

    /** A fresh SQLite database in its own data directory, returned so a test can reach its files. */
    public static Path sqlite(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("kyso-test-");
            registry.add("kyso.data-dir", dir::toString);
            registry.add("kyso.db.url", () -> "");
            // the tests need no power-cut durability, and fsync per commit dominates their run time
            registry.add("kyso.db.sqlite-synchronous", () -> "NORMAL");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String postgres(DynamicPropertyRegistry registry) {
        String url = OptionalPieces.postgresUrl();
        if (url == null) {
            throw new IllegalStateException("KYSO_TEST_POSTGRES_URL is not set, and KYSO_REQUIRE_OPTIONAL demands it");
        }
        String user = System.getenv().getOrDefault("KYSO_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("KYSO_TEST_POSTGRES_PASSWORD", "");
        String schema = PREFIX + (System.currentTimeMillis() / 1000) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            dropStaleSchemas(c);
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema in " + url + ": " + e.getMessage(), e);
        }
        synchronized (created) {
            created.add(schema);
        }
        String separator = url.contains("?") ? "&" : "?";
        registry.add("kyso.db.url", () -> url + separator + "currentSchema=" + schema);
        registry.add("kyso.db.user", () -> user);
        registry.add("kyso.db.password", () -> password);
        registry.add("spring.flyway.schemas", () -> schema);
        try {
            Path dir = Files.createTempDirectory("kyso-test-pg-");
            registry.add("kyso.data-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schema;
    }

    private static void dropStaleSchemas(Connection c) throws SQLException {
        long dayAgo = System.currentTimeMillis() / 1000 - 86_400;
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'kyso\\_test\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                try {
                    if (Long.parseLong(parts[0]) < dayAgo) {
                        stale.add(name);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        for (String name : stale) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static void dropCreatedSchemas() {
        String url = OptionalPieces.postgresUrl();
        if (url == null || created.isEmpty()) {
            return;
        }
        String user = System.getenv().getOrDefault("KYSO_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("KYSO_TEST_POSTGRES_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (String schema : created) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test schemas " + created + ": " + e.getMessage());
        }
    }
}
