package vn.kyso.verify.pdf;

/** The file is not a PDF that can be read safely within the limits. */
public class PdfFormatException extends Exception {

    public PdfFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public PdfFormatException(String message) {
        super(message);
    }
}
