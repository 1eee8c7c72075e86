package vn.kyso.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.kyso.ca.Pki;
import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;

/**
 * Imports as a registrar runs them: upload, read the dry run, apply, and find exactly what the dry
 * run said, no more; a file with one bad row stores nothing; the same file twice changes nothing.
 */
public interface Imports extends ImportCalls {

    // ---- tokens: plan, apply, idempotence, correction ----

    @Test
    default void aTokenFileIsAppliedExactlyAsPlannedAndAgainChangesNothing() {
        String agency = newAgency("Sở Nội vụ");
        Person holder = newIndividual(agency, "Trần Văn Giữ");
        String a = unique("TKA");
        String b = unique("TKB");
        String c = unique("TKC");
        // semicolons (Excel with Vietnamese settings), a BOM, serials with spaces and colons, trailing blank rows
        String csv = "Số serial;Loại thiết bị;Mã đơn vị;Người giữ;Lô;Ngày nhận;Ghi chú\r\n"
                + spaced(a) + ";SAFENET-5110;" + agency + ";;Lô 1/2026;05/01/2026;\r\n"
                + colons(b) + ";bit4id-tokenme;;;Lô 1/2026;6/1/2026;còn trong kho\r\n"
                + c.toLowerCase() + ";SAFENET-5110;;" + holder.email() + ";;07/01/2026;\r\n"
                + ";;;;;;\r\n\r\n;;;;;;\r\n";
        long tokens = count("token");
        long audit = auditEntries();

        var plan = upload("TOKENS", "thiet-bi.csv", ImportCalls.utf8Bom(csv));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.text("status")).isEqualTo("PLANNED");
        assertThat(plan.text("encoding")).isEqualTo("UTF-8 (BOM)");
        assertThat(ImportCalls.outcomes(plan)).containsExactly("2:CREATE", "3:CREATE", "4:CREATE");
        assertThat(ImportCalls.row(plan, 2).path("key").asString()).isEqualTo(a);
        assertThat(ImportCalls.row(plan, 3).path("key").asString()).isEqualTo(b);
        assertThat(ImportCalls.row(plan, 4).path("key").asString()).isEqualTo(c);
        // the dry run stored nothing
        assertThat(count("token")).isEqualTo(tokens);
        assertThat(auditEntries()).isEqualTo(audit);

