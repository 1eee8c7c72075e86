package vn.kyso.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import vn.kyso.bench.http.Load;
import vn.kyso.bench.http.Service;
import vn.kyso.ca.Pki;

/**
 * Kyso over HTTP on the national data set: started as an operator would start it (java -jar,
 * 512 MB heap), driven over loopback by {@link Load}. Every figure checks its first answer is the
 * right one (TOTAL_PASSED, a signed certificate, a successful OCSP answer) before measuring.
 */
final class HttpFigures {

    static final int PORT = 18080;
    static final String HOST = "127.0.0.1";
    private static final Pattern SERIAL = Pattern.compile("\"serialNumber\"\\s*:\\s*\"([0-9a-f]+)\"");

    private final Database db;
    private final Results results;
    static final String AUTH = Load.basic(Service.USER, Service.PASSWORD);
    private final double seconds = env("BENCH_HTTP_SECONDS", 20);
    private final double warmup = env("BENCH_HTTP_WARMUP", 10);
    private final Random random = new Random(7);
    private Service kyso;
    private X509Certificate issuing;

    HttpFigures(Database db, Results results) {
        this.db = db;
        this.results = results;
    }

    void run() throws Exception {
        List<String> jvm = new ArrayList<>();
        if (System.getenv("BENCH_JFR") != null) {
            jvm.add("-XX:StartFlightRecording=filename=" + db.dataDir().resolve("kyso.jfr") + ",settings=profile");
        }
        // a first start applies any migration newer than the data set and fills the page cache, as
        // on a machine that has run Kyso before; the start that is measured is the second
        try (Service first = db.start(PORT, "512m", db.dataDir().resolve("kyso-first.log"), List.of())) {
            first.awaitUp(Duration.ofMinutes(15));
        }
        try (Service cds = db.startWithCds(PORT, "512m", db.dataDir().resolve("kyso-cds.log"))) {
            Duration up = cds.awaitUp(Duration.ofMinutes(5));
            results.add("start to health UP with the national data set, extracted jar with a CDS archive", db.name(),
                    Results.f("%.1f s (Kyso used %.1f CPU s)", up.toMillis() / 1000.0, cds.cpuSeconds()), "-", "-",
                    "< 10 s", up.toMillis() < 10_000);
        }
        kyso = db.start(PORT, "512m", db.dataDir().resolve("kyso.log"), jvm);
        try {
            Duration up = kyso.awaitUp(Duration.ofMinutes(15));
            results.add("start to health UP with the national data set, java -jar", db.name(),
                    Results.f("%.1f s (Kyso used %.1f CPU s)", up.toMillis() / 1000.0, kyso.cpuSeconds()), "-", "-",
                    "< 10 s", up.toMillis() < 10_000);
            kyso.watchHeap();
            if (!db.postgres()) {
                fsync();
            }
            issuing = Pki.certificate(call(Load.get(HOST, "/ca/kyso.crt", null), 200).body());
            Data data = data();
            queries(data);
            revocation(data);
            ocsp(data);
            verification(data);
            issue(data);
            results.add("heap in use, most seen under all the load above (-Xmx512m)", db.name(),
                    Results.f("%.0f MB", kyso.maxHeapMb()), "-", "-", "< 512 MB", kyso.maxHeapMb() < 512);
        } finally {
            kyso.close();
        }
    }

    // --- what the figures run on, read from the database ---------------------------------------

    private record Data(List<String> serials, List<String> goodSerials, List<String> provinces, List<String> communes,
            List<Long> individuals, List<String> names) {
    }

