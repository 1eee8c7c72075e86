package vn.kyso.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.kyso.common.Text;

/**
 * The columns of each kind of file, with the headers people write for them, in Vietnamese (with
 * or without diacritics) and in English. A header matches when it reads the same once folded:
 * no diacritics, lower case, punctuation and "(*)" marks dropped. docs/imports.md lists them.
 */
final class Layout {

    /** {@code digits}: a number stored as a number in a spreadsheet lost its leading zeros; pad it back. */
    record Column(String id, boolean required, int digits, List<String> aliases) {
    }

    private final List<Column> columns;
    private final Map<String, Column> byAlias = new HashMap<>();

    private Layout(List<Column> columns) {
        this.columns = columns;
        for (Column c : columns) {
            byAlias.putIfAbsent(fold(c.id()), c);
            c.aliases().forEach(a -> byAlias.putIfAbsent(fold(a), c));
        }
    }

    List<Column> columns() {
        return columns;
    }

    Optional<Column> match(String header) {
        return Optional.ofNullable(byAlias.get(fold(header)));
    }

    static String fold(String header) {
        if (header == null) {
            return "";
        }
        String folded = Text.fold(header.replace("(*)", " ").replace("*", " "));
        return folded.replaceAll("[^a-z0-9]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static Column required(String id, String... aliases) {
        return new Column(id, true, 0, List.of(aliases));
    }

    private static Column optional(String id, String... aliases) {
        return new Column(id, false, 0, List.of(aliases));
    }

    private static final Column TAX_CODE = optional("taxCode", "Mã số thuế", "MST", "tax code");
    private static final Column BUDGET_CODE = optional("budgetCode", "Mã quan hệ ngân sách", "Mã QHNS",
            "Mã ĐVQHNS", "budget code", "budget relation code");
    private static final Column PROVINCE = optional("province", "Tỉnh", "Tỉnh/thành phố", "Tỉnh, thành phố",
            "province");
    private static final Column ADDRESS = optional("address", "Địa chỉ", "address");

    static final Layout AGENCIES = new Layout(List.of(
            required("code", "Mã đơn vị", "Mã cơ quan", "Mã", "agency code", "code"),
            required("name", "Tên đơn vị", "Tên cơ quan", "Tên cơ quan, đơn vị", "Tên", "name", "agency name"),
            optional("parentCode", "Mã đơn vị cấp trên", "Mã cơ quan cấp trên", "Mã cơ quan chủ quản",
                    "Đơn vị cấp trên", "Cơ quan cấp trên", "parent code", "parent"),
            TAX_CODE, BUDGET_CODE, PROVINCE,
            optional("email", "Thư điện tử", "Thư điện tử công vụ", "Email", "E-mail"),
            ADDRESS));

    static final Layout SUBSCRIBERS = new Layout(List.of(
            optional("type", "Loại thuê bao", "Loại", "type", "subscriber type"),
            required("agencyCode", "Mã đơn vị", "Mã cơ quan", "Mã cơ quan quản lý", "agency code", "agency"),
            required("fullName", "Họ và tên", "Họ tên", "Tên thuê bao", "Tên", "full name", "name"),
            required("email", "Thư điện tử", "Thư điện tử công vụ", "Email", "E-mail", "official email"),
            new Column("nationalId", false, 12, List.of("Số định danh cá nhân", "Số định danh", "CCCD",
                    "Số CCCD", "Căn cước công dân", "Số căn cước", "national id", "personal id")),
            optional("nationalIdIssueDate", "Ngày cấp", "Ngày cấp CCCD", "issue date", "national id issue date"),
            optional("nationalIdIssuePlace", "Nơi cấp", "issue place", "national id issue place"),
            optional("dateOfBirth", "Ngày sinh", "Ngày tháng năm sinh", "date of birth", "birth date"),
            optional("position", "Chức vụ", "position"),
            optional("phone", "Số điện thoại", "Điện thoại", "Điện thoại di động", "phone", "mobile"),
            TAX_CODE, BUDGET_CODE, ADDRESS, PROVINCE));

    static final Layout TOKENS = new Layout(List.of(
            required("serial", "Số serial", "Số seri", "Số hiệu thiết bị", "Số hiệu", "serial", "token serial",
                    "serial number"),
            required("model", "Loại thiết bị", "Mẫu thiết bị", "Chủng loại", "model", "token model"),
            optional("agencyCode", "Mã đơn vị", "Mã cơ quan", "Mã đơn vị quản lý", "agency code", "agency"),
            new Column("holder", false, 12, List.of("Người giữ", "Người sử dụng", "Người được bàn giao", "holder")),
            optional("state", "Trạng thái", "Tình trạng", "state"),
            optional("batch", "Lô", "Lô hàng", "batch"),
            optional("receivedOn", "Ngày nhận", "Ngày tiếp nhận", "received on", "received"),
            optional("notes", "Ghi chú", "notes", "note")));

    /** The side file of a certificate upload: which token each certificate is on. */
    static final Layout CERTIFICATE_TOKENS = new Layout(List.of(
            required("certificateSerial", "Số hiệu chứng thư", "Số serial chứng thư", "Serial chứng thư",
                    "certificate serial"),
            required("tokenSerial", "Số hiệu thiết bị", "Số serial thiết bị", "Serial thiết bị", "token serial")));

    static Layout of(ImportKind kind) {
        return switch (kind) {
            case AGENCIES -> AGENCIES;
            case SUBSCRIBERS -> SUBSCRIBERS;
            case TOKENS -> TOKENS;
            case CERTIFICATES -> CERTIFICATE_TOKENS;
        };
    }
}
