package vn.kyso.verify.pdf;

/** Reads the signature facts of a PDF with PDFBox, within limits. */
public final class PdfReader {

    private PdfReader() {
    }

    public static PdfFacts read(byte[] pdf, PdfLimits limits) throws PdfFormatException {
        throw new UnsupportedOperationException("not yet");
    }
}
