package vn.kyso.verify.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-made hostile files: each must give facts or a PdfFormatException, quickly, and nothing else. */
class PdfReaderHostileTest {

    private static final PdfLimits LIMITS = new PdfLimits(200_000, 500, 100, Duration.ofSeconds(5));

    /** A PDF of the given objects (numbered from 1) with a correct xref table; object 1 is the catalog. */
    static byte[] pdf(String... objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n");
        for (int i = 0; i < objects.length; i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder b = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            b.append(String.format("%010d 00000 n \n", offset));
        }
        b.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, b.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void survives(String what, byte[] pdf) {
        long start = System.nanoTime();
        try {
            PdfReader.read(pdf, LIMITS);
        } catch (PdfFormatException expected) {
            // refusing is a correct answer
        } catch (Throwable t) {
            fail(what + ": " + t);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 6_000, what + " took " + millis + " ms");
    }

    private static final String SIG = "<< /Type /Sig /SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 30] /Contents <3000> >>";

    @Test
    void cyclicPageTree() {
        survives("pages whose kids loop", pdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", "<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R >>"));
    }

    @Test
    void cyclicFieldTree() {
        survives("fields whose kids loop", pdf("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /Annots [5 0 R] >>",
                "<< /T (a) /Kids [5 0 R] /Parent 5 0 R >>",
                "<< /T (b) /FT /Sig /Kids [4 0 R] /Parent 4 0 R /V 6 0 R /Subtype /Widget >>", SIG));
    }

    @Test
    void deeplyNestedArrays() {
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        survives("nested arrays", pdf("<< /Type /Catalog /Pages 2 0 R /Deep " + deep + " >>",
                "<< /Type /Pages /Kids [] /Count 0 >>"));
    }

    @Test
    void signatureValueThatIsNotADictionary() {
        survives("odd signature values", pdf("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R 4 0 R 5 0 R] >> >>",
                "<< /Type /Pages /Kids [] /Count 0 >>", "<< /T (a) /FT /Sig /V 42 >>",
                "<< /T (b) /FT /Sig /V << /ByteRange (x) /Contents 7 >> >>",
                "<< /T (c) /FT /Sig /V << /ByteRange [0 -1 99999999999999 1.5] /Contents <zz> >> >>"));
    }

    @Test
    void selfReferencingObjects() {
        survives("objects that are themselves", pdf("<< /Type /Catalog /Pages 2 0 R /AcroForm 3 0 R >>",
                "2 0 R", "<< /Fields 3 0 R /DR 3 0 R >>"));
    }

    @Test
    void manyRevisionsOfNothing() {
        byte[] base = pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        for (int i = 0; i < 2_000; i++) {
            write(out, "%%EOF\n");
        }
        survives("thousands of %%EOF", out.toByteArray());
    }

    @Test
    void garbageAfterAHeader() {
        byte[] junk = new byte[200_000];
        new java.util.Random(7).nextBytes(junk);
        byte[] pdf = new byte[junk.length + 9];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        System.arraycopy(junk, 0, pdf, 9, junk.length);
        survives("random bytes", pdf);
    }
}