    private Data data() throws Exception {
        List<String> serials = new ArrayList<>();
        List<String> good = new ArrayList<>();
        List<String> provinces = new ArrayList<>();
        List<String> communes = new ArrayList<>();
        List<Long> individuals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            long maxCert;
            long maxSub;
            try (ResultSet rs = s.executeQuery("SELECT MAX(id) FROM certificate")) {
                rs.next();
                maxCert = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT MAX(id) FROM subscriber")) {
                rs.next();
                maxSub = rs.getLong(1);
            }
            try (PreparedStatement q = c.prepareStatement("SELECT serial, status, not_after FROM certificate WHERE id = ?")) {
                while (serials.size() < 2_000) {
                    q.setLong(1, 1 + (long) (random.nextDouble() * maxCert));
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next()) {
                            serials.add(rs.getString(1));
                            Instant notAfter = db.postgres() ? rs.getTimestamp(3).toInstant()
                                    : Instant.ofEpochMilli(rs.getLong(3));
                            // an expired certificate is rightly left off the CRL
                            if (rs.getString(2).equals("GOOD") && notAfter.isAfter(Instant.now().plus(Duration.ofDays(1)))
                                    && good.size() < 50) {
                                good.add(rs.getString(1));
                            }
                        }
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT id, type, status, full_name FROM subscriber WHERE id = ?")) {
                while (individuals.size() < 500) {
                    q.setLong(1, 1 + (long) (random.nextDouble() * maxSub));
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next() && rs.getString(2).equals("INDIVIDUAL") && rs.getString(3).equals("ACTIVE")) {
                            individuals.add(rs.getLong(1));
                            names.add(rs.getString(4));
                        }
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT code, depth FROM agency ORDER BY id")) {
                while (rs.next()) {
                    if (rs.getInt(2) == 0) {
                        provinces.add(rs.getString(1));
                    } else if (rs.getString(1).matches(".*-X\\d+")) {
                        communes.add(rs.getString(1));
                    }
                }
            }
        }
        return new Data(serials, good, provinces, communes, individuals, names);
    }

    // --- reads people make -----------------------------------------------------------------------

    private void queries(Data data) throws Exception {
        Load one = new Load(HOST, PORT, 200);
        List<Load.Request> bySerial = new ArrayList<>();
        for (String serial : data.serials()) {
            bySerial.add(Load.get(HOST, "/api/v1/certificates/" + serial, AUTH));
        }
        warm(one, bySerial.subList(0, 200));
        Load.Result lookup = one.sequence("lookup by serial", bySerial.subList(200, 2_000));
        p95(lookup, "certificate lookup by serial, p95 (1 client)", 5);

        List<Load.Request> byName = new ArrayList<>();
        for (String name : data.names().subList(0, 200)) {
            byName.add(Load.get(HOST, "/api/v1/certificates?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "&size=20", AUTH));
        }
        warm(one, byName.subList(0, 20));
        Load.Result search = one.sequence("search by name", byName.subList(20, 200));
        p95(search, "certificate search by full name, p95 (1 client, page of 20 with total)", 50);

        List<Load.Request> provinces = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String code : data.provinces()) {
                provinces.add(Load.get(HOST, "/api/v1/agencies/" + code + "/inventory", AUTH));
            }
        }
        int perRound = data.provinces().size();
        warm(one, provinces.subList(0, perRound));
        Load.Result province = one.sequence("province inventory", provinces.subList(perRound, provinces.size()));
        p95(province, "inventory of a province subtree, p95 (1 client)", 100);

        List<Load.Request> communes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String code = data.communes().get(random.nextInt(data.communes().size()));
            communes.add(Load.get(HOST, "/api/v1/agencies/" + code + "/inventory", AUTH));
        }
        warm(one, communes.subList(0, 50));
        p95(one.sequence("commune inventory", communes.subList(50, 300)), "inventory of a commune, p95 (1 client)", 10);
    }

    /** The JIT takes seconds, not a few hundred requests, to settle on a code path: warm up until it has. */
    private void warm(Load one, List<Load.Request> requests) throws Exception {
        Warm.untilSettled("one client", kyso, Warm.repeating(one, requests));
    }

    private void p95(Load.Result r, String figure, double targetMs) {
        System.out.println("  " + r);
        double p95 = r.percentileMillis(95);
        results.add(figure, db.name(), Results.f("%.1f ms (p50 %.1f, n=%d%s)", p95, r.percentileMillis(50), r.requests(),
                r.errors() > 0 ? ", " + r.errors() + " errors" : ""), "-", "-", Results.f("< %.0f ms", targetMs),
                r.errors() == 0 && p95 < targetMs);
    }

    // --- CRL and OCSP ----------------------------------------------------------------------------

    private void revocation(Data data) throws Exception {
        Load one = new Load(HOST, PORT, 200);
        Load.Request crl = Load.get(HOST, "/crl/kyso.crl", null);
        long t0 = System.nanoTime();
        X509CRLHolder first = new X509CRLHolder(one.once(crl).body());
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        int entries = first.getRevokedCertificates().size();
        System.out.println(Results.f("  first CRL: %d entries in %.2f s", entries, firstSeconds));
        double worstCrl = 0;
        double worstVisible = 0;
        for (int i = 0; i < 3; i++) {
            String serial = data.goodSerials().get(i);
            call(Load.post(HOST, "/api/v1/certificates/" + serial + "/revoke", AUTH, "application/json",
                    "{\"reason\":\"keyCompromise\",\"comment\":\"benchmark\"}".getBytes(StandardCharsets.UTF_8)), 200);
            long revoked = System.nanoTime();
            Load.Request status = ocspRequest(new BigInteger(serial, 16), "/ocsp");
            double ocspSeen = Double.NaN;
            double crlSeen = Double.NaN;
            double crlTook = 0;
            while ((Double.isNaN(ocspSeen) || Double.isNaN(crlSeen)) && System.nanoTime() - revoked < 30e9) {
                if (Double.isNaN(ocspSeen)) {
                    BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(one.once(status).body()).getResponseObject();
                    if (basic.getResponses()[0].getCertStatus() instanceof RevokedStatus) {
                        ocspSeen = (System.nanoTime() - revoked) / 1e9;
                    }
                }
                if (Double.isNaN(crlSeen)) {
                    long c0 = System.nanoTime();
                    byte[] der = one.once(crl).body();
                    // the signing and the transfer, not this client's parsing of 100,000 entries
                    crlTook = Math.max(crlTook, (System.nanoTime() - c0) / 1e9);
                    X509CRLHolder list = new X509CRLHolder(der);
                    if (list.getRevokedCertificate(new BigInteger(serial, 16)) != null) {
                        crlSeen = (System.nanoTime() - revoked) / 1e9;
                        entries = list.getRevokedCertificates().size();
                    }
                }
            }
            System.out.println(Results.f("  revoked %s: OCSP after %.3f s, CRL after %.3f s (CRL fetch %.3f s)", serial,
                    ocspSeen, crlSeen, crlTook));
            worstVisible = Math.max(worstVisible, Math.max(ocspSeen, crlSeen));
            worstCrl = Math.max(worstCrl, crlTook);
        }
        results.add("revocation visible in CRL and OCSP (worst of 3)", db.name(), Results.f("%.2f s", worstVisible),
                "-", "-", "< 1 s", worstVisible < 1);
        results.add(Results.f("CRL with %,d entries: re-signed and fetched after a revocation (worst of 3)", entries),
                db.name(), Results.f("%.2f s", worstCrl), "-", "-", "< 2 s", worstCrl < 2);
    }

    private Load.Request ocspRequest(BigInteger serial, String path) throws Exception {
        return ocspRequest(issuing, serial, path);
    }

    /** A request about one certificate of {@code issuing}, without a nonce. */
    static Load.Request ocspRequest(X509Certificate issuing, BigInteger serial, String path) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuing), serial);
        byte[] der = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        return Load.post(HOST, path, null, "application/ocsp-request", der);
    }

    private void ocsp(Data data) throws Exception {
        List<Load.Request> kysoRequests = new ArrayList<>();
        for (String serial : data.serials().subList(0, 1_000)) {
            kysoRequests.add(ocspRequest(new BigInteger(serial, 16), "/ocsp"));
        }
        Load load = new Load(HOST, PORT, 200);
        Load.Result r = closed(load, "OCSP", k -> kysoRequests.get(k % kysoRequests.size()), 16);
        System.out.println("  " + r);
        String baseline = "-";
        String ratio = "-";
        Boolean tenTimes = null;
        Double openssl = results.numbers.get("openssl-ocsp");
        if (openssl == null && !"0".equals(System.getenv("BENCH_OPENSSL"))) {
            openssl = OpensslOcsp.measure(db, issuing, data.serials().subList(0, 1_000), warmup, seconds);
            if (openssl != null) {
                results.numbers.put("openssl-ocsp", openssl);
            }
        }
        if (openssl != null) {
            baseline = Results.f("%.0f /s (openssl ocsp, same client)", openssl);
            ratio = Results.f("%.1f", r.perSecond() / openssl);
            tenTimes = r.perSecond() >= 10 * openssl;
        }
        results.add("OCSP over HTTP, 16 connections", db.name(), rate(r), baseline, ratio,
                ">= 5,000 /s and >= 10x openssl", r.errors() == 0 && r.perSecond() >= 5_000
                        && (tenTimes == null || tenTimes));
    }

    // --- verification ----------------------------------------------------------------------------

    private void verification(Data data) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        X509Certificate cert = issueFor(data.individuals().get(0), pair, "SHA256withRSA");
        Samples.Signer signer = new Samples.Signer(pair.getPrivate(), cert, List.of(issuing));
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] p7m = Samples.cms(signer, Samples.text(CmsAttached.SIZE), true, at);
        byte[] pdf = Samples.signedPdf(signer, Pades.SIZE, at);

        Load.Request cms = multipart(p7m, "van-ban.p7m");
        Load.Request signedPdf = multipart(pdf, "van-ban.pdf");
        for (Load.Request r : List.of(cms, signedPdf)) {
            String answer = call(r, 201).text();
            if (!answer.contains("\"indication\":\"TOTAL_PASSED\"")) {
                throw new IllegalStateException("Kyso does not pass the benchmark's document: " + answer);
            }
        }
        Load load = new Load(HOST, PORT, 201);
        Load.Result most = closed(load, "verify CMS", k -> cms, 16);
        System.out.println("  " + most);
        results.add("HTTP verification, 10 KB CMS, 16 connections", db.name(), rate(most), "-", "-", ">= 1,500 /s",
                most.errors() == 0 && most.perSecond() >= 1_500);
        double half = Math.min(750, most.perSecond() / 2);
        Load.Result open = load.open("verify CMS at a fixed rate", k -> cms, 32, half, warmup / 2, seconds);
        System.out.println("  " + open);
        results.add(Results.f("HTTP verification, 10 KB CMS, p99 at %.0f /s offered (open loop)", half), db.name(),
                Results.f("p99 %.1f ms (p50 %.1f, %.0f /s served)", open.percentileMillis(99), open.percentileMillis(50),
                        open.perSecond()), "-", "-", "p99 < 25 ms at 750 /s",
                open.errors() == 0 && half >= 750 && open.percentileMillis(99) < 25);

        Load.Result pdfs = closed(load, "verify PDF", k -> signedPdf, 8);
        System.out.println("  " + pdfs);
        Double base = results.numbers.get("Pades.baseline");
        results.add(Results.f("HTTP verification, %d KB signed PDF, 8 connections", pdf.length / 1024), db.name(),
                rate(pdfs), base == null ? "-" : Results.f("%.0f /s (PDFBox + BC, 1 thread in-process)", base),
                base == null ? "-" : Results.f("%.2f", pdfs.perSecond() / base), ">= 400 /s",
                pdfs.errors() == 0 && pdfs.perSecond() >= 400);
    }

    /** A verification of {@code document}, uploaded as a form. */
    static Load.Request multipart(byte[] document, String fileName) throws IOException {
        String boundary = "kyso-bench-boundary-7f3a";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(document);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return Load.post(HOST, "/api/v1/verifications", AUTH, "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    // --- issuing ---------------------------------------------------------------------------------

    /** Has Kyso issue a certificate for {@code pair}'s public key, and returns it. */
    static X509Certificate issueFor(long subscriber, KeyPair pair, String algorithm) throws Exception {
        String answer = call(issueRequest(subscriber, pair, algorithm), 201).text();
        Matcher m = SERIAL.matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("No serial in " + answer);
        }
        return Pki.certificate(call(Load.get(HOST, "/api/v1/certificates/" + m.group(1), AUTH, "application/pkix-cert"),
                200).body());
    }

    static Load.Request issueRequest(long subscriber, KeyPair pair, String algorithm) throws Exception {
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=bench"), pair.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())).getEncoded();
        String pem = Pki.pem("CERTIFICATE REQUEST", csr).replace("\r", "").replace("\n", "\\n");
        String json = "{\"subscriberId\":" + subscriber + ",\"csr\":\"" + pem + "\",\"profile\":\"INDIVIDUAL_SIGNING\"}";
        return Load.post(HOST, "/api/v1/certificates", AUTH, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private void issue(Data data) throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        List<Load.Request> requests = new ArrayList<>();
        // a key may serve its own subscriber again, never another one
        for (long subscriber : data.individuals().subList(1, data.individuals().size())) {
            requests.add(issueRequest(subscriber, ec.generateKeyPair(), "SHA256withECDSA"));
        }
        call(requests.get(0), 201);
        Load load = new Load(HOST, PORT, 201);
        Load.Result r = closed(load, "issue", k -> requests.get(k % requests.size()), 16);
        System.out.println("  " + r);
        Double base = results.numbers.get("IssueSigning.baseline");
        results.add("issue from CSR over HTTP (P-256 CA, each committed with its audit entry), 16 connections",
                db.name(), rate(r), base == null ? "-" : Results.f("%.0f /s (BC signing, 1 thread in-process)", base),
                base == null ? "-" : Results.f("%.2f", r.perSecond() / base), ">= 1,000 /s",
                r.errors() == 0 && r.perSecond() >= 1_000);
    }

    // --- small things ----------------------------------------------------------------------------

    /**
     * SQLite commits one transaction per WAL sync (synchronous=FULL), so the disk's sync time
     * bounds durable writes per second whatever the CPU does. Measured in the data directory.
     */
    private void fsync() throws IOException {
        java.nio.file.Path file = db.dataDir().resolve("fsync-probe");
        int n = 200;
        long t0;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer page = java.nio.ByteBuffer.allocate(4096);
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                page.clear();
                ch.write(page, (long) i * 4096);
                ch.force(false);
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        java.nio.file.Files.delete(file);
        results.add("disk sync (4 KB write + fdatasync) in the data directory: bounds SQLite's durable commits",
                db.name(), Results.f("%.2f ms = at most %.0f commits/s", ms, 1000 / ms), "-", "-", "-", null);
    }

    private String rate(Load.Result r) {
        String cpu = "";
        if (!Double.isNaN(cpuPerRequestMs)) {
            cpu = Results.f(", Kyso CPU %.2f ms per request%s", cpuPerRequestMs, db.postgres() ? " + PostgreSQL's" : "");
        }
        return Results.f("%.0f /s (p50 %.1f ms, p99 %.1f ms%s%s)", r.perSecond(), r.percentileMillis(50),
                r.percentileMillis(99), cpu, r.errors() > 0 ? ", " + r.errors() + " errors: " + r.firstError() : "");
    }

    private double cpuPerRequestMs = Double.NaN;

    /** A closed-loop run after a warm-up on the same requests, with the service's CPU time per measured request. */
    private Load.Result closed(Load load, String what, java.util.function.IntFunction<Load.Request> requests,
            int connections) throws Exception {
        Warm.untilSettled(what, kyso, slice -> load.closed("warm-up", requests, connections, 0, slice));
        double cpu0 = kyso.cpuSeconds();
        Load.Result r = load.closed(what, requests, connections, 0, seconds);
        double cpu = kyso.cpuSeconds() - cpu0;
        cpuPerRequestMs = r.requests() == 0 ? Double.NaN : cpu * 1000 / r.requests();
        return r;
    }

    private static Load.Answer call(Load.Request request, int expected) throws IOException {
        Load.Answer a = new Load(HOST, PORT, expected).once(request);
        if (a.status() != expected) {
            throw new IllegalStateException("Expected HTTP " + expected + ", got " + a.status() + ": " + a.text());
        }
        return a;
    }

    static double env(String name, double fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Double.parseDouble(v.trim());
    }
}
