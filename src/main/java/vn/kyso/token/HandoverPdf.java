package vn.kyso.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The handover record (biên bản bàn giao, Mẫu 07) and its counterpart for taking a token back, as
 * an A4 PDF in Vietnamese. The font is embedded (subset), so the diacritics print anywhere.
 */
@Component
public class HandoverPdf {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String REGULAR = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final float MARGIN = 56;

    public enum Kind {
        HANDOVER("BIÊN BẢN BÀN GIAO THIẾT BỊ LƯU KHÓA BÍ MẬT", "bàn giao", "Bên giao", "Bên nhận"),
        RETURN("BIÊN BẢN THU HỒI THIẾT BỊ LƯU KHÓA BÍ MẬT", "thu hồi", "Bên nhận lại", "Bên trả");

        final String title;
        final String verb;
        final String agencySide;
        final String personSide;

        Kind(String title, String verb, String agencySide, String personSide) {
            this.title = title;
            this.verb = verb;
            this.agencySide = agencySide;
            this.personSide = personSide;
        }
    }

    /** What goes on the page. {@code certificates} are the serials of the certificates on the token. */
    public record Content(Kind kind, String number, Instant at, String province, String agencyName, String officer,
            String subscriberName, String position, String email, String tokenSerial, String tokenModel,
            List<String> certificates) {
    }

