package vn.kyso.bench;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import vn.kyso.bench.http.Load;
import vn.kyso.bench.http.Service;
import vn.kyso.ca.Pki;

/**
 * bench/run compare KIND ROUNDS JAR [JAR...]: builds of Kyso, one HTTP figure, taken in turns
 * (A, B, A, B, …) on the national SQLite data set. On a shared machine one run can
 * differ from the next by half; builds measured in turns see the same machine, and the medians of
 * their rounds can be compared. KIND is cms, pdf, ocsp, issue or province. Each round starts the
 * build, warms it on the same requests until its JIT is nearly idle ({@link Warm}) and measures for
 * BENCH_HTTP_SECONDS; rates and Kyso's CPU per request, in all and by thread group, are printed.
 */
final class Compare {

    private static final String HOST = HttpFigures.HOST;
    private static final int PORT = HttpFigures.PORT;

    private Compare() {
    }

    static void run(List<String> args) throws Exception {
        if (args.size() < 3) {
            throw new IllegalArgumentException("bench/run compare cms|pdf|ocsp|issue|province ROUNDS JAR [JAR...]");
        }
        String kind = args.get(0);
        int rounds = Integer.parseInt(args.get(1));
        List<Path> jars = args.subList(2, args.size()).stream().map(Path::of).toList();
        Path data = Path.of("bench/target/national/sqlite");
        if (!Files.exists(data.resolve("kyso.db"))) {
            throw new IllegalStateException("No national SQLite data set: run BENCH_DBS=sqlite bench/run data first");
        }
        double seconds = HttpFigures.env("BENCH_HTTP_SECONDS", 20);
        Map<String, List<double[]>> seen = new LinkedHashMap<>();
        List<Load.Request> requests = null;
        for (int round = 0; round < rounds; round++) {
            for (int j = 0; j < jars.size(); j++) {
                String name = (char) ('A' + j) + " " + jars.get(j);
                Path log = Path.of("bench/target/compare-" + (char) ('A' + j) + ".log");
                List<String> jvm = System.getenv("BENCH_JFR") == null ? List.of()
                        : List.of("-XX:StartFlightRecording=filename=bench/target/compare-" + (char) ('A' + j) + "-"
                                + (round + 1) + ".jfr,settings=profile");
                try (Service kyso = Service.start(jars.get(j), data, null, null, PORT, "512m", log, jvm)) {
                    kyso.awaitUp(Duration.ofMinutes(5));
                    Load load = new Load(HOST, PORT, kind.equals("ocsp") || kind.equals("province") ? 200 : 201);
                    if (requests == null || kind.equals("issue")) {
                        requests = requests(kind, load, data, round * jars.size() + j);
                    }
                    List<Load.Request> asked = requests;
                    double[] figure = kind.equals("province") ? province(kyso, load, asked)
                            : closed(kind, kyso, load, k -> asked.get(k % asked.size()), seconds);
                    seen.computeIfAbsent(name, k -> new ArrayList<>()).add(figure);
                    System.out.println(Results.f("  round %d, %s: %s", round + 1, name, describe(kind, figure)));
                }
            }
        }
        System.out.println("== medians of " + rounds + " rounds");
        double[] first = null;
        for (Map.Entry<String, List<double[]>> e : seen.entrySet()) {
            double[] median = {median(e.getValue(), 0), median(e.getValue(), 1)};
            String ratio = first == null ? "" : Results.f(" (%.2f and %.2f of A)", median[0] / first[0], median[1] / first[1]);
            System.out.println("  " + e.getKey() + ": " + describe(kind, median) + ratio);
            first = first == null ? median : first;
        }
    }

