package vn.kyso.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.kyso.ca.Pki;
import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;

/** What the import tests do through the API: upload, apply and wait, read the rows. */
public interface ImportCalls extends KysoApi {

    /** Uploads a file and waits for its dry run; answers the job with its rows, or the refusal of the file. */
    default Api.Response upload(String kind, String fileName, byte[] content) {
        var accepted = admin().postMultipart("/api/v1/imports",
                new Api.Part("kind", null, kind.getBytes(StandardCharsets.UTF_8)), new Api.Part("file", fileName, content));
        if (accepted.status() != 202) {
            return accepted;
        }
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/imports/" + accepted.text("id"));
        return waitWhile(accepted.text("id"), "PLANNING");
    }

    /** Polls a job while it is in {@code state}; answers the job, rows included, once it is not. */
    default Api.Response waitWhile(String id, String state) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            var job = admin().get("/api/v1/imports/" + id + "?rows=false");
            if (!state.equals(job.text("status"))) {
                return admin().get("/api/v1/imports/" + id);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " still " + state);
    }

    /** Applies a planned job and waits for its real run to end; answers the final job, rows included. */
    default Api.Response applyAndWait(String id) {
        var started = admin().post("/api/v1/imports/" + id + "/apply", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return waitWhile(id, "APPLYING");
    }

    static List<String> outcomes(Api.Response job) {
        List<String> list = new ArrayList<>();
        job.json().path("rows").forEach(r -> list.add(r.path("row").asInt() + ":" + r.path("outcome").asString()));
        return list;
    }

    static int count(Api.Response job, String outcome) {
        return job.json().path("counts").path(outcome).asInt();
    }

    static JsonNode row(Api.Response job, int number) {
        for (JsonNode r : job.json().path("rows")) {
            if (r.path("row").asInt() == number) {
                return r;
            }
        }
        throw new AssertionError("no row " + number + " in " + job);
    }

    static byte[] utf8Bom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A well-formed personal ID number for someone born in 1985, unused by the other tests. */
    static String nationalId() {
        return "001185" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    default long auditEntries() {
        return count("audit_entry");
    }

    static byte[] pkcs7(X509Certificate... certificates) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new JcaCertStore(List.of(certificates)));
        return generator.generate(new CMSAbsentContent()).getEncoded();
    }

    static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

}
