package vn.kyso.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class HandoverPdfTest {

    private final HandoverPdf pdf = new HandoverPdf();

    private HandoverPdf.Content content(HandoverPdf.Kind kind) {
        return new HandoverPdf.Content(kind, "2026/BBBG-000042", Instant.parse("2026-11-21T03:15:00Z"), "Lâm Đồng",
                "Sở Y tế tỉnh Lâm Đồng", "Lê Thị Hồng Nhung", "Nguyễn Thị Ánh Tuyết", "Phó Giám đốc",
                "tuyet.nta@lamdong.gov.vn", "SN0123456789", "SafeNet eToken 5110",
                List.of("22eab04e82a99d9148bc1cd2b53f7b6800c9a76a"));
    }

    @Test
    void theRecordReadsInVietnameseWithEveryPartyAndTheToken() throws Exception {
        byte[] bytes = pdf.render(content(HandoverPdf.Kind.HANDOVER));
        // kept for a person to look at
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/handover-record-sample.pdf"), bytes);
        try (var document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "BIÊN BẢN BÀN GIAO THIẾT BỊ LƯU KHÓA BÍ MẬT", "Số: 2026/BBBG-000042",
                    "Lâm Đồng, ngày 21 tháng 11 năm 2026", "Nguyễn Thị Ánh Tuyết", "Phó Giám đốc", "SN0123456789",
                    "SafeNet eToken 5110", "22eab04e82a99d9148bc1cd2b53f7b6800c9a76a", "10:15");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).as("the font travels with the file").isTrue();
            assertThat(document.getDocumentInformation().getTitle()).contains("2026/BBBG-000042");
        }
        try (var document = Loader.loadPDF(pdf.render(content(HandoverPdf.Kind.RETURN)))) {
            assertThat(new PDFTextStripper().getText(document)).contains("BIÊN BẢN THU HỒI");
        }
    }
}