    /** {rate, CPU ms per request}, or for province {p50, p95} in ms. */
    private static double[] closed(String kind, Service kyso, Load load, IntFunction<Load.Request> pick,
            double seconds) throws Exception {
        // as bench/run http: eight connections for the PDF, sixteen for the rest
        int connections = kind.equals("pdf") ? 8 : 16;
        Warm.untilSettled(kind, kyso, slice -> load.closed("warm-up", pick, connections, 0, slice));
        double cpu = kyso.cpuSeconds();
        Map<String, Double> before = kyso.cpuSecondsByThreads();
        Load.Result r = load.closed(kind, pick, connections, 0, seconds);
        if (r.errors() > 0) {
            throw new IllegalStateException(r.errors() + " errors: " + r);
        }
        double all = kyso.cpuSeconds() - cpu;
        StringBuilder split = new StringBuilder("    CPU ms per request by threads:");
        double living = 0;
        for (Map.Entry<String, Double> g : kyso.cpuSecondsByThreads().entrySet()) {
            double spent = g.getValue() - before.getOrDefault(g.getKey(), 0.0);
            living += spent;
            split.append(Results.f(" %s %.2f", g.getKey(), spent * 1000 / r.requests()));
        }
        // threads that ended meanwhile (a PDF is read on a thread of its own) leave no /proc entry
        split.append(Results.f(" ended %.2f", Math.max(0, all - living) * 1000 / r.requests()));
        System.out.println(split);
        return new double[] {r.perSecond(), all * 1000 / r.requests()};
    }

    private static double[] province(Service kyso, Load load, List<Load.Request> provinces) throws Exception {
        Warm.untilSettled("province", kyso, Warm.repeating(load, provinces));
        List<Load.Request> twice = new ArrayList<>(provinces);
        twice.addAll(provinces);
        Load.Result r = load.sequence("province", twice);
        return new double[] {r.percentileMillis(50), r.percentileMillis(95)};
    }

    private static String describe(String kind, double[] figure) {
        return kind.equals("province") ? Results.f("p50 %.1f ms, p95 %.1f ms", figure[0], figure[1])
                : Results.f("%.0f /s, Kyso CPU %.2f ms per request", figure[0], figure[1]);
    }

    private static double median(List<double[]> values, int i) {
        double[] sorted = values.stream().mapToDouble(v -> v[i]).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<Load.Request> requests(String kind, Load load, Path data, int batch) throws Exception {
        List<Load.Request> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("kyso.db"))) {
            switch (kind) {
                case "cms", "pdf" -> {
                    long subscriber = ids(c, "SELECT id FROM subscriber WHERE type = 'INDIVIDUAL' AND status = 'ACTIVE'"
                            + " LIMIT 1").get(0);
                    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                    rsa.initialize(2048);
                    KeyPair pair = rsa.generateKeyPair();
                    X509Certificate issuing = issuing(load);
                    Samples.Signer signer = new Samples.Signer(pair.getPrivate(),
                            HttpFigures.issueFor(subscriber, pair, "SHA256withRSA"), List.of(issuing));
                    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                    byte[] document = kind.equals("cms") ? Samples.cms(signer, Samples.text(CmsAttached.SIZE), true, at)
                            : Samples.signedPdf(signer, Pades.SIZE, at);
                    out.add(HttpFigures.multipart(document, kind.equals("cms") ? "van-ban.p7m" : "van-ban.pdf"));
                }
                case "ocsp" -> {
                    X509Certificate issuing = issuing(load);
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT serial FROM certificate LIMIT 1000")) {
                        while (rs.next()) {
                            out.add(HttpFigures.ocspRequest(issuing, new BigInteger(rs.getString(1), 16), "/ocsp"));
                        }
                    }
                }
                case "issue" -> {
                    // a fresh key each, and subscribers no earlier round has used
                    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                    ec.initialize(new ECGenParameterSpec("secp256r1"));
                    for (long subscriber : ids(c, "SELECT id FROM subscriber WHERE type = 'INDIVIDUAL' AND status = 'ACTIVE'"
                            + " ORDER BY id LIMIT 1000 OFFSET " + (1 + batch * 1000))) {
                        out.add(HttpFigures.issueRequest(subscriber, ec.generateKeyPair(), "SHA256withECDSA"));
                    }
                }
                case "province" -> {
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT code FROM agency WHERE depth = 0 ORDER BY id")) {
                        while (rs.next()) {
                            out.add(Load.get(HOST, "/api/v1/agencies/" + rs.getString(1) + "/inventory", HttpFigures.AUTH));
                        }
                    }
                }
                default -> throw new IllegalArgumentException("Unknown figure " + kind);
            }
        }
        return out;
    }

    private static List<Long> ids(Connection c, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static X509Certificate issuing(Load load) throws Exception {
        return Pki.certificates(load.once(Load.get(HOST, "/ca/kyso.crt", null)).body()).get(0);
    }
}