    public byte[] render(Content c) {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = font(document, REGULAR);
            PDFont bold = font(document, BOLD);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(c.kind().title + " " + c.number());
            info.setCreator("Kyso");
            float width = page.getMediaBox().getWidth();
            float y = page.getMediaBox().getHeight() - MARGIN;
            ZonedDateTime at = c.at().atZone(VIETNAM);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                y = centered(out, bold, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", width, y);
                y = centered(out, bold, 11, "Độc lập - Tự do - Hạnh phúc", width, y);
                y -= 10;
                String place = c.province() == null ? "" : c.province() + ", ";
                y = right(out, regular, 10, place + "ngày " + at.getDayOfMonth() + " tháng " + at.getMonthValue()
                        + " năm " + at.getYear(), width, y);
                y -= 14;
                y = centered(out, bold, 13, c.kind().title, width, y);
                y = centered(out, regular, 10, "Số: " + c.number(), width, y);
                y -= 12;
                y = paragraph(out, regular, 10.5f, "Hôm nay, vào lúc " + String.format("%02d:%02d", at.getHour(),
                        at.getMinute()) + " ngày " + String.format("%02d/%02d/%d", at.getDayOfMonth(),
                        at.getMonthValue(), at.getYear()) + ", tại " + c.agencyName() + ", chúng tôi gồm:",
                        width, y);
                y -= 4;
                y = line(out, bold, 10.5f, c.kind().agencySide + ": " + c.agencyName(), MARGIN, y);
                y = line(out, regular, 10.5f, "Đại diện: " + c.officer(), MARGIN + 18, y);
                y = line(out, bold, 10.5f, c.kind().personSide + ": " + c.subscriberName(), MARGIN, y);
                if (c.position() != null) {
                    y = line(out, regular, 10.5f, "Chức vụ: " + c.position(), MARGIN + 18, y);
                }
                if (c.email() != null) {
                    y = line(out, regular, 10.5f, "Thư điện tử công vụ: " + c.email(), MARGIN + 18, y);
                }
                y -= 6;
                y = paragraph(out, regular, 10.5f, "Hai bên thống nhất " + c.kind().verb
                        + " thiết bị lưu khóa bí mật (USB token) sau:", width, y);
                y = table(out, regular, bold, c, width, y);
                y -= 8;
                String duty = c.kind() == Kind.HANDOVER
                        ? "Bên nhận có trách nhiệm bảo quản thiết bị, giữ bí mật mã PIN, không cho người khác sử dụng và"
                        + " thông báo ngay cho cơ quan quản lý trực tiếp khi thiết bị bị mất, hỏng hoặc bị khóa."
                        : "Bên nhận lại có trách nhiệm quản lý thiết bị và nộp lại cho tổ chức cung cấp dịch vụ"
                        + " chứng thực theo quy định.";
                y = paragraph(out, regular, 10.5f, duty, width, y);
                y = paragraph(out, regular, 10.5f, "Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản.",
                        width, y);
                y -= 22;
                text(out, bold, 10.5f, c.kind().agencySide.toUpperCase(), MARGIN + 40, y);
                text(out, bold, 10.5f, c.kind().personSide.toUpperCase(), width / 2 + 60, y);
                y -= 14;
                text(out, regular, 9.5f, "(Ký, ghi rõ họ tên)", MARGIN + 30, y);
                text(out, regular, 9.5f, "(Ký, ghi rõ họ tên)", width / 2 + 50, y);
                y -= 70;
                text(out, regular, 10.5f, c.officer(), MARGIN + 30, y);
                text(out, regular, 10.5f, c.subscriberName(), width / 2 + 50, y);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the handover record", e);
        }
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = HandoverPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font " + resource + " is not on the classpath");
            }
            return PDType0Font.load(document, in);
        }
    }

    private static float table(PDPageContentStream out, PDFont regular, PDFont bold, Content c, float width, float y)
            throws IOException {
        float[] columns = {MARGIN, MARGIN + 30, MARGIN + 145, MARGIN + 265};
        float right = width - MARGIN;
        y -= 6;
        rule(out, MARGIN, right, y + 14);
        text(out, bold, 10, "STT", columns[0] + 4, y);
        text(out, bold, 10, "Số hiệu thiết bị", columns[1] + 4, y);
        text(out, bold, 10, "Loại thiết bị", columns[2] + 4, y);
        text(out, bold, 10, "Chứng thư số trên thiết bị", columns[3] + 4, y);
        rule(out, MARGIN, right, y - 5);
        y -= 19;
        text(out, regular, 10, "1", columns[0] + 4, y);
        text(out, regular, 10, c.tokenSerial(), columns[1] + 4, y);
        text(out, regular, 10, c.tokenModel(), columns[2] + 4, y);
        List<String> certificates = c.certificates().isEmpty() ? List.of("(chưa có)") : c.certificates();
        float rowTop = y;
        for (String serial : certificates) {
            text(out, regular, 7.5f, serial, columns[3] + 4, y);
            y -= 12;
        }
        y = Math.min(y, rowTop - 12);
        rule(out, MARGIN, right, y + 7);
        return y - 6;
    }

    private static void rule(PDPageContentStream out, float from, float to, float y) throws IOException {
        out.moveTo(from, y);
        out.lineTo(to, y);
        out.setLineWidth(0.6f);
        out.stroke();
    }

    private static float centered(PDPageContentStream out, PDFont font, float size, String text, float width, float y)
            throws IOException {
        float w = font.getStringWidth(text) / 1000 * size;
        text(out, font, size, text, (width - w) / 2, y);
        return y - size * 1.5f;
    }

    private static float right(PDPageContentStream out, PDFont font, float size, String text, float width, float y)
            throws IOException {
        float w = font.getStringWidth(text) / 1000 * size;
        text(out, font, size, text, width - MARGIN - w, y);
        return y - size * 1.5f;
    }

    private static float line(PDPageContentStream out, PDFont font, float size, String text, float x, float y)
            throws IOException {
        text(out, font, size, text, x, y);
        return y - size * 1.55f;
    }

    /** Wraps {@code text} at word boundaries to the page's width. */
    private static float paragraph(PDPageContentStream out, PDFont font, float size, String text, float width, float y)
            throws IOException {
        float max = width - 2 * MARGIN;
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > max && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        for (String l : lines) {
            y = line(out, font, size, l, MARGIN, y);
        }
        return y;
    }

    private static void text(PDPageContentStream out, PDFont font, float size, String text, float x, float y)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }
}
