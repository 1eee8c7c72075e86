package vn.kyso.report;

import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import vn.kyso.common.Messages;
import vn.kyso.common.PdfLayout;

/** The report as a document a department sends up: Vietnamese, with the national heading. */
@Component
public class ReportPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(Period.VIETNAM);

    private final ReportRows rows;

    ReportPdf(ReportRows rows) {
        this.rows = rows;
    }

    public byte[] render(PeriodReport.Figures f) {
        String scope = f.agencyCode() == null ? "Toàn tỉnh" : f.agencyName() + " (" + f.agencyCode() + ") và các đơn vị trực thuộc";
        try (PdfLayout pdf = new PdfLayout("Báo cáo chữ ký số " + f.period())) {
            pdf.centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true)
                    .centered("Độc lập - Tự do - Hạnh phúc", 11, true).space(12)
                    .centered("BÁO CÁO TÌNH HÌNH QUẢN LÝ, SỬ DỤNG CHỮ KÝ SỐ CHUYÊN DÙNG CÔNG VỤ", 13, true)
                    .centered("Kỳ báo cáo: từ " + DAY.format(f.from()) + " đến " + DAY.format(f.to()), 11, false)
                    .centered("Phạm vi: " + scope, 10.5f, false).space(6);
            if (!f.complete()) {
                pdf.paragraph("Kỳ báo cáo chưa kết thúc: số liệu tính đến " + TIME.format(f.generatedAt())
                        + " và sẽ còn thay đổi.", 10, true, 0);
            }
            String section = null;
            int n = 0;
            for (ReportRows.Row r : rows.of(f, Messages.VI)) {
                if (!r.section().equals(section)) {
                    section = r.section();
                    pdf.space(6).paragraph(++n + ". " + section, 11.5f, true, 0);
                }
                pdf.paragraph((r.detail() ? "– " : "") + r.label() + ": " + r.value(), r.detail() ? 9.5f : 10.5f,
                        false, r.detail() ? 30 : 12);
            }
            pdf.space(14).paragraph("Số liệu do Kyso tổng hợp từ lịch sử ghi nhận lúc " + TIME.format(f.generatedAt())
                    + " (GMT+7); lập lại báo cáo cho cùng kỳ đã kết thúc cho cùng số liệu.", 8.5f, false, 0);
            return pdf.bytes();
        }
    }
}