        var applied = applyAndWait(plan.text("id"));
        assertThat(applied.text("status")).isEqualTo("APPLIED");
        assertThat(applied.json().path("rows")).isEqualTo(plan.json().path("rows"));
        assertThat(applied.json().path("rowsDone").asInt()).isEqualTo(3);
        assertThat(count("token")).isEqualTo(tokens + 3);
        // one entry per token, and one for the import itself
        assertThat(auditEntries()).isEqualTo(audit + 4);
        assertThat(admin().get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
        var allocated = admin().get("/api/v1/tokens/" + a);
        assertThat(allocated.text("state")).isEqualTo("ALLOCATED");
        assertThat(allocated.text("custodianAgencyCode")).isEqualTo(agency);
        assertThat(allocated.text("receivedOn")).isEqualTo("2026-01-05");
        assertThat(allocated.text("batch")).isEqualTo("Lô 1/2026");
        assertThat(admin().get("/api/v1/tokens/" + b).text("state")).isEqualTo("IN_STOCK");
        assertThat(admin().get("/api/v1/tokens/" + b).text("receivedOn")).isEqualTo("2026-01-06");
        var inUse = admin().get("/api/v1/tokens/" + c);
        assertThat(inUse.text("state")).isEqualTo("IN_USE");
        assertThat(inUse.json().path("holder").path("subscriberId").asLong()).isEqualTo(holder.id());
        assertThat(inUse.json().path("history").get(0).path("action").asString()).isEqualTo("import");

        // the same file again: every row unchanged, and applying it writes nothing, not even an audit entry
        var again = upload("TOKENS", "thiet-bi.csv", ImportCalls.utf8Bom(csv));
        assertThat(ImportCalls.outcomes(again)).containsExactly("2:UNCHANGED", "3:UNCHANGED", "4:UNCHANGED");
        long version = admin().get("/api/v1/tokens/" + b).json().path("version").asLong();
        assertThat(applyAndWait(again.text("id")).text("status")).isEqualTo("APPLIED");
        assertThat(auditEntries()).isEqualTo(audit + 4);
        assertThat(admin().get("/api/v1/tokens/" + b).json().path("version").asLong()).isEqualTo(version);

        // a corrected file: only the corrected row changes
        String corrected = csv.replace("còn trong kho", "để dự phòng");
        var correction = upload("TOKENS", "thiet-bi-sua.csv", ImportCalls.utf8Bom(corrected));
        assertThat(ImportCalls.outcomes(correction)).containsExactly("2:UNCHANGED", "3:UPDATE", "4:UNCHANGED");
        assertThat(ImportCalls.row(correction, 3).path("changed").toString()).isEqualTo("[\"notes\"]");
        assertThat(applyAndWait(correction.text("id")).text("status")).isEqualTo("APPLIED");
        assertThat(admin().get("/api/v1/tokens/" + b).text("notes")).isEqualTo("để dự phòng");
        assertThat(admin().get("/api/v1/tokens/" + b).json().path("version").asLong()).isEqualTo(version + 1);
        assertThat(auditEntries()).isEqualTo(audit + 6);

        // the result file: a BOM for Excel, then one line per row
        var csvResult = admin().getBytes("/api/v1/imports/" + correction.text("id") + "/result.csv", "text/csv");
        String result = new String(csvResult.body(), StandardCharsets.UTF_8);
        assertThat(result).startsWith("\uFEFFrow,key,outcome,changed,message_vi,message_en");
        assertThat(result).contains("3," + b + ",UPDATE,notes");
        assertThat(result.lines().count()).isEqualTo(4);

        // applied jobs cannot run twice
        assertThat(admin().post("/api/v1/imports/" + correction.text("id") + "/apply", Map.of()).status())
                .isEqualTo(409);
    }

    private static String spaced(String serial) {
        return serial.replaceAll("(.{3})", "$1 ").strip();
    }

    private static String colons(String serial) {
        return serial.replaceAll("(.{2})(?!$)", "$1:");
    }

    // ---- a bad row in the middle ----

