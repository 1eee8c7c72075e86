package vn.kyso.verify.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.ca.Pki;
import vn.kyso.support.TestPki;

/** Small PDFs for the reader's tests: made, signed and updated with PDFBox, altered byte by byte. */
final class TestPdfs {

    private static final KeyPair KEYS = TestPki.ec("secp256r1");
    private static final X509Certificate CERT = selfSigned();

    private TestPdfs() {
    }

    /** A document with {@code pages} pages of text and, on page 1, an empty text field named "ten". */
    static byte[] document(int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 14);
                    content.newLineAtOffset(72, 700);
                    content.showText("Quyet dinh so " + (i + 1));
                    content.endText();
                }
            }
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Helv"), font);
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/Helv 10 Tf 0 g");
            PDTextField field = new PDTextField(form);
            field.setPartialName("ten");
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(72, 600, 200, 20));
            widget.setPage(doc.getPage(0));
            doc.getPage(0).getAnnotations().add(widget);
            form.getFields().add(field);
            return save(doc);
        }
    }

    static byte[] sign(byte[] pdf, String reason) throws IOException {
        return sign(pdf, reason, null);
    }

    /** Signs in an incremental update; {@code docMdp} 1-3 makes it a certification signature. */
    static byte[] sign(byte[] pdf, String reason, Integer docMdp) throws IOException {
        return sign(pdf, reason, docMdp, null);
    }

    /** Signs with a FieldMDP transform that locks the one field {@code lockedField}. */
    static byte[] signLocking(byte[] pdf, String lockedField) throws IOException {
        return sign(pdf, "Khoa truong", null, lockedField);
    }

    private static byte[] sign(byte[] pdf, String reason, Integer docMdp, String lockedField) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("Nguyen Van A");
            signature.setLocation("Da Lat");
            signature.setReason(reason);
            signature.setSignDate(Calendar.getInstance());
            if (docMdp != null) {
                certify(doc, signature, docMdp);
            }
            if (lockedField != null) {
                COSDictionary params = new COSDictionary();
                params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
                params.setName(COSName.getPDFName("Action"), "Include");
                COSArray fields = new COSArray();
                fields.add(new org.apache.pdfbox.cos.COSString(lockedField));
                params.setItem(COSName.FIELDS, fields);
                COSDictionary reference = new COSDictionary();
                reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
                reference.setItem(COSName.getPDFName("TransformMethod"), COSName.getPDFName("FieldMDP"));
                reference.setItem(COSName.getPDFName("TransformParams"), params);
                COSArray references = new COSArray();
                references.add(reference);
                signature.getCOSObject().setItem(COSName.REFERENCE, references);
            }
            doc.addSignature(signature, TestPdfs::cms);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /**
     * A document timestamp in an incremental update. Its CMS is an ordinary signature, not a TSA
     * token: the reader only gathers facts and never looks inside.
     */
    static byte[] timestamp(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setType(COSName.getPDFName("DocTimeStamp"));
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
            doc.addSignature(signature, TestPdfs::cms);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** As PDFBox's CreateSignature example: a DocMDP transform in /Reference and the catalog's /Perms. */
    private static void certify(PDDocument doc, PDSignature signature, int p) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setInt(COSName.P, p);
        params.setName(COSName.V, "1.2");
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.getPDFName("TransformMethod"), COSName.DOCMDP);
        reference.setItem(COSName.getPDFName("TransformParams"), params);
        COSArray references = new COSArray();
        references.add(reference);
        signature.getCOSObject().setItem(COSName.REFERENCE, references);
        COSDictionary perms = new COSDictionary();
        perms.setItem(COSName.DOCMDP, signature);
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
        doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
    }

    private static byte[] cms(InputStream content) throws IOException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC)
                    .build(KEYS.getPrivate());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build()).build(signer, CERT));
            generator.addCertificates(new JcaCertStore(List.of(CERT)));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    interface Edit {
        void apply(PDDocument doc) throws IOException;
    }

    /** Appends an incremental update made by {@code edit}. */
    static byte[] update(byte[] pdf, Edit edit) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            edit.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    static void addPage(PDDocument doc) {
        doc.addPage(new PDPage(PDRectangle.A4));
        doc.getPages().getCOSObject().setNeedToBeUpdated(true);
    }

    static void replaceContent(PDDocument doc) throws IOException {
        PDPage page = doc.getPage(0);
        PDStream stream = new PDStream(doc);
        try (var out = stream.createOutputStream()) {
            out.write("BT /F1 14 Tf 72 700 Td (Quyet dinh da sua) Tj ET".getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(stream);
        page.getCOSObject().setNeedToBeUpdated(true);
    }

    static void addNote(PDDocument doc) throws IOException {
        PDPage page = doc.getPage(0);
        PDAnnotationText note = new PDAnnotationText();
        note.setRectangle(new PDRectangle(300, 700, 20, 20));
        note.setContents("Da xem");
        page.getAnnotations().add(note);
        page.getCOSObject().setNeedToBeUpdated(true);
        page.getCOSObject().getCOSArray(COSName.ANNOTS).setNeedToBeUpdated(true);
    }

    static void fillName(PDDocument doc) throws IOException {
        PDTextField field = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField("ten");
        field.setValue("Tran Thi B");
        field.getCOSObject().setNeedToBeUpdated(true);
        for (PDAnnotationWidget w : field.getWidgets()) {
            w.getCOSObject().setNeedToBeUpdated(true);
            w.getAppearance().getCOSObject().setNeedToBeUpdated(true);
        }
    }

    /** Long-term validation data as a PAdES LTV update adds it: /DSS with /Certs and a /VRI entry. */
    static void addDss(PDDocument doc) throws IOException {
        org.apache.pdfbox.cos.COSStream cert = doc.getDocument().createCOSStream();
        try (var out = cert.createOutputStream()) {
            out.write(certificate());
        }
        COSArray certs = new COSArray();
        certs.add(cert);
        COSDictionary vri = new COSDictionary();
        COSDictionary entry = new COSDictionary();
        entry.setItem(COSName.getPDFName("Cert"), certs);
        vri.setItem(COSName.getPDFName("0123456789ABCDEF0123456789ABCDEF01234567"), entry);
        COSDictionary dss = new COSDictionary();
        dss.setItem(COSName.getPDFName("Certs"), certs);
        dss.setItem(COSName.getPDFName("VRI"), vri);
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("DSS"), dss);
        doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
    }

    static byte[] certificate() {
        try {
            return CERT.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites the numbers of the last /ByteRange in place, keeping the file's length. */
    static byte[] withByteRange(byte[] pdf, long... numbers) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("/ByteRange");
        int open = text.indexOf('[', at);
        int close = text.indexOf(']', open);
        StringBuilder b = new StringBuilder();
        for (long n : numbers) {
            b.append(b.length() == 0 ? "" : " ").append(n);
        }
        String inside = b.toString();
        if (inside.length() > close - open - 1) {
            throw new IllegalArgumentException("no room for " + inside);
        }
        byte[] out = pdf.clone();
        byte[] replacement = String.format("%-" + (close - open - 1) + "s", inside).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(replacement, 0, out, open + 1, replacement.length);
        return out;
    }

    /** The last signature's byte range as written. */
    static long[] byteRange(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("/ByteRange");
        String inside = text.substring(text.indexOf('[', at) + 1, text.indexOf(']', at)).trim();
        return java.util.Arrays.stream(inside.split("\\s+")).mapToLong(Long::parseLong).toArray();
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static X509Certificate selfSigned() {
        try {
            X500Name name = new X500Name("CN=Nguyen Van A, O=So Y te, C=VN");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), name, KEYS.getPublic());
            return new JcaX509CertificateConverter().setProvider(Pki.BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(KEYS.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
