package vn.kyso.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import vn.kyso.bench.data.NationalData;
import vn.kyso.bench.http.Service;

/**
 * One database the national data set lives in, with the data directory (CA key store) that goes
 * with it. The set is generated once per scale and reused: bench/target/national/&lt;db&gt;/generated.properties
 * records what was made and how long it took. Delete that directory to make it again.
 */
final class Database {

    static final Path JAR = Path.of("target/kyso-0.1.0-SNAPSHOT.jar");
    /** The extracted jar and its class data sharing archive, made by bench/run as README describes. */
    static final Path CDS_JAR = Path.of("target/cds/kyso-0.1.0-SNAPSHOT.jar");
    static final Path CDS_ARCHIVE = Path.of("target/cds/kyso.jsa");

    private final String name;
    private final String url;
    private final String user;
    private final Path dataDir;
    private final String adminUrl;
    private final String databaseName;

    private Database(String name, String url, String user, Path dataDir, String adminUrl, String databaseName) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.dataDir = dataDir;
        this.adminUrl = adminUrl;
        this.databaseName = databaseName;
    }

    static List<Database> selected() {
        String wanted = env("BENCH_DBS", "sqlite,postgres");
        List<Database> out = new ArrayList<>();
        Path root = Path.of("bench/target/national").toAbsolutePath();
        if (wanted.contains("sqlite")) {
            Path dir = root.resolve("sqlite");
            out.add(new Database("sqlite", "jdbc:sqlite:" + dir.resolve("kyso.db"), null, dir, null, null));
        }
        if (wanted.contains("postgres")) {
            String server = env("BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
            String db = "kyso_bench";
            out.add(new Database("postgres", server + db, env("BENCH_POSTGRES_USER", "postgres"), root.resolve("postgres"),
                    server + "postgres", db));
        }
        return out;
    }

    static double scale() {
        return Double.parseDouble(env("BENCH_SCALE", "1"));
    }

    String name() {
        return name;
    }

    boolean postgres() {
        return adminUrl != null;
    }

    Path dataDir() {
        return dataDir;
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(url, user, null);
    }

    /** Kyso on this database; SQLite is its default under the data directory. */
    Service start(int port, String heap, Path log, List<String> jvmArgs) throws IOException {
        return Service.start(JAR.toAbsolutePath(), dataDir, postgres() ? url : null, user, port, heap, log, jvmArgs);
    }

    /** The same, from the extracted jar with its class data sharing archive. */
    Service startWithCds(int port, String heap, Path log) throws IOException {
        return Service.start(CDS_JAR.toAbsolutePath(), dataDir, postgres() ? url : null, user, port, heap, log,
                List.of("-XX:SharedArchiveFile=" + CDS_ARCHIVE.toAbsolutePath()));
    }

    /** Makes the data set unless the one there has the scale asked for; adds its generation time. */
    void prepare(Results results) throws Exception {
        Path marker = dataDir.resolve("generated.properties");
        String scale = Double.toString(scale());
        Properties done = new Properties();
        if (Files.exists(marker)) {
            try (InputStream in = Files.newInputStream(marker)) {
                done.load(in);
            }
        }
        if (!scale.equals(done.getProperty("scale"))) {
            done = generate(scale);
            try (OutputStream out = Files.newOutputStream(marker)) {
                done.store(out, "national data set for the benchmarks");
            }
        } else {
            System.out.println("  reusing the data set in " + dataDir + " (delete it to generate again)");
        }
        results.add("generate national data: " + done.getProperty("certificates") + " certificates ("
                + done.getProperty("revoked") + " revoked), " + done.getProperty("tokens") + " tokens, "
                + done.getProperty("events") + " token events, " + done.getProperty("agencies") + " agencies", name,
                done.getProperty("seconds") + " s" + (done.getProperty("reused") == null ? "" : ""), "-", "-",
                "minutes, not hours", Double.parseDouble(done.getProperty("seconds")) < 30 * 60);
    }

    private Properties generate(String scale) throws Exception {
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dataDir);
        if (postgres()) {
            try (Connection admin = DriverManager.getConnection(adminUrl, user, null);
                    Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + databaseName);
                s.execute("CREATE DATABASE " + databaseName);
            }
        }
        // Kyso makes its own schema, CA and administrator; the generator fills in the rest
        System.out.println("  starting Kyso once on an empty " + name + " database");
        try (Service kyso = start(18080, "512m", dataDir.resolve("first-start.log"), List.of())) {
            kyso.awaitUp(Duration.ofMinutes(15));
        }
        System.out.println("  generating at scale " + scale + " (1 = national)");
        NationalData.Counts counts = NationalData.generate(url, user, dataDir, Double.parseDouble(scale));
        Properties p = new Properties();
        p.setProperty("scale", scale);
        p.setProperty("agencies", Integer.toString(counts.agencies()));
        p.setProperty("subscribers", Long.toString(counts.subscribers()));
        p.setProperty("certificates", Long.toString(counts.certificates()));
        p.setProperty("revoked", Long.toString(counts.revoked()));
        p.setProperty("tokens", Long.toString(counts.tokens()));
        p.setProperty("events", Long.toString(counts.tokenEvents()));
        p.setProperty("seconds", Results.f("%.0f", counts.took().toMillis() / 1000.0));
        System.out.println("  done: " + p);
        return p;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
