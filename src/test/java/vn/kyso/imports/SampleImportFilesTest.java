package vn.kyso.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kyso.support.Api;
import vn.kyso.support.TestDatabases;

/**
 * The files of pki-samples/imports/ import cleanly, in the documented order, into a Kyso that
 * trusts the sample root. A Kyso of its own, on its own SQLite database: the sample province's
 * agencies, people and root stay out of the database the other tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleImportFilesTest implements ImportCalls {

    private static final Path SAMPLES = Path.of("pki-samples");
    private static Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        dataDir = TestDatabases.sqlite(registry);
    }

    @Override
    public Api api() {
        return Api.at(port);
    }

    @Override
    public Api admin() {
        try {
            return api().as("admin", Files.readString(dataDir.resolve("initial-admin-password")).strip());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Test
    void theSampleProvinceImportsInOrder() throws Exception {
        var agencies = upload("AGENCIES", "don-vi.csv", read("imports/don-vi.csv"));
        assertThat(agencies.text("status")).as(agencies.toString()).isEqualTo("PLANNED");
        assertThat(agencies.text("encoding")).isEqualTo(LegacyText.WINDOWS_1258);
        assertThat(ImportCalls.count(agencies, "CREATE")).isEqualTo(4);
        assertThat(applyAndWait(agencies.text("id")).text("status")).isEqualTo("APPLIED");
        assertThat(admin().get("/api/v1/agencies/LDG-SYT-TTYT").text("name")).isEqualTo("Trung tâm Y tế thành phố Đà Lạt");

        var subscribers = upload("SUBSCRIBERS", "thue-bao.xlsx", read("imports/thue-bao.xlsx"));
        assertThat(subscribers.text("status")).as(subscribers.toString()).isEqualTo("PLANNED");
        assertThat(ImportCalls.count(subscribers, "CREATE")).isEqualTo(7);
        assertThat(applyAndWait(subscribers.text("id")).text("status")).isEqualTo("APPLIED");
        var an = admin().get("/api/v1/subscribers?q=068085000001").json().path("items").get(0);
        assertThat(an.path("fullName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(an.path("dateOfBirth").asString()).isEqualTo("1985-03-12");

        var tokens = upload("TOKENS", "thiet-bi.csv", read("imports/thiet-bi.csv"));
        assertThat(tokens.text("status")).as(tokens.toString()).isEqualTo("PLANNED");
        assertThat(tokens.text("encoding")).isEqualTo(LegacyText.UTF8_BOM);
        assertThat(ImportCalls.count(tokens, "CREATE")).isEqualTo(4);
        assertThat(applyAndWait(tokens.text("id")).text("status")).isEqualTo("APPLIED");
        assertThat(admin().get("/api/v1/tokens/022A5B11").json().path("holder").path("fullName").asString())
                .isEqualTo("Nguyễn Văn An");

        assertThat(admin().post("/api/v1/trust-anchors", Map.of("name", "Kyso sample root",
                "pem", Files.readString(SAMPLES.resolve("ca/kyso-root.pem")))).status()).isEqualTo(201);
        var certificates = upload("CERTIFICATES", "chung-thu.zip", read("imports/chung-thu.zip"));
        assertThat(certificates.text("status")).as(certificates.toString()).isEqualTo("PLANNED");
        assertThat(ImportCalls.count(certificates, "CREATE")).isEqualTo(7);
        assertThat(ImportCalls.count(certificates, "SKIP")).isEqualTo(1);
        assertThat(applyAndWait(certificates.text("id")).text("status")).isEqualTo("APPLIED");
        String anSerial = SampleManifest.serial("certs/individual-rsa.pem");
        String binhSerial = SampleManifest.serial("certs/individual-ecdsa.pem");
        assertThat(admin().get("/api/v1/certificates/" + anSerial).text("tokenSerial")).isEqualTo("022A5B11");
        // Bình holds one token, and the table names none for her: her certificate goes on it
        assertThat(admin().get("/api/v1/certificates/" + binhSerial).text("tokenSerial")).isEqualTo("022A5B12");
    }

    private static byte[] read(String path) throws Exception {
        return Files.readAllBytes(SAMPLES.resolve(path));
    }

    /** The serials pki-samples/manifest.tsv lists. */
    private static final class SampleManifest {
        static String serial(String file) throws Exception {
            for (String line : Files.readAllLines(SAMPLES.resolve("manifest.tsv"))) {
                String[] cells = line.split("\t");
                if (cells[0].equals(file)) {
                    return cells[2];
                }
            }
            throw new AssertionError("not in the manifest: " + file);
        }
    }
}
