package vn.kyso.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.Pki;
import vn.kyso.support.Api;
import vn.kyso.support.KysoProcess;
import vn.kyso.support.TestPki;

/**
 * The CA's private keys live in the key store only. Kyso runs as a user runs it, with the key store
 * password in KYSO_CA_KEYSTORE_PASSWORD, through a scenario that issues, revokes, publishes a CRL,
 * answers OCSP and refuses bad input; it is then started once more with a wrong password, which it
 * must refuse. Afterwards no log line, no response body, no row of any table, no byte of the
 * database file, its write-ahead log or a backup of it holds a CA key (PKCS#8 or the bare private
 * value, in binary, hex or Base64, PEM-wrapped or not) or the key store password.
 */
class SecretsTest {

    private static final String KEYSTORE_PASSWORD = "Khóa kho CA tỉnh 2026 không được lộ";
    private static final String WRONG_PASSWORD = "Mật khẩu sai của kho khóa 2026";

    @TempDir
    Path dir;

    private final List<byte[]> responses = Collections.synchronizedList(new ArrayList<>());

    @Test
    void noKeyOrKeyStorePasswordLeavesTheKeyStore() throws Exception {
        Map<String, String> settings = Map.of("kyso.data-dir", dir.toString(), "kyso.db.url", "");
        KysoProcess kyso = KysoProcess.launch(settings, Map.of("KYSO_CA_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD),
                dir.resolve("kyso-1.log"));
        kyso.awaitHealthy();
        try {
            scenario(kyso);
        } finally {
            kyso.stop();
        }
        assertThat(dir.resolve("ca/keystore-password")).as("no generated password beside a configured one")
                .doesNotExist();

        // a wrong password in the configuration: Kyso must refuse to start, and say why without echoing it
        KysoProcess refused = KysoProcess.launch(settings, Map.of("KYSO_CA_KEYSTORE_PASSWORD", WRONG_PASSWORD),
                dir.resolve("kyso-2.log"));
        assertThat(refused.awaitExit(Duration.ofMinutes(4))).isNotZero();
        assertThat(Files.readString(dir.resolve("kyso-2.log"))).contains("Cannot open the CA key store");

        Map<String, byte[]> secrets = secrets();
        assertThat(secrets).as("the key store holds the three CA keys").hasSizeGreaterThanOrEqualTo(6);
        Map<String, byte[]> places = new LinkedHashMap<>();
        places.put("log of the run", Files.readAllBytes(dir.resolve("kyso-1.log")));
        places.put("log of the refused start", Files.readAllBytes(dir.resolve("kyso-2.log")));
        synchronized (responses) {
            for (int i = 0; i < responses.size(); i++) {
                places.put("response " + (i + 1), responses.get(i));
            }
        }
        places.put("every row of every table", dump(dir.resolve("kyso.db")));
        places.put("a backup of the database", backup(dir.resolve("kyso.db"), dir.resolve("backup.db")));
        for (Path file : List.of(dir.resolve("kyso.db"), dir.resolve("kyso.db-wal"))) {
            if (Files.exists(file)) {
                places.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        assertThat(responses).hasSizeGreaterThan(20);

        for (var place : places.entrySet()) {
            Leak haystack = Leak.of(place.getValue());
            for (var secret : secrets.entrySet()) {
                assertThat(haystack.holds(secret.getValue())).as(secret.getKey() + " found in " + place.getKey()).isFalse();
            }
        }
    }

    /** The search finds a key however it is written: a check of the check. */
    @Test
    void theSearchFindsAKeyInEveryForm() {
        PrivateKey key = TestPki.ec("secp384r1").getPrivate();
        byte[] der = key.getEncoded();
        byte[] scalar = unsigned(((ECPrivateKey) key).getS(), 48);
        String pem = Pki.pem("PRIVATE KEY", der);
        assertThat(Leak.in(("log: " + pem).getBytes(StandardCharsets.US_ASCII), der)).isTrue();
        assertThat(Leak.in(("{\"k\":\"" + pem.replace("\n", "\\n") + "\"}").getBytes(StandardCharsets.US_ASCII), der))
                .isTrue();
        byte[] wrapped = new byte[der.length + 7];
        System.arraycopy(der, 0, wrapped, 5, der.length);
        assertThat(Leak.in(Base64.getMimeEncoder().encode(wrapped), der)).as("inside a larger Base64 blob").isTrue();
        assertThat(Leak.in(("d=" + HexFormat.of().withUpperCase().formatHex(scalar)).getBytes(StandardCharsets.US_ASCII),
                scalar)).isTrue();
        assertThat(Leak.in(wrapped, der)).as("binary").isTrue();
        assertThat(Leak.in(pem.getBytes(StandardCharsets.US_ASCII), unsigned(BigInteger.TEN, 48))).isFalse();
    }

    private void scenario(KysoProcess kyso) throws Exception {
        Api admin = kyso.admin();
        Api anonymous = kyso.anonymous();
        record(admin.post("/api/v1/agencies", Map.of("code", "BMAT", "name", "Sở Khoa học và Công nghệ")));
        long person = record(admin.post("/api/v1/subscribers", Map.of("type", "INDIVIDUAL", "agencyCode", "BMAT",
                "fullName", "Phạm Thị Bảo Mật", "email", "baomat@lamdong.gov.vn", "nationalId", "068185123456",
                "dateOfBirth", "1985-05-05"))).json().path("id").asLong();
        String serial = record(admin.post("/api/v1/certificates", Map.of("subscriberId", person,
                "csr", TestPki.csr(TestPki.ec("secp256r1")), "profile", "INDIVIDUAL_SIGNING"))).text("serialNumber");
        record(admin.get("/api/v1/certificates/" + serial));
        bytes(admin.getBytes("/api/v1/certificates/" + serial, "application/x-pem-file"));
        bytes(anonymous.getBytes("/ca/kyso.crt", null));
        bytes(anonymous.getBytes("/ca/kyso-root.crt", null));
        bytes(anonymous.getBytes("/crl/kyso.crl", null));
        var issuing = Pki.certificates(anonymous.getBytes("/ca/kyso.crt", null).body()).get(0);
        assertThat(TestPki.ocsp(anonymous, issuing, new BigInteger(serial, 16))).isEqualTo("good");
        record(admin.post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise")));
        bytes(anonymous.getBytes("/crl/kyso.crl", null));
        bytes(anonymous.exchange("/ocsp", "application/ocsp-request", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}));
        record(admin.post("/api/v1/certificates/" + serial + "/renew", Map.of()));
        // mistakes of every kind: each answer is collected too
        record(admin.post("/api/v1/certificates", Map.of("subscriberId", person, "csr", "-----BEGIN CERTIFICATE "
                + "REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----", "profile", "INDIVIDUAL_SIGNING")));
        record(admin.post("/api/v1/certificates", "{\"subscriberId\": "));
        record(admin.get("/api/v1/certificates/ffff"));
        record(admin.postBytes("/api/v1/crls", "application/pkix-crl", new byte[] {0x30, 0x00}));
        record(admin.post("/api/v1/trust-anchors", Map.of("name", "Không phải CA", "pem", "MIIB")));
        record(anonymous.get("/api/v1/certificates/" + serial));
        record(anonymous.as(KysoProcess.ADMIN, "sai mật khẩu").get("/api/v1/audit"));
        record(admin.postMultipart("/api/v1/verifications", new Api.Part("document", "x.p7m",
                Files.readAllBytes(Path.of("pki-samples/documents/cms-attached.p7m")))));
        record(admin.postMultipart("/api/v1/verifications", new Api.Part("document", "rác.pdf",
                "%PDF-1.7 rác".getBytes(StandardCharsets.UTF_8))));
        record(admin.get("/api/v1/audit?size=500"));
        record(admin.get("/api/v1/audit/verify"));
        record(admin.get("/api/v1/trust-anchors"));
        record(anonymous.get("/actuator/health"));
        record(anonymous.get("/actuator/info"));
        record(admin.get("/actuator/metrics"));
        record(anonymous.get("/actuator/env"));
        record(anonymous.get("/actuator/configprops"));
        record(anonymous.get("/actuator/heapdump"));
        record(anonymous.get("/v3/api-docs"));
    }

    private Api.Response record(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isLessThan(500);
        responses.add(response.raw().body().getBytes(StandardCharsets.UTF_8));
        return response;
    }

    private void bytes(Api.Bytes response) {
        assertThat(response.status()).isLessThan(500);
        responses.add(response.body());
    }

    /** Each CA key as PKCS#8 and as its bare private value, and the key store password itself. */
    private Map<String, byte[]> secrets() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("ca/kyso-ca.p12"))) {
            store.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                PrivateKey key = (PrivateKey) store.getKey(alias, KEYSTORE_PASSWORD.toCharArray());
                secrets.put("the PKCS#8 key " + alias, key.getEncoded());
                ECPrivateKey ec = (ECPrivateKey) key;
                int size = (ec.getParams().getOrder().bitLength() + 7) / 8;
                secrets.put("the private value of " + alias, unsigned(ec.getS(), size));
            }
        }
        secrets.put("the key store password", KEYSTORE_PASSWORD.getBytes(StandardCharsets.UTF_8));
        return secrets;
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    /** SELECT * from every table, every value as bytes. */
    private static byte[] dump(Path database) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("ca", "certificate", "audit_entry");
            for (String table : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            byte[] value = rs.getBytes(i);
                            if (value != null) {
                                out.writeBytes(value);
                                out.write('\n');
                            }
                        }
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** What an operator's backup holds: SQLite's own consistent copy of the database. */
    private static byte[] backup(Path database, Path copy) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            c.createStatement().execute("VACUUM INTO '" + copy + "'");
        }
        return Files.readAllBytes(copy);
    }

    /** Some bytes, and the forms a secret could take in them: as it is, in hex, or in Base64 (wrapped in lines or JSON). */
    static final class Leak {

        private final String raw;
        private final String lower;
        private final String flat;

        private Leak(byte[] haystack) {
            raw = new String(haystack, StandardCharsets.ISO_8859_1);
            lower = raw.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s:]", "");
            flat = raw.replace("\\n", "").replace("\\r", "").replace("\\/", "/").replaceAll("\\s", "");
        }

        static Leak of(byte[] haystack) {
            return new Leak(haystack);
        }

        static boolean in(byte[] haystack, byte[] secret) {
            return of(haystack).holds(secret);
        }

        boolean holds(byte[] secret) {
            if (raw.contains(new String(secret, StandardCharsets.ISO_8859_1))
                    || lower.contains(HexFormat.of().formatHex(secret))) {
                return true;
            }
            // Base64 of a blob that holds the secret holds the secret's groups of three bytes as they fall
            for (int shift = 0; shift < 3; shift++) {
                int whole = (secret.length - shift) / 3 * 3;
                if (whole < 12) {
                    continue;
                }
                byte[] part = java.util.Arrays.copyOfRange(secret, shift, shift + whole);
                if (flat.contains(Base64.getEncoder().encodeToString(part))
                        || flat.contains(Base64.getUrlEncoder().encodeToString(part))) {
                    return true;
                }
            }
            return false;
        }
    }
}
