package vn.kyso.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The committed pki-samples/documents/ are what the manifest says, checked without a verifier:
 * each signature's cryptography with Bouncy Castle given the sample certificate, the PDFs'
 * structure with PDFBox, the timestamps' imprints and TSA certificate, and the claimed times.
 */
class SampleDocumentsTest {

    static final Path DIR = SamplePkiTest.DIR.resolve("documents");

    record Row(String file, String content, String format, List<String> signers, String indication,
            String subIndication, String note) {

        boolean tampered() {
            return subIndication.equals("HASH_FAILURE");
        }
    }

    List<Row> manifest;
    X509Certificate issuing;

    @BeforeEach
    void load() throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(SampleDocuments.HEADER);
        manifest = lines.stream().skip(1).map(line -> {
            String[] f = line.split("\t", -1);
            assertThat(f).as(line).hasSize(7);
            List<String> signers = f[3].isEmpty() ? List.of() : List.of(f[3].split(","));
            return new Row(f[0], f[1], f[2], signers, f[4], f[5], f[6]);
        }).toList();
        issuing = certificate("ca/kyso.pem");
    }

    @Test
    void manifestNamesExactlyTheFilesThereWithKnownVerdicts() throws IOException {
        Set<String> named = new HashSet<>(Set.of("manifest.tsv"));
        for (Row row : manifest) {
            named.add(row.file());
            if (!row.content().isEmpty()) {
                named.add(row.content());
            }
            assertThat(row.format()).isIn("PDF", "CMS_ATTACHED", "CMS_DETACHED");
            assertThat(row.content().isEmpty()).as(row.file()).isEqualTo(!row.format().equals("CMS_DETACHED"));
            assertThat(row.indication()).isIn("TOTAL_PASSED", "TOTAL_FAILED", "INDETERMINATE", "NO_SIGNATURE_FOUND");
            assertThat(row.subIndication().isEmpty()).as(row.file())
                    .isEqualTo(row.indication().equals("TOTAL_PASSED") || row.signers().isEmpty());
            assertThat(row.note()).isNotBlank();
            for (String signer : row.signers()) {
                assertThat(SamplePkiTest.DIR.resolve("certs/" + signer + ".pem")).exists();
            }
        }
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet())).isEqualTo(named);
        }
        assertThat(manifest).extracting(Row::indication)
                .contains("TOTAL_PASSED", "TOTAL_FAILED", "INDETERMINATE", "NO_SIGNATURE_FOUND");
    }

    @Test
    void eachCmsVerifiesWithItsSampleCertificateUnlessTampered() throws Exception {
        for (Row row : manifest) {
            if (row.format().equals("PDF")) {
                continue;
            }
            CMSSignedData cms = cms(row);
            X509Certificate signer = certificate("certs/" + row.signers().get(0) + ".pem");
            assertThat(verifies(cms, signer)).as(row.file() + " " + row.content()).isEqualTo(!row.tampered());
            assertThat(cms.isDetachedSignature()).isEqualTo(row.format().equals("CMS_DETACHED"));
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).as(row.file()).isNotNull();
        }
        assertThat(Files.readAllBytes(DIR.resolve("cms-attached.pem.p7m")))
                .isNotEqualTo(Files.readAllBytes(DIR.resolve("cms-attached.p7m")));
        assertThat(cms(row("cms-attached.pem.p7m")).getEncoded()).isEqualTo(cms(row("cms-attached.p7m")).getEncoded());
    }

    @Test
    void eachPdfHasItsSignaturesAndEachVerifiesOverItsByteRangeUnlessTampered() throws Exception {
        for (Row row : manifest) {
            if (!row.format().equals("PDF")) {
                continue;
            }
            byte[] pdf = Files.readAllBytes(DIR.resolve(row.file()));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                List<PDSignature> signatures = document.getSignatureDictionaries();
                assertThat(signatures).as(row.file()).hasSize(row.signers().size());
                for (int i = 0; i < signatures.size(); i++) {
                    PDSignature signature = signatures.get(i);
                    assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
                    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes(signature, pdf)),
                            signature.getContents(pdf));
                    X509Certificate signer = certificate("certs/" + row.signers().get(i) + ".pem");
                    assertThat(verifies(cms, signer)).as(row.file() + " signature " + i).isEqualTo(!row.tampered());
                    // PAdES: the claimed time is /M, never a signingTime attribute
                    SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
                    assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
                    assertThat(signature.getSignDate()).isNotNull();
                }
            }
        }
    }

    @Test
    void theAppendedPdfChangesThePageAfterAnIntactSignature() throws Exception {
        byte[] signed = Files.readAllBytes(DIR.resolve("pdf-signed.pdf"));
        byte[] appended = Files.readAllBytes(DIR.resolve("pdf-signed.appended.pdf"));
        assertThat(Arrays.copyOf(appended, signed.length)).as("the signed file, then an update").isEqualTo(signed);
        assertThat(appended.length).isGreaterThan(signed.length);
        try (PDDocument document = Loader.loadPDF(appended)) {
            int[] range = document.getSignatureDictionaries().get(0).getByteRange();
            assertThat(range[2] + range[3]).as("the signature covers only the first revisions").isEqualTo(signed.length);
            assertThat(new PDFTextStripper().getText(document)).contains("950.000.000");
        }
        try (PDDocument document = Loader.loadPDF(signed)) {
            assertThat(new PDFTextStripper().getText(document)).contains("CÔNG VĂN SỐ 123/UBND-VP", "Lâm Đồng")
                    .doesNotContain("950.000.000");
        }
    }

    @Test
    void timestampsCoverTheSignatureValueAndComeFromTheSampleTsa() throws Exception {
        X509Certificate tsa = certificate("certs/" + SampleDocuments.TSA + ".pem");
        tsa.verify(issuing.getPublicKey());
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        assertThat(tsa.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(tsa.getKeyUsage()[0]).as("digitalSignature").isTrue();

        int stamped = 0;
        for (Row row : manifest) {
            for (SignerInformation signer : signerInfos(row)) {
                AttributeTable unsigned = signer.getUnsignedAttributes();
                Attribute attribute = unsigned == null ? null
                        : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                assertThat(attribute != null).as(row.file()).isEqualTo(row.file().contains("timestamped"));
                if (attribute == null) {
                    continue;
                }
                stamped++;
                TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues()
                        .getObjectAt(0)));
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
                assertThat(token.getTimeStampInfo().getMessageImprintAlgOID().getId())
                        .isEqualTo("2.16.840.1.101.3.4.2.1");
                assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
                assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(SampleTsa.POLICY);
                assertThat(token.getCertificates().getMatches(null)).extracting(X509CertificateHolder::getSerialNumber)
                        .contains(tsa.getSerialNumber(), issuing.getSerialNumber());
            }
        }
        assertThat(stamped).isEqualTo(3);
    }

    @Test
    void everySignatureNamesItsCertificateWithSigningCertificateV2() throws Exception {
        for (Row row : manifest) {
            List<SignerInformation> infos = signerInfos(row);
            for (int i = 0; i < infos.size(); i++) {
                X509Certificate cert = certificate("certs/" + row.signers().get(i) + ".pem");
                AttributeTable signed = infos.get(i).getSignedAttributes();
                assertThat(signed.get(CMSAttributes.contentType)).isNotNull();
                assertThat(signed.get(CMSAttributes.messageDigest)).isNotNull();
                SigningCertificateV2 essv2 = SigningCertificateV2.getInstance(
                        signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
                assertThat(essv2.getCerts()[0].getCertHash())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
                assertThat(infos.get(i).getSID().getSerialNumber()).isEqualTo(cert.getSerialNumber());
            }
        }
    }

    @Test
    void revokedAndExpiredSamplesClaimATimeAfterTheFact() throws Exception {
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                new ByteArrayInputStream(Files.readAllBytes(SamplePkiTest.DIR.resolve("crl/kyso.crl"))));
        Date revokedAt = crl.getRevokedCertificate(certificate("certs/revoked.pem").getSerialNumber())
                .getRevocationDate();
        Date expiredAt = certificate("certs/expired.pem").getNotAfter();

        assertThat(signingTime(cms(row("cms-revoked.p7m")))).isAfter(revokedAt);
        assertThat(signingTime(cms(row("cms-expired.p7m")))).isAfter(expiredAt);
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(DIR.resolve("pdf-signed-revoked.pdf")))) {
            assertThat(document.getSignatureDictionaries().get(0).getSignDate().getTime()).isAfter(revokedAt);
        }
    }

    private Row row(String file) {
        return manifest.stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }

    private static CMSSignedData cms(Row row) throws Exception {
        byte[] bytes = Files.readAllBytes(DIR.resolve(row.file()));
        if (row.file().endsWith(".pem.p7m")) {
            try (PemReader reader = new PemReader(new StringReader(new String(bytes, StandardCharsets.US_ASCII)))) {
                bytes = reader.readPemObject().getContent();
            }
        }
        if (row.content().isEmpty()) {
            return new CMSSignedData(bytes);
        }
        return new CMSSignedData(new CMSProcessableByteArray(Files.readAllBytes(DIR.resolve(row.content()))), bytes);
    }

    /** The signer infos of a row, in signing order; a PDF has one per signature. */
    private static List<SignerInformation> signerInfos(Row row) throws Exception {
        List<SignerInformation> infos = new ArrayList<>();
        if (!row.format().equals("PDF")) {
            infos.addAll(cms(row).getSignerInfos().getSigners());
            return infos;
        }
        byte[] pdf = Files.readAllBytes(DIR.resolve(row.file()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                infos.addAll(new CMSSignedData(signature.getContents(pdf)).getSignerInfos().getSigners());
            }
        }
        return infos;
    }

    private static byte[] signedBytes(PDSignature signature, byte[] pdf) {
        int[] range = signature.getByteRange();
        assertThat(range).hasSize(4);
        assertThat(range[0]).isZero();
        byte[] bytes = Arrays.copyOf(pdf, range[1] + range[3]);
        System.arraycopy(pdf, range[2], bytes, range[1], range[3]);
        return bytes;
    }

    /** Bouncy Castle's own check of messageDigest and the signature value, with the key we say signed. */
    private static boolean verifies(CMSSignedData cms, X509Certificate cert) throws Exception {
        assertThat(cms.getSignerInfos().size()).isEqualTo(1);
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        assertThat(cms.getCertificates().getMatches(signer.getSID())).as("the signer certificate is included")
                .hasSize(1);
        assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert.getPublicKey()));
        } catch (CMSException e) {
            return false;
        }
    }

    private static Date signingTime(CMSSignedData cms) {
        Attribute attribute = cms.getSignerInfos().getSigners().iterator().next().getSignedAttributes()
                .get(CMSAttributes.signingTime);
        return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate();
    }

    private static X509Certificate certificate(String file) throws Exception {
        String pem = Files.readString(SamplePkiTest.DIR.resolve(file));
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(reader.readPemObject().getContent()));
        }
    }
}
