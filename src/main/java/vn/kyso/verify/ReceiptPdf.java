package vn.kyso.verify;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import vn.kyso.common.PdfLayout;

/**
 * The receipt a clerk files with the document: what was checked, when, the document's hash, the
 * verdict and every check's explanation, in Vietnamese.
 */
@Component
public class ReceiptPdf {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    public byte[] render(VerificationReport r) {
        try (PdfLayout pdf = new PdfLayout("Biên nhận kiểm tra chữ ký số " + r.id())) {
            pdf.centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true)
                    .centered("Độc lập - Tự do - Hạnh phúc", 11, true).space(12)
                    .centered("BIÊN NHẬN KIỂM TRA CHỮ KÝ SỐ", 14, true)
                    .centered("Mã biên nhận: " + r.id(), 9.5f, false).space(10)
                    .paragraph("Thời điểm tiếp nhận: " + TIME.format(r.receivedAt()) + " (GMT+7)", 10.5f, false, 0)
                    .paragraph("Thời điểm kiểm tra theo: " + TIME.format(r.validationTime()) + " (GMT+7)", 10.5f, false, 0)
                    .paragraph("Định dạng: " + r.format() + "; kích thước " + r.documentSize() + " byte", 10.5f, false, 0)
                    .paragraph("Mã băm SHA-256 của tài liệu: " + r.documentSha256(), 9, false, 0).space(8)
                    .paragraph("KẾT LUẬN: " + r.verdict().vi().toUpperCase() + " (" + r.indication()
                            + (r.subIndication() == null ? "" : " / " + r.subIndication()) + ")", 12, true, 0)
                    .paragraph(r.summary().vi(), 10.5f, false, 0).space(8);
            int n = 1;
            for (SignatureReport s : r.signatures()) {
                String kind = s.documentTimestamp() ? "Dấu thời gian tài liệu " : "Chữ ký ";
                pdf.paragraph(kind + n++ + ": " + Reports.verdict(s.indication()).vi()
                        + (s.subIndication() == null ? "" : " (" + s.subIndication() + ")"), 11, true, 0);
                if (s.signer() != null) {
                    pdf.paragraph("Người ký: " + s.signer().commonName(), 10, false, 12)
                            .paragraph("Chủ thể: " + s.signer().subjectDn(), 9, false, 12)
                            .paragraph("Số hiệu chứng thư: " + s.signer().serialNumber(), 9, false, 12)
                            .paragraph("Tổ chức cấp: " + s.signer().issuerDn(), 9, false, 12);
                    if (s.signer().agencyName() != null) {
                        pdf.paragraph("Cơ quan (theo Kyso): " + s.signer().agencyName() + " (" + s.signer().agencyCode()
                                + ")", 9, false, 12);
                    }
                }
                if (s.claimedSigningTime() != null) {
                    pdf.paragraph("Thời điểm ký được khai: " + TIME.format(s.claimedSigningTime()), 9.5f, false, 12);
                }
                pdf.paragraph(s.timestampTime() == null ? "Không có dấu thời gian."
                        : "Dấu thời gian: " + TIME.format(s.timestampTime()), 9.5f, false, 12);
                for (Check c : s.checks()) {
                    pdf.paragraph("• " + mark(c.result()) + " " + c.detail().vi(), 9, false, 18);
                }
                pdf.space(6);
            }
            pdf.space(10).paragraph("Biên nhận do Kyso lập tự động; kiểm tra lại bằng mã biên nhận và mã băm ở trên.",
                    8.5f, false, 0);
            return pdf.bytes();
        }
    }

    private static String mark(Check.Result result) {
        return switch (result) {
            case PASSED -> "[Đạt]";
            case FAILED -> "[Không đạt]";
            case INDETERMINATE -> "[Chưa xác định]";
            case SKIPPED -> "[Bỏ qua]";
        };
    }
}
