package vn.kyso.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

import vn.kyso.ca.Pki;
import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.SignedSample;
import vn.kyso.support.TestPki;

/**
 * A clerk verifies documents signed with certificates Kyso issued: valid, then revoked, then
 * tampered; the receipts, who may read them, and the errors a client can make.
 */
public interface VerificationApi extends KysoApi {

    private SignedSample signer() {
        return SignedSample.issue(this, "Nguyễn Thị Thu Trang", "Ủy ban nhân dân xã Đạ Tẻh");
    }

    private Api.Response verify(Api as, byte[] document) {
        return as.postMultipart("/api/v1/verifications", new Api.Part("document", "cong-van.p7m", document));
    }

    @Test
    default void aClerkSeesValidThenRevokedThenTampered() {
        SignedSample s = signer();
        Api clerk = newUser("CLERK", null);
        byte[] signed = s.valid();

        var valid = verify(clerk, signed);
        assertThat(valid.status()).as(valid.toString()).isEqualTo(201);
        assertThat(valid.text("indication")).as(valid.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(valid.json().path("verdict").path("vi").asString()).isEqualTo("Hợp lệ");
        assertThat(valid.text("format")).isEqualTo("CMS_ATTACHED");
        var signature = valid.json().path("signatures").get(0);
        assertThat(signature.path("signer").path("serialNumber").asString()).isEqualTo(s.serial());
        assertThat(signature.path("signer").path("commonName").asString()).isEqualTo("Nguyễn Thị Thu Trang");
        assertThat(signature.path("signer").path("agencyCode").asString()).isEqualTo(s.agencyCode());
        assertThat(valid.header("Location")).isEqualTo("/api/v1/verifications/" + valid.text("id"));

        byte[] tampered = signed.clone();
        int at = new String(signed, StandardCharsets.ISO_8859_1).indexOf("45/UBND");
        tampered[at] = '9';
        var bad = verify(clerk, tampered);
        assertThat(bad.text("indication")).as(bad.toString()).isEqualTo("TOTAL_FAILED");
        assertThat(bad.text("subIndication")).isEqualTo("HASH_FAILURE");

        // Whole seconds apart, so that a time between issue and revocation exists at certificate precision.
        sleepPastSecond();
        var revoke = admin().post("/api/v1/certificates/" + s.serial() + "/revoke", Map.of("reason", "keyCompromise"));
        assertThat(revoke.status()).as(revoke.toString()).isEqualTo(200);
        var revoked = verify(clerk, signed);
        assertThat(revoked.text("indication")).as(revoked.toString()).isEqualTo("INDETERMINATE");
        assertThat(revoked.text("subIndication")).isEqualTo("REVOKED_NO_POE");
        assertThat(revoked.json().path("verdict").path("vi").asString()).isEqualTo("Không xác định");

        // Validated as of a time before the revocation, it stood then, and the report says so.
        var before = clerk.postMultipart("/api/v1/verifications?validationTime="
                + s.certificate().getNotBefore().toInstant(), new Api.Part("document", "a.p7m", signed));
        assertThat(before.text("indication")).as(before.toString()).isEqualTo("TOTAL_PASSED");
    }

    private static void sleepPastSecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    default void receiptsBelongToWhoeverAskedAndToTheOverseers() throws Exception {
        SignedSample s = signer();
        Api clerk = newUser("CLERK", null);
        Api otherClerk = newUser("CLERK", null);
        Api auditor = newUser("AUDITOR", null);
        var made = verify(clerk, s.valid());
        String id = made.text("id");
        assertThat(clerk.get("/api/v1/verifications/" + id).text("indication")).isEqualTo("TOTAL_PASSED");
        assertThat(auditor.get("/api/v1/verifications/" + id).status()).isEqualTo(200);
        assertThat(otherClerk.get("/api/v1/verifications/" + id).status()).isEqualTo(404);
        assertThat(otherClerk.get("/api/v1/verifications/no-such-id").status()).isEqualTo(404);
        assertThat(verify(auditor, new byte[] {1}).status()).isEqualTo(403);

        var pdf = clerk.getBytes("/api/v1/verifications/" + id + "/receipt.pdf", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("BIÊN NHẬN KIỂM TRA CHỮ KÝ SỐ", id, "HỢP LỆ", "Nguyễn Thị Thu Trang",
                    made.text("documentSha256"));
        }
        assertThat(otherClerk.getBytes("/api/v1/verifications/" + id + "/receipt.pdf", "application/pdf").status())
                .isEqualTo(404);

        long audited = jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'verification.create' AND entity_id = :id")
                .param("id", id).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
        assertThat(clerk.get("/api/v1/verifications").json().findValuesAsString("id")).contains(id);
        assertThat(otherClerk.get("/api/v1/verifications").json().findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    default void clientMistakesAreClearAndNothingIsStored() {
        Api clerk = newUser("CLERK", null);
        long before = count("verification");
        var missing = clerk.postMultipart("/api/v1/verifications", new Api.Part("signature", "a.p7s", new byte[] {1, 2}));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        var empty = clerk.postMultipart("/api/v1/verifications", new Api.Part("document", "a.pdf", new byte[0]));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("document");
        assertThat(clerk.post("/api/v1/verifications", Map.of("document", "x")).status()).isEqualTo(415);
        var time = clerk.postMultipart("/api/v1/verifications?validationTime=yesterday",
                new Api.Part("document", "a.pdf", new byte[] {1}));
        assertThat(time.status()).as(time.toString()).isEqualTo(400);
        var huge = clerk.postMultipart("/api/v1/verifications", new Api.Part("document", "lon.pdf",
                new byte[51 * 1024 * 1024]));
        assertThat(huge.status()).as(huge.toString()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(count("verification")).isEqualTo(before);

        // Not an error: a file without a signature, and garbage that claims to be CMS, are verdicts.
        var plain = clerk.postMultipart("/api/v1/verifications", new Api.Part("document", "a.txt",
                "chỉ là văn bản".getBytes(StandardCharsets.UTF_8)));
        assertThat(plain.text("indication")).isEqualTo("NO_SIGNATURE_FOUND");
        var garbage = clerk.postMultipart("/api/v1/verifications", new Api.Part("document", "a.p7m",
                new byte[] {0x30, (byte) 0x82, 0x7f, 0x7f, 1, 2, 3}));
        assertThat(garbage.text("indication")).isEqualTo("TOTAL_FAILED");
        assertThat(garbage.text("subIndication")).isEqualTo("FORMAT_FAILURE");
        var detachedAlone = clerk.postMultipart("/api/v1/verifications", new Api.Part("document", "a.p7s",
                detachedSignature()));
        assertThat(detachedAlone.text("indication")).as(detachedAlone.toString()).isEqualTo("INDETERMINATE");
        assertThat(detachedAlone.text("subIndication")).isEqualTo("SIGNED_DATA_NOT_FOUND");

        // A root the document brings along is no reason to trust it.
        var ownRoot = clerk.postMultipart("/api/v1/verifications", new Api.Part("document", "a.p7m",
                signedBySelfSignedRoot(true)));
        assertThat(ownRoot.text("indication")).as(ownRoot.toString()).isEqualTo("INDETERMINATE");
        assertThat(ownRoot.text("subIndication")).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
    }

    private byte[] detachedSignature() {
        return signedBySelfSignedRoot(false);
    }

    /** Signed by a self-signed root that the CMS itself carries. */
    private byte[] signedBySelfSignedRoot(boolean attached) {
        try {
            TestPki.OutsideCa outside = new TestPki.OutsideCa("Ngoài");
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(Pki.BC)
                            .build(outside.rootKeys.getPrivate()), outside.root));
            generator.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(java.util.List.of(outside.root)));
            return generator.generate(new CMSProcessableByteArray(new byte[] {1, 2, 3}), attached).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    default void onlyAnAdministratorChangesThePolicy() {
        var current = admin().get("/api/v1/validation-policy");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().path("minRsaBits").asInt()).isEqualTo(2048);
        Api clerk = newUser("CLERK", null);
        assertThat(clerk.put("/api/v1/validation-policy", current.json()).status()).isEqualTo(403);
        var weak = ((tools.jackson.databind.node.ObjectNode) current.json().deepCopy()).put("minRsaBits", 512);
        var refused = admin().put("/api/v1/validation-policy", weak);
        assertThat(refused.status()).isEqualTo(400);
        var stricter = ((tools.jackson.databind.node.ObjectNode) current.json().deepCopy()).put("minRsaBits", 3072);
        assertThat(admin().put("/api/v1/validation-policy", stricter).status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/validation-policy").json().path("minRsaBits").asInt()).isEqualTo(3072);
        assertThat(admin().put("/api/v1/validation-policy", current.json()).status()).isEqualTo(200);
    }
}
