package vn.kyso.bench;

import java.io.BufferedWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.bench.data.CaKeyStoreFile;
import vn.kyso.bench.http.Load;
import vn.kyso.ca.Pki;

/**
 * The OCSP baseline: {@code openssl ocsp} as a responder over the same certificates (an index
 * file written from the database), signing with the same delegated OCSP key, driven by the same
 * client with the same requests. It gets both cores ({@code -multi 2}).
 */
final class OpensslOcsp {

    private static final int PORT = 18081;
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> REASONS = Map.of("KEY_COMPROMISE", "keyCompromise",
            "CA_COMPROMISE", "CACompromise", "AFFILIATION_CHANGED", "affiliationChanged", "SUPERSEDED", "superseded",
            "CESSATION_OF_OPERATION", "cessationOfOperation", "CERTIFICATE_HOLD", "certificateHold",
            "PRIVILEGE_WITHDRAWN", "privilegeWithdrawn");

    private OpensslOcsp() {
    }

    /** Responses per second, or null when openssl is not installed. */
    static Double measure(Database db, X509Certificate issuing, List<String> serials, double warmup, double seconds)
            throws Exception {
        Path dir = db.dataDir().resolve("openssl");
        Files.createDirectories(dir);
        Path index = dir.resolve("index.txt");
        long t0 = System.nanoTime();
        long lines = writeIndex(db, index);
        Files.writeString(dir.resolve("index.txt.attr"), "unique_subject = no\n");
        exportKeys(db.dataDir(), dir, issuing);
        System.out.println(Results.f("  openssl index: %,d certificates written in %.1f s", lines,
                (System.nanoTime() - t0) / 1e9));
        List<String> command = List.of("openssl", "ocsp", "-index", index.toString(), "-port", Integer.toString(PORT),
                "-rsigner", dir.resolve("ocsp.pem").toString(), "-rkey", dir.resolve("ocsp.key").toString(),
                "-CA", dir.resolve("ca.pem").toString(), "-nmin", "60", "-multi", "2", "-ignore_err");
        Process openssl;
        try {
            openssl = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        } catch (java.io.IOException e) {
            System.out.println("  no openssl: " + e.getMessage());
            return null;
        }
        try {
            List<Load.Request> requests = new ArrayList<>();
            for (String serial : serials) {
                CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                        .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuing), new BigInteger(serial, 16));
                requests.add(Load.post("127.0.0.1", "/", null, "application/ocsp-request",
                        new OCSPReqBuilder().addRequest(id).build().getEncoded()));
            }
            Load load = new Load("127.0.0.1", PORT, 200);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (true) {
                try {
                    OCSPResp answer = new OCSPResp(load.once(requests.get(0)).body());
                    if (answer.getStatus() != 0) {
                        throw new IllegalStateException("openssl ocsp answers status " + answer.getStatus() + "; see "
                                + dir.resolve("openssl.log"));
                    }
                    break;
                } catch (java.io.IOException e) {
                    if (!openssl.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("openssl ocsp did not come up; see " + dir.resolve("openssl.log"));
                    }
                    Thread.sleep(200);
                }
            }
            Load.Result r = load.closed("openssl ocsp", k -> requests.get(k % requests.size()), 16, warmup, seconds);
            System.out.println("  " + r);
            return r.errors() > r.requests() / 100 ? null : r.perSecond();
        } finally {
            openssl.descendants().forEach(ProcessHandle::destroy);
            openssl.destroy();
            openssl.waitFor();
        }
    }

    /** openssl ca's index format: status, expiry, revocation[,reason], serial, file, name. */
    private static long writeIndex(Database db, Path index) throws Exception {
        long n = 0;
        try (Connection c = db.connect(); Statement s = c.createStatement();
                BufferedWriter out = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
            if (!db.postgres()) {
                c.setAutoCommit(false);
            }
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("SELECT serial, status, not_after, revoked_at, revocation_reason"
                    + " FROM certificate WHERE ca_id = (SELECT id FROM ca WHERE name = 'kyso')")) {
                while (rs.next()) {
                    String serial = rs.getString(1).toUpperCase(Locale.ROOT);
                    if (serial.length() % 2 == 1) {
                        serial = "0" + serial;
                    }
                    boolean revoked = !rs.getString(2).equals("GOOD");
                    String revocation = "";
                    if (revoked) {
                        String reason = REASONS.get(rs.getString(5));
                        revocation = UTC_TIME.format(instant(rs, 4, db.postgres())) + (reason == null ? "" : "," + reason);
                    }
                    out.write((revoked ? "R" : "V") + "\t" + UTC_TIME.format(instant(rs, 3, db.postgres())) + "\t"
                            + revocation + "\t" + serial + "\tunknown\t/CN=" + serial + "\n");
                    n++;
                }
            }
        }
        return n;
    }

    private static Instant instant(ResultSet rs, int column, boolean postgres) throws java.sql.SQLException {
        return postgres ? rs.getTimestamp(column).toInstant() : Instant.ofEpochMilli(rs.getLong(column));
    }

    /** The delegated OCSP signer's key and certificate and the issuing CA's certificate, as PEM. */
    private static void exportKeys(Path dataDir, Path dir, X509Certificate issuing) throws Exception {
        KeyStore.PrivateKeyEntry ocsp = CaKeyStoreFile.entry(dataDir, "kyso-ocsp");
        PrivateKey key = ocsp.getPrivateKey();
        X509Certificate cert = (X509Certificate) ocsp.getCertificate();
        Files.writeString(dir.resolve("ocsp.key"), Pki.pem("PRIVATE KEY", key.getEncoded()));
        Files.writeString(dir.resolve("ocsp.pem"), Pki.pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(dir.resolve("ca.pem"), Pki.pem("CERTIFICATE", issuing.getEncoded()));
    }
}
