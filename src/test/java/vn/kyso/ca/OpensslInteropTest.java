package vn.kyso.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.support.RequiresOpenssl;
import vn.kyso.support.SqliteContext;
import vn.kyso.support.TestPki;

/**
 * Kyso's certificates, CRL and OCSP as another implementation sees them: the openssl command
 * verifies certificates against Kyso's root, verifies and reads the CRL, and asks the running
 * OCSP responder about a good, a revoked and a never-issued serial.
 */
@RequiresOpenssl
class OpensslInteropTest extends SqliteContext {

    @TempDir
    Path dir;

    record Run(int exit, String output) {
    }

    private Run openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private String issue(String agency, String name) {
        var response = admin().post("/api/v1/certificates", Map.of("subscriberId", newIndividual(agency, name).id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1"))));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("serialNumber");
    }

    private byte[] pem(String serial) {
        var pem = admin().getBytes("/api/v1/certificates/" + serial, "application/x-pem-file");
        assertThat(pem.status()).isEqualTo(200);
        return pem.body();
    }

    @Test
    void opensslAgreesWithKysoAboutCertificatesCrlAndOcsp() throws Exception {
        String agency = newAgency("Sở Khoa học và Công nghệ");
        String good = issue(agency, "Bùi Thị Thu Hằng");
        String revoked = issue(agency, "Ngô Quang Huy");
        assertThat(admin().post("/api/v1/certificates/" + revoked + "/revoke", Map.of("reason", "keyCompromise"))
                .status()).isEqualTo(200);

        byte[] root = Pki.pem("CERTIFICATE", api().getBytes("/ca/kyso-root.crt", null).body()).getBytes(StandardCharsets.US_ASCII);
        byte[] issuing = Pki.pem("CERTIFICATE", api().getBytes("/ca/kyso.crt", null).body()).getBytes(StandardCharsets.US_ASCII);
        write("root.pem", root);
        write("issuing.pem", issuing);
        byte[] chain = new byte[root.length + issuing.length];
        System.arraycopy(root, 0, chain, 0, root.length);
        System.arraycopy(issuing, 0, chain, root.length, issuing.length);
        write("chain.pem", chain);
        write("good.pem", pem(good));
        write("revoked.pem", pem(revoked));
        write("kyso.crl", api().getBytes("/crl/kyso.crl", null).body());

        Run verify = openssl("verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "good.pem");
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("good.pem: OK");

        Run crlVerify = openssl("crl", "-inform", "DER", "-in", "kyso.crl", "-CAfile", "chain.pem", "-noout");
        assertThat(crlVerify.output()).contains("verify OK");
        Run crlText = openssl("crl", "-inform", "DER", "-in", "kyso.crl", "-noout", "-text");
        assertThat(crlText.output().replace(":", "").toLowerCase()).contains(revoked).doesNotContain(good);
        assertThat(crlText.output()).contains("Key Compromise").contains("X509v3 CRL Number");

        openssl("crl", "-inform", "DER", "-in", "kyso.crl", "-out", "kyso.crl.pem");
        Run checked = openssl("verify", "-crl_check", "-CRLfile", "kyso.crl.pem", "-CAfile", "root.pem",
                "-untrusted", "issuing.pem", "revoked.pem");
        assertThat(checked.exit()).isNotZero();
        assertThat(checked.output()).contains("certificate revoked");

        String url = "http://127.0.0.1:" + port() + "/ocsp";
        Run ocsp = openssl("ocsp", "-issuer", "issuing.pem", "-cert", "good.pem", "-cert", "revoked.pem",
                "-serial", "0x1234abcd", "-url", url, "-CAfile", "chain.pem");
        assertThat(ocsp.output()).contains("Response verify OK");
        assertThat(ocsp.output()).contains("good.pem: good");
        assertThat(ocsp.output()).contains("revoked.pem: revoked");
        assertThat(ocsp.output()).contains("Reason: keyCompromise");
        assertThat(ocsp.output()).contains("0x1234abcd: unknown");
        assertThat(ocsp.output()).doesNotContain("WARNING: no nonce");
    }
}