    @Test
    default void aFileWithABadRowInTheMiddleIsRejectedWholeAndStoresNothing() {
        String agency = newAgency("Sở Tư pháp");
        StringBuilder csv = new StringBuilder("Mã đơn vị,Họ và tên,Thư điện tử,Số định danh cá nhân,Ngày sinh\n");
        for (int i = 0; i < 5; i++) {
            String id = i == 2 ? "12345" : ImportCalls.nationalId();
            csv.append(agency).append(",Cán Bộ Số ").append(i).append(",cb").append(i).append(unique("x").toLowerCase())
                    .append("@lamdong.gov.vn,").append(id).append(",05/05/1985\n");
        }
        long subscribers = count("subscriber");
        long audit = auditEntries();
        var plan = upload("SUBSCRIBERS", "thue-bao.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.text("status")).isEqualTo("REJECTED");
        assertThat(ImportCalls.outcomes(plan)).containsExactly("2:CREATE", "3:CREATE", "4:REJECT", "5:CREATE", "6:CREATE");
        JsonNode bad = ImportCalls.row(plan, 4);
        assertThat(bad.path("message").path("en").asString()).contains("nationalId").contains("12 digits");
        assertThat(bad.path("message").path("vi").asString()).isNotBlank();
        assertThat(plan.json().path("message").path("en").asString()).contains("row 4");

        var refused = admin().post("/api/v1/imports/" + plan.text("id") + "/apply", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rejectedRows").toString()).isEqualTo("[4]");
        assertThat(count("subscriber")).isEqualTo(subscribers);
        assertThat(auditEntries()).isEqualTo(audit);

        // a token serial twice: the second row names the first
        String serial = unique("TKD");
        String tokens = "serial,model\n" + serial + ",SAFENET-5110\n" + unique("TKE") + ",SAFENET-5110\n"
                + serial.toLowerCase() + ",SAFENET-5110\n";
        var twice = upload("TOKENS", "tokens.csv", tokens.getBytes(StandardCharsets.UTF_8));
        assertThat(ImportCalls.outcomes(twice)).containsExactly("2:CREATE", "3:CREATE", "4:REJECT");
        assertThat(ImportCalls.row(twice, 4).path("message").path("en").asString()).contains("row 2");
    }

    // ---- legacy encodings ----

    @Test
    default void windows1258AndTcvn3AreReadAsVietnameseAndGarbageIsRefused() {
        for (String encoding : List.of(LegacyText.WINDOWS_1258, LegacyText.TCVN3)) {
            String parent = unique("P");
            String child = unique("C");
            // the child comes first: the parent is created before it all the same
            String csv = "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Tỉnh\n"
                    + child + ",Phòng Tổ chức cán bộ," + parent + ",\n"
                    + parent + ",Sở Nội vụ thử nghiệm Đắk Nông,,Lâm Đồng\n";
            var plan = upload("AGENCIES", "don-vi.csv", LegacyText.encode(csv, encoding));
            assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
            assertThat(plan.text("encoding")).isEqualTo(encoding);
            assertThat(ImportCalls.outcomes(plan)).containsExactly("2:CREATE", "3:CREATE");
            assertThat(applyAndWait(plan.text("id")).text("status")).isEqualTo("APPLIED");
            assertThat(admin().get("/api/v1/agencies/" + parent).text("name")).isEqualTo("Sở Nội vụ thử nghiệm Đắk Nông");
            var made = admin().get("/api/v1/agencies/" + child);
            assertThat(made.text("name")).isEqualTo("Phòng Tổ chức cán bộ");
            assertThat(made.text("parentCode")).isEqualTo(parent);
        }
        // bytes that are Vietnamese in neither reading: refused with the line, no job made
        byte[] garbage = "Mã,Tên\nX1,".getBytes(StandardCharsets.UTF_8);
        garbage = java.util.Arrays.copyOf(garbage, garbage.length + 3);
        garbage[garbage.length - 3] = (byte) 0x80;
        garbage[garbage.length - 2] = (byte) 0x81;
        garbage[garbage.length - 1] = (byte) 0x82;
        // the header itself must then be non-UTF-8 too: rewrite it in TCVN3
        byte[] header = LegacyText.encode("Mã,Tên\nX1,", LegacyText.TCVN3);
        byte[] file = java.util.Arrays.copyOf(header, header.length + 3);
        System.arraycopy(garbage, garbage.length - 3, file, header.length, 3);
        long jobs = count("import_job");
        var refused = upload("AGENCIES", "rac.csv", file);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("file");
        assertThat(refused.json().path("message").path("en").asString()).contains("line 2");
        assertThat(count("import_job")).isEqualTo(jobs);
    }

    // ---- a spreadsheet with a title and merged header cells ----

    @Test
    default void aSpreadsheetWithATitleAndMergedHeaderCellsIsRead() throws Exception {
        String agency = newAgency("Bệnh viện Đa khoa");
        String first = ImportCalls.nationalId();
        String second = ImportCalls.nationalId();
        String mailA = "bs" + unique("a").toLowerCase() + "@lamdong.gov.vn";
        String mailB = "dd" + unique("b").toLowerCase() + "@lamdong.gov.vn";
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("Danh sách");
            sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH THUÊ BAO ĐỀ NGHỊ CẤP CHỨNG THƯ SỐ");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            Row group = sheet.createRow(2);
            group.createCell(0).setCellValue("STT");
            group.createCell(1).setCellValue("Mã đơn vị");
            group.createCell(2).setCellValue("Thông tin cá nhân");
            group.createCell(5).setCellValue("Thư điện tử");
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 2, 4));
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 5, 5));
            Row names = sheet.createRow(3);
            names.createCell(2).setCellValue("Họ và tên");
            names.createCell(3).setCellValue("Số định danh cá nhân (*)");
            names.createCell(4).setCellValue("Ngày sinh");
            CellStyle dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            String[][] people = {{"Võ Thị Hạnh", first, mailA}, {"Đặng Quốc Bảo", second, mailB}};
            for (int i = 0; i < people.length; i++) {
                Row r = sheet.createRow(4 + i);
                r.createCell(0).setCellValue(i + 1);
                r.createCell(1).setCellValue(agency);
                r.createCell(2).setCellValue(people[i][0]);
                // typed as a number, as Excel does with digits: the leading zeros are gone
                r.createCell(3).setCellValue(Double.parseDouble(people[i][1]));
                var born = r.createCell(4);
                born.setCellValue(LocalDate.of(1985, 5, 5 + i));
                born.setCellStyle(dateStyle);
                r.createCell(5).setCellValue(people[i][2]);
            }
            sheet.createRow(6).createCell(2).setCellValue("");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            xlsx = out.toByteArray();
        }
        var plan = upload("SUBSCRIBERS", "thue-bao.xlsx", xlsx);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.text("encoding")).isEqualTo("xlsx");
        assertThat(ImportCalls.outcomes(plan)).containsExactly("5:CREATE", "6:CREATE");
        assertThat(ImportCalls.row(plan, 5).path("key").asString()).isEqualTo(first);
        assertThat(applyAndWait(plan.text("id")).text("status")).isEqualTo("APPLIED");
        var found = admin().get("/api/v1/subscribers?q=" + second);
        assertThat(found.json().path("items").get(0).path("fullName").asString()).isEqualTo("Đặng Quốc Bảo");
        assertThat(found.json().path("items").get(0).path("dateOfBirth").asString()).isEqualTo("1985-05-06");
        assertThat(found.json().path("items").get(0).path("agencyCode").asString()).isEqualTo(agency);
    }

    // ---- certificates ----

    @Test
    default void certificatesAreMatchedAndUntrustedOrUnmatchedOnesRejectTheFile() throws Exception {
        var ca = new TestPki.OutsideCa(unique("I"));
        assertThat(admin().post("/api/v1/trust-anchors", Map.of("name", "RootCA " + unique("R"),
                "pem", Pki.pem("CERTIFICATE", Pki.encoded(ca.root)))).status()).isEqualTo(201);
        String agency = newAgency("Sở Y tế");
        Person an = newIndividual(agency, "Nguyễn Văn An");
        // a name no other test gives anyone, so that the name alone finds her
        Person binh = newIndividual(agency, "Hà Thị Thu Bình");
        String token = unique("TKX");
        assertThat(admin().post("/api/v1/tokens", Map.of("serial", token, "model", "SAFENET-5110",
                "agencyCode", agency)).status()).isEqualTo(201);
        Instant now = Instant.now();
        X509Certificate anCert = ca.issue("Nguyễn Văn An", an.email(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(700)));
        // an e-mail nobody has: found by name
        X509Certificate binhCert = ca.issue("Hà Thị Thu Bình", "khac" + unique("m").toLowerCase() + "@lamdong.gov.vn",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(700)));
        String anSerial = Pki.hex(anCert.getSerialNumber());
        String binhSerial = Pki.hex(binhCert.getSerialNumber());
        byte[] zip = ImportCalls.zip(Map.of(
                "an.pem", Pki.pem("CERTIFICATE", Pki.encoded(anCert)).getBytes(StandardCharsets.US_ASCII),
                "binh-and-ca.p7b", ImportCalls.pkcs7(binhCert, ca.ca),
                "thiet-bi.csv", ("Số hiệu chứng thư,Số hiệu thiết bị\n" + colonsHex(anSerial) + "," + token + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
        long certificates = count("certificate");
        var plan = upload("CERTIFICATES", "chung-thu.zip", zip);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.text("status")).as(plan.toString()).isEqualTo("PLANNED");
        assertThat(ImportCalls.count(plan, "CREATE")).isEqualTo(2);
        assertThat(ImportCalls.count(plan, "SKIP")).isEqualTo(1);
        assertThat(plan.raw().body()).contains("Matched by e-mail to Nguyễn Văn An").contains("token " + token)
                .contains("Matched by name to Hà Thị Thu Bình (subscriber " + binh.id() + ")");
        assertThat(count("certificate")).isEqualTo(certificates);

        var applied = applyAndWait(plan.text("id"));
        assertThat(applied.text("status")).isEqualTo("APPLIED");
        assertThat(applied.json().path("rows")).isEqualTo(plan.json().path("rows"));
        assertThat(count("certificate")).isEqualTo(certificates + 2);
        var recorded = admin().get("/api/v1/certificates/" + anSerial);
        assertThat(recorded.text("source")).isEqualTo("IMPORTED");
        assertThat(recorded.text("tokenSerial")).isEqualTo(token);
        assertThat(recorded.json().path("subscriberId").asLong()).isEqualTo(an.id());
        assertThat(admin().get("/api/v1/certificates/" + binhSerial).json().path("subscriberId").asLong())
                .isEqualTo(binh.id());
        var byName = admin().get("/api/v1/certificates?agency=" + agency + "&q=thu%20binh");
        assertThat(byName.json().path("items").get(0).path("serialNumber").asString()).as("imported ones are found by name")
                .isEqualTo(binhSerial);
        assertThat(admin().get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();

        var again = upload("CERTIFICATES", "chung-thu.zip", zip);
        assertThat(ImportCalls.count(again, "UNCHANGED")).isEqualTo(2);
        assertThat(ImportCalls.count(again, "CREATE")).isZero();

        // an untrusted issuer and a person Kyso does not know: the whole upload is refused
        var stranger = new TestPki.OutsideCa(unique("S"));
        X509Certificate untrusted = stranger.issue("Nguyễn Văn An", an.email(), now, now.plus(Duration.ofDays(30)));
        X509Certificate nobody = ca.issue("Người Lạ Mặt", "la" + unique("z").toLowerCase() + "@lamdong.gov.vn", now,
                now.plus(Duration.ofDays(30)));
        X509Certificate fine = ca.issue("Nguyễn Văn An", an.email(), now, now.plus(Duration.ofDays(30)));
        byte[] mixed = ImportCalls.zip(Map.of("1.pem", pemOf(fine), "2.cer", Pki.encoded(untrusted), "3.pem", pemOf(nobody),
                "4.txt", "không phải chứng thư".getBytes(StandardCharsets.UTF_8)));
        var refused = upload("CERTIFICATES", "lan-2.zip", mixed);
        assertThat(refused.text("status")).isEqualTo("REJECTED");
        assertThat(ImportCalls.count(refused, "CREATE")).isEqualTo(1);
        assertThat(ImportCalls.count(refused, "REJECT")).isEqualTo(3);
        assertThat(refused.raw().body()).contains("does not chain to a trusted CA")
                .contains("No subscriber matches").contains("4.txt holds no certificate");
        assertThat(admin().post("/api/v1/imports/" + refused.text("id") + "/apply", Map.of()).status()).isEqualTo(409);
        assertThat(count("certificate")).isEqualTo(certificates + 2);
    }

    @Test
    default void anUploadOfManyCaCertificatesIsRefusedAndOneCaRepeatedIsNot() throws Exception {
        var keys = TestPki.rsa(2048);
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant to = Instant.parse("2040-01-01T00:00:00Z");
        Map<String, byte[]> many = new java.util.LinkedHashMap<>();
        Map<String, byte[]> repeated = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            var name = new org.bouncycastle.asn1.x500.X500Name("C=VN,CN=CA thử nghiệm " + unique("C") + " " + i);
            X509Certificate ca = TestPki.certificate(name, keys, name, keys.getPrivate(), null, from, to, true);
            many.put("ca-" + i + ".cer", Pki.encoded(ca));
        }
        for (int i = 0; i < 51; i++) {
            repeated.put("ca-" + i + ".cer", many.get("ca-0.cer"));
        }
        long certificateAuthorities = count("ca");
        var refused = upload("CERTIFICATES", "nhieu-ca.zip", ImportCalls.zip(many));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("file");
        assertThat(refused.json().path("message").path("vi").asString()).contains("51 chứng thư CA").contains("tối đa 50");
        var accepted = upload("CERTIFICATES", "mot-ca.zip", ImportCalls.zip(repeated));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(ImportCalls.count(accepted, "SKIP")).isEqualTo(51);
        assertThat(count("ca")).isEqualTo(certificateAuthorities);
    }

    private static byte[] pemOf(X509Certificate c) {
        return Pki.pem("CERTIFICATE", Pki.encoded(c)).getBytes(StandardCharsets.US_ASCII);
    }

    private static String colonsHex(String hex) {
        String even = hex.length() % 2 == 0 ? hex : "0" + hex;
        return even.toUpperCase().replaceAll("(.{2})(?!$)", "$1:");
    }

    // ---- the plan no longer holds ----

    @Test
    default void aPlanOverTakenByAnotherChangeIsNotApplied() {
        String first = unique("TKS");
        String second = unique("TKT");
        var plan = upload("TOKENS", "tokens.csv", ("serial,model\n" + first + ",SAFENET-5110\n" + second
                + ",SAFENET-5110\n").getBytes(StandardCharsets.UTF_8));
        assertThat(plan.text("status")).isEqualTo("PLANNED");
        // someone records one of the tokens by hand meanwhile
        assertThat(admin().post("/api/v1/tokens", Map.of("serial", second, "model", "BIT4ID-TOKENME")).status())
                .isEqualTo(201);
        long tokens = count("token");
        var refused = admin().post("/api/v1/imports/" + plan.text("id") + "/apply", Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("changedRows").toString()).isEqualTo("[3]");
        assertThat(admin().get("/api/v1/imports/" + plan.text("id")).text("status")).isEqualTo("STALE");
        assertThat(count("token")).isEqualTo(tokens);
    }

    // ---- bad requests ----

    @Test
    default void badUploadsAreClientErrors() {
        byte[] csv = "serial,model\nA1,SAFENET-5110\n".getBytes(StandardCharsets.UTF_8);
        assertThat(upload("PIGS", "x.csv", csv).status()).isEqualTo(400);
        assertThat(admin().postMultipart("/api/v1/imports", new Api.Part("file", "x.csv", csv)).errorFields())
                .containsExactly("kind");
        assertThat(upload("TOKENS", "x.csv", new byte[0]).status()).isEqualTo(400);
        var noHeader = upload("TOKENS", "x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noHeader.status()).isEqualTo(422);
        var missing = upload("TOKENS", "x.csv", "Số serial,Ghi chú\nA1,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("message").path("en").asString()).contains("model");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThat(upload("TOKENS", "old.xls", xls).status()).isEqualTo(400);
        assertThat(upload("CERTIFICATES", "x.zip", "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1))
                .status()).isBetween(400, 422);
        assertThat(admin().get("/api/v1/imports/nope").status()).isEqualTo(404);
        assertThat(newUser("CLERK", null).postMultipart("/api/v1/imports",
                new Api.Part("kind", null, "TOKENS".getBytes(StandardCharsets.UTF_8)), new Api.Part("file", "x.csv", csv))
                .status()).isEqualTo(403);
    }
}
