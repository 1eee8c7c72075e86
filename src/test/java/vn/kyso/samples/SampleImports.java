package vn.kyso.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.kyso.ca.Pki;
import vn.kyso.imports.LegacyText;

/**
 * Files to try the imports with, describing the sample province of {@link SamplePki} the way a
 * province's own records look: agencies in a CSV saved by old software (Windows-1258, child rows
 * before their parents), subscribers in a spreadsheet with a title and merged header cells (a
 * personal ID number typed as a number), tokens in a CSV in UTF-8 with a BOM (serials with spaces
 * and colons, dates dd/MM/yyyy, blank rows at the end), and the sample certificates in a zip with
 * their issuing CA and a table of which token holds which. Run after the certificates exist:
 * {@code SamplePki} calls it, or on its own with the pki-samples folder as argument.
 */
public final class SampleImports {

    private SampleImports() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "pki-samples").toAbsolutePath().normalize());
    }

    static void write(Path samples) throws IOException {
        Path out = samples.resolve("imports");
        Files.createDirectories(out);
        Files.write(out.resolve("don-vi.csv"), LegacyText.encode(agencies(), LegacyText.WINDOWS_1258));
        Files.write(out.resolve("thue-bao.xlsx"), subscribers());
        ByteArrayOutputStream tokens = new ByteArrayOutputStream();
        tokens.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        tokens.writeBytes(tokens().getBytes(StandardCharsets.UTF_8));
        Files.write(out.resolve("thiet-bi.csv"), tokens.toByteArray());
        Files.write(out.resolve("chung-thu.zip"), certificates(samples));
        System.out.println("Wrote the sample import files to " + out);
    }

    private static String agencies() {
        return String.join("\r\n",
                "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Mã quan hệ ngân sách,Tỉnh,Thư điện tử,Địa chỉ",
                "LDG-SYT-BVDK,Bệnh viện Đa khoa tỉnh Lâm Đồng,LDG-SYT,1012345,Lâm Đồng,bvdk.syt@lamdong.gov.vn,",
                "LDG,Ủy ban nhân dân tỉnh Lâm Đồng,,,Lâm Đồng,ubnd@lamdong.gov.vn,"
                        + "\"Số 36 Trần Phú, phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng\"",
                "LDG-SYT,Sở Y tế,LDG,,Lâm Đồng,syt@lamdong.gov.vn,",
                "LDG-SYT-TTYT,Trung tâm Y tế thành phố Đà Lạt,LDG-SYT,,Lâm Đồng,ttyt.syt@lamdong.gov.vn,", "");
    }

    private static String tokens() {
        return String.join("\r\n",
                "Số serial,Loại thiết bị,Mã đơn vị,Người giữ,Lô,Ngày nhận,Ghi chú",
                "02 2A 5B 11,SAFENET-5110,LDG-SYT,068085000001,Lô 3/2025,15/03/2025,",
                "02:2A:5B:12,SAFENET-5110,LDG-SYT-BVDK,binh.tt@lamdong.gov.vn,Lô 3/2025,15/03/2025,",
                "BIT4ID 0001 7731,BIT4ID-TOKENME,LDG-SYT-TTYT,,Lô 1/2026,06/01/2026,dự phòng cho Trung tâm Y tế",
                "BIT4ID 0001 7732,BIT4ID-TOKENME,,,Lô 1/2026,06/01/2026,",
                ",,,,,,", "", "");
    }

    private static byte[] subscribers() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("Thuê bao");
            sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH THUÊ BAO CHỨNG THƯ SỐ CHUYÊN DÙNG CÔNG VỤ");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 9));
            sheet.createRow(1).createCell(0).setCellValue("Tỉnh Lâm Đồng, số liệu đến 31/12/2025");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 9));
            Row group = sheet.createRow(3);
            Row names = sheet.createRow(4);
            String[] spanning = {"STT", "Loại thuê bao", "Mã đơn vị", "Họ và tên", "Thư điện tử"};
            for (int c = 0; c < spanning.length; c++) {
                group.createCell(c).setCellValue(spanning[c]);
                sheet.addMergedRegion(new CellRangeAddress(3, 4, c, c));
            }
            group.createCell(5).setCellValue("Giấy tờ tùy thân");
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 5, 8));
            String[] below = {"Số định danh cá nhân", "Ngày sinh", "Ngày cấp", "Nơi cấp"};
            for (int c = 0; c < below.length; c++) {
                names.createCell(5 + c).setCellValue(below[c]);
            }
            group.createCell(9).setCellValue("Mã QHNS");
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 9, 9));
            CellStyle dates = book.createCellStyle();
            dates.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            String issuer = SamplePki.ID_ISSUER;
            Object[][] rows = {
                {"Cá nhân", "LDG-SYT", "Nguyễn Văn An", "an.nv", 68085000001d, LocalDate.of(1985, 3, 12), issuer, null},
                {"Cá nhân", "LDG-SYT-BVDK", "Trần Thị Bình", "binh.tt", "068190000002", LocalDate.of(1990, 7, 25),
                    issuer, null},
                {"Cá nhân", "LDG-SYT", "Lê Văn Cường", "cuong.lv", "068088000003", LocalDate.of(1988, 11, 2), issuer,
                    null},
                {"Cá nhân", "LDG-SYT-BVDK", "Phạm Thị Dung", "dung.pt", "068192000004", LocalDate.of(1992, 1, 18),
                    issuer, null},
                {"Tổ chức", "LDG-SYT-BVDK", "Bệnh viện Đa khoa tỉnh Lâm Đồng", "bvdk.syt", null, null, null, "1012345"},
                {"Thiết bị", "LDG-SYT", "Hệ thống quản lý văn bản và điều hành Sở Y tế", "qlvb.syt", null, null, null,
                    null},
                {"Thiết bị", "LDG", "Dịch vụ cấp dấu thời gian tỉnh Lâm Đồng", "tsa.ubnd", null, null, null, null}};
            for (int i = 0; i < rows.length; i++) {
                Object[] p = rows[i];
                Row r = sheet.createRow(5 + i);
                r.createCell(0).setCellValue(i + 1);
                r.createCell(1).setCellValue((String) p[0]);
                r.createCell(2).setCellValue((String) p[1]);
                r.createCell(3).setCellValue((String) p[2]);
                r.createCell(4).setCellValue(p[3] + SamplePki.MAIL);
                if (p[4] instanceof Double number) {
                    // typed as a number, as Excel keeps digits: the leading zero is gone, and comes back on import
                    r.createCell(5).setCellValue(number);
                } else if (p[4] != null) {
                    r.createCell(5).setCellValue((String) p[4]);
                }
                if (p[5] != null) {
                    var born = r.createCell(6);
                    born.setCellValue((LocalDate) p[5]);
                    born.setCellStyle(dates);
                    var issued = r.createCell(7);
                    issued.setCellValue(LocalDate.of(2021, 6, 15));
                    issued.setCellStyle(dates);
                    r.createCell(8).setCellValue((String) p[6]);
                }
                if (p[7] != null) {
                    r.createCell(9).setCellValue((String) p[7]);
                }
            }
            for (int c = 0; c < 10; c++) {
                sheet.setColumnWidth(c, c == 3 || c == 8 ? 12_000 : 5_000);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] certificates(Path samples) throws IOException {
        List<String> names = List.of("individual-rsa", "individual-ecdsa", "organization-seal", "device", "tsa",
                "revoked", "expired");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String anSerial = null;
            for (String name : names) {
                byte[] pem = Files.readAllBytes(samples.resolve("certs/" + name + ".pem"));
                if (name.equals("individual-rsa")) {
                    X509Certificate an = Pki.certificates(pem).get(0);
                    anSerial = Pki.hex(an.getSerialNumber());
                    // one as DER, as certificates often arrive
                    add(zip, "chung-thu/" + name + ".cer", Pki.encoded(an));
                } else {
                    add(zip, "chung-thu/" + name + ".pem", pem);
                }
            }
            add(zip, "ca/kyso.pem", Files.readAllBytes(samples.resolve("ca/kyso.pem")));
            String table = "Số hiệu chứng thư,Số hiệu thiết bị\r\n" + anSerial + ",02 2A 5B 11\r\n";
            add(zip, "thiet-bi-chung-thu.csv", table.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        // a fixed time: the same certificates make the same zip
        entry.setTime(1_767_225_600_000L);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
