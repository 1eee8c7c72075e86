package vn.kyso.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.ca.Pki;
import vn.kyso.verify.Indication;
import vn.kyso.verify.TrustContext;
import vn.kyso.verify.ValidationPolicy;
import vn.kyso.verify.VerificationReport;
import vn.kyso.verify.Verifier;
import vn.kyso.verify.path.PathValidator;
import vn.kyso.verify.path.RevocationRegistry;
import vn.kyso.verify.pdf.PdfLimits;

/**
 * The sample PKI of pki-samples/ set up as SampleDocumentsVerifiedTest does (the root as the only
 * anchor, both sample CRLs, a clock just after the CRLs were issued so they are fresh), and test
 * data signed with its keys at setup time, so nothing binary is committed.
 */
final class Samples {

    /** RSA-2048, like most signatures Kyso sees; the sample chain above it is ECDSA. */
    static final String SIGNER = "individual-rsa";

    private final Path dir = Path.of(System.getProperty("kyso.samples", "pki-samples"));
    final X509Certificate issuing;
    final Clock clock;
    final Verifier verifier;
    final TrustContext trust;
    final ValidationPolicy policy = ValidationPolicy.defaults();
    private final X509Certificate signerCert;
    private final PrivateKey signerKey;

    Samples() throws Exception {
        X509Certificate root = Pki.certificates(read("ca/kyso-root.pem")).get(0);
        issuing = Pki.certificates(read("ca/kyso.pem")).get(0);
        X509CRL crl = crl("crl/kyso.crl");
        clock = Clock.fixed(crl.getThisUpdate().toInstant().plusSeconds(60), ZoneOffset.UTC);
        verifier = new Verifier(new PathValidator(RevocationRegistry.NONE, clock), PdfLimits.defaults(), clock);
        trust = new TrustContext(Set.of(new TrustAnchor(root, null)), List.of(issuing), List.of(crl, crl("crl/kyso-root.crl")),
                TrustContext.KnownCertificates.NONE, RevocationRegistry.NONE);
        signerCert = Pki.certificates(read("certs/" + SIGNER + ".pem")).get(0);
        try (PEMParser pem = new PEMParser(new StringReader(new String(read("keys/" + SIGNER + ".key.pem"))))) {
            signerKey = new JcaPEMKeyConverter().setProvider(Pki.BC).getPrivateKey((PrivateKeyInfo) pem.readObject());
        }
    }

    VerificationReport verify(byte[] document, byte[] detachedSignature) {
        return verifier.verify(document, detachedSignature, null, trust, policy);
    }

    /** A benchmark of an error path is worthless: refuse to measure anything Kyso does not pass. */
    void requirePassed(String what, byte[] document, byte[] detachedSignature) {
        VerificationReport r = verify(document, detachedSignature);
        if (r.indication() != Indication.TOTAL_PASSED) {
            throw new IllegalStateException(what + ": Kyso says " + r.indication() + "/" + r.subIndication() + ": "
                    + r.summary() + " " + r.signatures());
        }
    }

    static void requireTrue(String what, boolean valid) {
        if (!valid) {
            throw new IllegalStateException(what + ": the baseline does not verify it");
        }
    }

    /** CAdES-BES as Kyso's samples are: SHA-256, ESS signingCertificateV2, signer and issuing CA certificates. */
    byte[] cms(byte[] content, boolean attached) throws Exception {
        return cms(content, attached, clock.instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS));
    }

    /** A signing key, its certificate, and the CA certificates to put beside it. */
    record Signer(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
    }

    private byte[] cms(byte[] content, boolean attached, Instant signingTime) throws Exception {
        return cms(new Signer(signerKey, signerCert, List.of(issuing)), content, attached, signingTime);
    }

    /** {@code signingTime} null leaves the attribute out, as PAdES wants (the claimed time is /M). */
    static byte[] cms(Signer by, byte[] content, boolean attached, Instant signingTime) throws Exception {
        X509Certificate signerCert = by.certificate();
        String algorithm = by.key().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(Pki.BC).build(by.key());
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(signerCert.getIssuerX500Principal().getEncoded()))), signerCert.getSerialNumber());
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(
                new ESSCertIDv2(Pki.digest("SHA-256", signerCert.getEncoded()), issuerSerial)))));
        if (signingTime != null) {
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        }
        AttributeTable table = new AttributeTable(attributes);
        // Bouncy Castle adds signingTime by itself; take it out again for PAdES
        CMSAttributeTableGenerator signed = parameters -> {
            AttributeTable all = new DefaultSignedAttributeTableGenerator(table).getAttributes(parameters);
            return signingTime == null ? all.remove(CMSAttributes.signingTime) : all;
        };
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build())
                .setSignedAttributeGenerator(signed).build(signer, signerCert));
        List<X509Certificate> certificates = new java.util.ArrayList<>(List.of(signerCert));
        certificates.addAll(by.chain());
        generator.addCertificates(new JcaCertStore(certificates));
        return generator.generate(new CMSProcessableByteArray(content), attached).getEncoded(ASN1Encoding.DER);
    }

    /** Vietnamese text of about {@code size} bytes, deterministic so runs compare. */
    static byte[] text(int size) {
        String line = "Công văn số 123/UBND-VP của Ủy ban nhân dân tỉnh Lâm Đồng về việc triển khai chữ ký số chuyên dùng.\n";
        StringBuilder out = new StringBuilder(size + line.length());
        for (int i = 0; out.length() < size; i++) {
            out.append(i).append(". ").append(line);
        }
        byte[] utf8 = out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(utf8, size);
    }

    /** A multi-page PDF of about {@code size} bytes with one invisible PAdES signature (ETSI.CAdES.detached). */
    byte[] signedPdf(int size) throws Exception {
        return signedPdf(new Signer(signerKey, signerCert, List.of(issuing)), size,
                clock.instant().minusSeconds(60));
    }

    static byte[] signedPdf(Signer by, int size, Instant signedAt) throws Exception {
        // the embedded font is a fixed cost, each page a near-constant one: fit a line through two sizes
        int small = unsignedPdf(2).length;
        float perPage = (unsignedPdf(6).length - small) / 4f;
        byte[] pdf = unsignedPdf(Math.max(1, 2 + Math.round((size - small) / perPage)));
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setReason("Phê duyệt");
            signature.setSignDate(GregorianCalendar.from(signedAt.atZone(ZoneOffset.UTC)));
            options.setPreferredSignatureSize(8_000);
            document.addSignature(signature, content -> {
                try {
                    return cms(by, content.readAllBytes(), false, null);
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static byte[] unsignedPdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument();
                InputStream ttf = Samples.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
            if (ttf == null) {
                throw new IOException("DejaVu Sans is not on the classpath");
            }
            PDFont font = PDType0Font.load(document, ttf);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    out.beginText();
                    out.setFont(font, 9);
                    out.setLeading(12);
                    out.newLineAtOffset(40, page.getMediaBox().getHeight() - 50);
                    for (int i = 0; i < 60; i++) {
                        out.showText("Trang " + (p + 1) + ", dòng " + (i + 1)
                                + ": Ủy ban nhân dân tỉnh Lâm Đồng triển khai chữ ký số chuyên dùng Chính phủ.");
                        out.newLine();
                    }
                    out.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // uncompressed keeps the size predictable from the page count
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    private byte[] read(String file) throws IOException {
        return Files.readAllBytes(dir.resolve(file));
    }

    private X509CRL crl(String file) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509", Pki.BC)
                .generateCRL(new java.io.ByteArrayInputStream(read(file)));
    }
}
