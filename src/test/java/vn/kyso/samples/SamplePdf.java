package vn.kyso.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import vn.kyso.ca.Pki;

/** The sample PDFs: a one-page công văn, PAdES signatures added in incremental updates, and a tampering update. */
final class SamplePdf {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** ASCII, so it is stored as written and a tampering test can find and change it. */
    static final String SUBJECT = "Cong van so 123/UBND-VP";
    private static final String REGULAR = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    /** Room for two certificates and a timestamp token with two more; unused space is zero padding. */
    private static final int SIGNATURE_SIZE = 12_000;

    private SamplePdf() {
    }

    static byte[] document(String title, List<String> lines) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = font(document, REGULAR);
            PDFont bold = font(document, BOLD);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setSubject(SUBJECT);
            info.setCreator("Kyso pki-samples");
            float y = page.getMediaBox().getHeight() - 64;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                y = line(out, bold, 12, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", y);
                y = line(out, bold, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", y);
                y = line(out, bold, 11, "Độc lập - Tự do - Hạnh phúc", y);
                y -= 12;
                y = line(out, bold, 13, title, y);
                y -= 6;
                for (String text : lines) {
                    y = line(out, regular, 11, text, y);
                }
            }
            return save(document);
        }
    }

    /** One more PAdES signature (ETSI.CAdES.detached) in an incremental update; the claimed time is /M. */
    static byte[] sign(byte[] pdf, SamplePki.Sample signer, X509Certificate issuing, Instant claimed, String reason,
            SampleTsa tsa) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(commonName(Pki.certificate(signer.certificate().der())));
            signature.setLocation(SamplePki.PROVINCE);
            signature.setReason(reason);
            signature.setSignDate(GregorianCalendar.from(claimed.atZone(VIETNAM)));
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, content -> SampleSigner
                    .sign(signer, issuing, content.readAllBytes(), false, null, tsa).getEncoded(), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /**
     * The incremental saving attack: a later update that adds text to the signed page. A standard
     * font keeps the update small; the Vietnamese font in the signed revision is a subset.
     */
    static byte[] appendToPage(byte[] pdf, String text) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            try (PDPageContentStream out = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out.setNonStrokingColor(0.8f, 0f, 0f);
                out.beginText();
                out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 12);
                out.newLineAtOffset(56, 360);
                out.showText(text);
                out.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            page.getResources().getCOSObject().setNeedToBeUpdated(true);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static float line(PDPageContentStream out, PDFont font, float size, String text, float y)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(56, y);
        out.showText(text);
        out.endText();
        return y - size * 1.6f;
    }

    static String commonName(X509Certificate cert) {
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        return IETFUtils.valueToString(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue());
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = SamplePdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font not on the classpath: " + resource);
            }
            return PDType0Font.load(document, in);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // no object streams: the dictionaries stay readable, and a tampering test can find its target
        document.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }
}
