package vn.kyso.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 pages of Vietnamese text that flow onto new pages as needed. The DejaVu font is embedded,
 * so diacritics print anywhere; a character the font lacks prints as "?" instead of failing the
 * whole document.
 */
public final class PdfLayout implements AutoCloseable {

    private static final String REGULAR = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    public static final float MARGIN = 56;

    private final PDDocument document = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream out;
    private float y;
    private final float width = PDRectangle.A4.getWidth();

    public PdfLayout(String title) {
        try {
            regular = font(REGULAR);
            bold = font(BOLD);
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setCreator("Kyso");
            newPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PdfLayout centered(String text, float size, boolean strong) {
        PDFont font = strong ? bold : regular;
        String safe = printable(font, text);
        float w = textWidth(font, safe, size);
        return at(font, size, safe, (width - w) / 2, size * 1.5f);
    }

    /** A paragraph wrapped at word boundaries, indented by {@code indent} points. */
    public PdfLayout paragraph(String text, float size, boolean strong, float indent) {
        PDFont font = strong ? bold : regular;
        float max = width - 2 * MARGIN - indent;
        StringBuilder current = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (String word : printable(font, text).split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (textWidth(font, candidate, size) > max && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        for (String line : lines) {
            at(font, size, line, MARGIN + indent, size * 1.45f);
        }
        return this;
    }

    public PdfLayout space(float points) {
        y -= points;
        return this;
    }

    public byte[] bytes() {
        try {
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfLayout at(PDFont font, float size, String text, float x, float advance) {
        try {
            if (y - advance < MARGIN) {
                out.close();
                newPage();
            }
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(text);
            out.endText();
            y -= advance;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    private PDFont font(String resource) throws IOException {
        try (InputStream in = PdfLayout.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font " + resource + " is not on the classpath");
            }
            return PDType0Font.load(document, in);
        }
    }

    private static float textWidth(PDFont font, String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String printable(PDFont font, String text) {
        StringBuilder sb = new StringBuilder();
        text.replaceAll("[\\t\\r\\n]+", " ").codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                sb.append(c);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }
}
