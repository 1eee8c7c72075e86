package vn.kyso.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import vn.kyso.ca.Pki;
import vn.kyso.support.Api;
import vn.kyso.support.TestPki;

/**
 * The size of a real province: 20,000 tokens in one CSV and 5,000 certificates in one zip (after
 * the 5,000 subscribers they belong to). Asserts the counts and that the real run came out as the
 * dry run said; prints how long each took (docs/performance.md, "Imports"), asserting no time.
 */
public interface ImportScale extends ImportCalls {

    int TOKENS = 20_000;
    int PEOPLE = 5_000;

    @Test
    default void twentyThousandTokensAndFiveThousandCertificates() throws Exception {
        String agency = newAgency("Sở Giáo dục và Đào tạo");
        String prefix = unique("S");

        StringBuilder tokens = new StringBuilder("Số serial,Loại thiết bị,Mã đơn vị,Lô,Ngày nhận\n");
        for (int i = 0; i < TOKENS; i++) {
            tokens.append(prefix).append(String.format("%06d", i)).append(',')
                    .append(i % 3 == 0 ? "BIT4ID-TOKENME" : "SAFENET-5110").append(',')
                    .append(i % 2 == 0 ? agency : "").append(",Lô ").append(i / 1000).append("/2025,")
                    .append(String.format("%02d/%02d/2025", 1 + i % 28, 1 + i % 12)).append('\n');
        }
        long before = count("token");
        Timed plan = timed(() -> upload("TOKENS", "tokens-20000.csv", tokens.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.response().text("status")).as(plan.response().toString()).isEqualTo("PLANNED");
        assertThat(ImportCalls.count(plan.response(), "CREATE")).isEqualTo(TOKENS);
        Timed applied = timed(() -> applyAndWait(plan.response().text("id")));
        assertThat(applied.response().text("status")).isEqualTo("APPLIED");
        assertThat(applied.response().json().path("rows")).isEqualTo(plan.response().json().path("rows"));
        assertThat(count("token")).isEqualTo(before + TOKENS);
        report("tokens", TOKENS, plan, applied);

        int base = ThreadLocalRandom.current().nextInt(990_000 - PEOPLE);
        StringBuilder people = new StringBuilder("Mã đơn vị,Họ và tên,Thư điện tử,Số định danh cá nhân,Ngày sinh\n");
        Map<Integer, String> emails = new LinkedHashMap<>();
        for (int i = 0; i < PEOPLE; i++) {
            String email = "gv" + i + "." + prefix.toLowerCase() + "@lamdong.gov.vn";
            emails.put(i, email);
            people.append(agency).append(",Giáo Viên Số ").append(i).append(',').append(email).append(",079190")
                    .append(String.format("%06d", base + i)).append(",01/01/1990\n");
        }
        Timed subscribersPlan = timed(() -> upload("SUBSCRIBERS", "thue-bao-5000.csv",
                people.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(subscribersPlan.response().text("status")).as(subscribersPlan.response().toString())
                .isEqualTo("PLANNED");
        Timed subscribersApplied = timed(() -> applyAndWait(subscribersPlan.response().text("id")));
        assertThat(subscribersApplied.response().text("status")).isEqualTo("APPLIED");
        report("subscribers", PEOPLE, subscribersPlan, subscribersApplied);

        var ca = new TestPki.OutsideCa(unique("L"));
        assertThat(admin().post("/api/v1/trust-anchors", Map.of("name", "RootCA " + unique("R"),
                "pem", Pki.pem("CERTIFICATE", Pki.encoded(ca.root)))).status()).isEqualTo(201);
        KeyPair shared = TestPki.ec("secp256r1");
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(ca.caKeys.getPrivate());
        X500Name issuer = X500Name.getInstance(ca.ca.getSubjectX500Principal().getEncoded());
        var extensions = new JcaX509ExtensionUtils();
        Instant from = Instant.now().minus(Duration.ofDays(1));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < PEOPLE; i++) {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                    .addRDN(BCStyle.O, "Sở Giáo dục và Đào tạo").addRDN(BCStyle.CN, "Giáo Viên Số " + i)
                    .addRDN(BCStyle.EmailAddress, emails.get(i)).build();
            var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, ThreadLocalRandom.current())
                    .setBit(70), Date.from(from), Date.from(from.plus(Duration.ofDays(1000))), subject,
                    shared.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca.ca));
            var certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            files.put("gv-" + i + ".cer", Pki.encoded(certificate));
        }
        files.put("ca.pem", Pki.pem("CERTIFICATE", Pki.encoded(ca.ca)).getBytes(StandardCharsets.US_ASCII));
        byte[] zip = ImportCalls.zip(files);
        long certificates = count("certificate");
        Timed certificatesPlan = timed(() -> upload("CERTIFICATES", "chung-thu-5000.zip", zip));
        assertThat(certificatesPlan.response().text("status")).as(certificatesPlan.response().toString())
                .isEqualTo("PLANNED");
        assertThat(ImportCalls.count(certificatesPlan.response(), "CREATE")).isEqualTo(PEOPLE);
        assertThat(ImportCalls.count(certificatesPlan.response(), "SKIP")).isEqualTo(1);
        Timed certificatesApplied = timed(() -> applyAndWait(certificatesPlan.response().text("id")));
        assertThat(certificatesApplied.response().text("status")).isEqualTo("APPLIED");
        assertThat(certificatesApplied.response().json().path("rows"))
                .isEqualTo(certificatesPlan.response().json().path("rows"));
        assertThat(count("certificate")).isEqualTo(certificates + PEOPLE);
        report("certificates", PEOPLE, certificatesPlan, certificatesApplied);
        assertThat(admin().get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
    }

    record Timed(Api.Response response, long millis) {
    }

    private static Timed timed(java.util.function.Supplier<Api.Response> call) {
        long start = System.nanoTime();
        Api.Response response = call.get();
        return new Timed(response, (System.nanoTime() - start) / 1_000_000);
    }

    private void report(String what, int rows, Timed plan, Timed apply) {
        System.out.printf("IMPORT-SCALE %s %s: %d rows, upload and dry run %d ms, apply (check again, write, commit)"
                + " %d ms%n", getClass().getSimpleName(), what, rows, plan.millis(), apply.millis());
    }
}
