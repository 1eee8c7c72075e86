package vn.kyso.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import vn.kyso.ca.BuiltInCa;
import vn.kyso.ca.Pki;
import vn.kyso.certificate.CertificateService;
import vn.kyso.certificate.Requests;
import vn.kyso.certificate.Storage;
import vn.kyso.common.KysoProperties;
import vn.kyso.common.PdfLayout;
import vn.kyso.verify.VerificationService;

/**
 * Signed documents for the demo: a province official signs a dispatch (CMS and PDF) with a key
 * Kyso's CA certified, a copy is tampered with, the files are left under {@code <data dir>/demo/}
 * for trying the verifier, and the clerk's history starts with their verifications.
 */
@Component
class DemoDocuments {

    private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);
    static final String TEXT = "ỦY BAN NHÂN DÂN TỈNH " + DemoProvince.PROVINCE.toUpperCase()
            + " — Công văn số 123/UBND-VP về việc triển khai chữ ký số chuyên dùng công vụ năm 2026.";

    private final CertificateService certificates;
    private final BuiltInCa ca;
    private final VerificationService verifications;
    private final UserDetailsService users;
    private final Path folder;

    DemoDocuments(CertificateService certificates, BuiltInCa ca, VerificationService verifications,
            UserDetailsService users, KysoProperties properties) {
        this.certificates = certificates;
        this.ca = ca;
        this.verifications = verifications;
        this.users = users;
        this.folder = properties.dataDir().resolve("demo");
    }

    void fill(long signerId) {
        try {
            KeyPair keys = DemoTokens.ecKeys();
            var issued = as("dangky", () -> certificates.issue(new Requests.Issue(signerId, DemoTokens.csr(keys), null, 730,
                    Storage.SOFTWARE, null)));
            X509Certificate certificate = Pki.certificate(issued.der());
            byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
            byte[] cms = sign(keys, certificate, text, true);
            byte[] tampered = cms.clone();
            int at = new String(cms, StandardCharsets.ISO_8859_1).indexOf("123/UBND");
            tampered[at + 2] = '8';
            byte[] pdf = pdf(keys, certificate);
            Map<String, byte[]> files = Map.of("cong-van-123.p7m", cms, "cong-van-123.sua-doi.p7m", tampered,
                    "cong-van-123.pdf", pdf);
            Files.createDirectories(folder);
            for (var file : files.entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
            as("vanthu", () -> {
                for (String name : List.of("cong-van-123.p7m", "cong-van-123.pdf", "cong-van-123.sua-doi.p7m")) {
                    verifications.verify(files.get(name), null, name, null);
                }
                return null;
            });
            log.info("Demo documents signed by {} are in {}", certificate.getSubjectX500Principal().getName(), folder);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the demo documents", e);
        }
    }

    private <T> T as(String username, java.util.function.Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private byte[] sign(KeyPair keys, X509Certificate certificate, byte[] content, boolean attached) throws Exception {
        ASN1EncodableVector signed = new ASN1EncodableVector();
        signed.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(
                new ESSCertIDv2[] {new ESSCertIDv2(Pki.digest("SHA-256", certificate.getEncoded()))}))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(signed)))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(keys.getPrivate()),
                        certificate));
        generator.addCertificates(new JcaCertStore(List.of(certificate, ca.issuingCertificate())));
        return generator.generate(new CMSProcessableByteArray(content), attached).getEncoded();
    }

    /** The dispatch as a one-page PDF with an invisible PAdES signature. */
    private byte[] pdf(KeyPair keys, X509Certificate certificate) throws IOException {
        byte[] unsigned;
        try (PdfLayout page = new PdfLayout("Công văn số 123/UBND-VP")) {
            unsigned = page.centered("ỦY BAN NHÂN DÂN TỈNH " + DemoProvince.PROVINCE.toUpperCase(), 12, true)
                    .space(10).paragraph(TEXT, 11, false, 0).bytes();
        }
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(unsigned)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setSignDate(Calendar.getInstance());
            signature.setReason("Phát hành công văn");
            document.addSignature(signature, content -> {
                try {
                    return sign(keys, certificate, content.readAllBytes(), false);
                } catch (Exception e) {
                    throw new IOException("Cannot sign the demo PDF", e);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }
}
