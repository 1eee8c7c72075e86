package vn.kyso.demo;

import java.util.List;

import vn.kyso.security.Role;

/**
 * The demo province: Lâm Đồng as merged in 2025 (with Đắk Nông and Bình Thuận), its departments,
 * some of its new communes and wards, and the people who work there. Invented, but shaped like
 * the real thing so that a demo looks familiar to a provincial registrar.
 */
final class DemoProvince {

    static final String PROVINCE = "Lâm Đồng";
    static final String MAIL_DOMAIN = "lamdong.gov.vn";
    static final String ROOT_ADDRESS = "Số 36 Trần Phú, phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng";
    /** Enterprise and public-body tax codes registered in Lâm Đồng begin with 58. */
    static final String TAX_PREFIX = "58";
    static final String PASSWORD = "Kyso-Demo-2026!";

    private DemoProvince() {
    }

    /**
     * One managing body. {@code seal} is the name on its organisation certificate, or null for a
     * unit without a seal of its own (a commune's office signs with the commune's seal).
     */
    record Unit(String code, String parent, String name, String mailbox, String seal) {
    }

    /** Parents before children: each is created under one that already exists. */
    static final List<Unit> UNITS = List.of(
            new Unit("LDG", null, "Ủy ban nhân dân tỉnh Lâm Đồng", "ubnd", "Ủy ban nhân dân tỉnh Lâm Đồng"),

            new Unit("LDG-VP", "LDG", "Văn phòng Ủy ban nhân dân tỉnh", "vpubnd",
                    "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng"),
            new Unit("LDG-VP-HCC", "LDG-VP", "Trung tâm Phục vụ hành chính công tỉnh", "hcc",
                    "Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng"),
            new Unit("LDG-SNV", "LDG", "Sở Nội vụ", "snv", "Sở Nội vụ tỉnh Lâm Đồng"),
            new Unit("LDG-STP", "LDG", "Sở Tư pháp", "stp", "Sở Tư pháp tỉnh Lâm Đồng"),
            new Unit("LDG-STC", "LDG", "Sở Tài chính", "stc", "Sở Tài chính tỉnh Lâm Đồng"),
            new Unit("LDG-SCT", "LDG", "Sở Công Thương", "sct", "Sở Công Thương tỉnh Lâm Đồng"),
            new Unit("LDG-SKHCN", "LDG", "Sở Khoa học và Công nghệ", "skhcn", "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"),
            new Unit("LDG-SKHCN-CDS", "LDG-SKHCN", "Trung tâm Chuyển đổi số", "cds.skhcn",
                    "Trung tâm Chuyển đổi số tỉnh Lâm Đồng"),
            new Unit("LDG-SYT", "LDG", "Sở Y tế", "syt", "Sở Y tế tỉnh Lâm Đồng"),
            new Unit("LDG-SYT-BVDK", "LDG-SYT", "Bệnh viện Đa khoa tỉnh Lâm Đồng", "bvdk.syt",
                    "Bệnh viện Đa khoa tỉnh Lâm Đồng"),
            new Unit("LDG-SYT-CDC", "LDG-SYT", "Trung tâm Kiểm soát bệnh tật tỉnh", "cdc.syt",
                    "Trung tâm Kiểm soát bệnh tật tỉnh Lâm Đồng"),
            new Unit("LDG-SGDDT", "LDG", "Sở Giáo dục và Đào tạo", "sgddt", "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng"),
            new Unit("LDG-SGDDT-THPTTL", "LDG-SGDDT", "Trường THPT chuyên Thăng Long - Đà Lạt", "thptthanglong.sgddt",
                    "Trường THPT chuyên Thăng Long - Đà Lạt"),
            new Unit("LDG-SGDDT-THPTBL", "LDG-SGDDT", "Trường THPT Bảo Lộc", "thptbaoloc.sgddt",
                    "Trường THPT Bảo Lộc"),
            new Unit("LDG-SGDDT-THPTTHD", "LDG-SGDDT", "Trường THPT chuyên Trần Hưng Đạo", "thpttranhungdao.sgddt",
                    "Trường THPT chuyên Trần Hưng Đạo"),
            new Unit("LDG-SXD", "LDG", "Sở Xây dựng", "sxd", "Sở Xây dựng tỉnh Lâm Đồng"),
            new Unit("LDG-SNNMT", "LDG", "Sở Nông nghiệp và Môi trường", "snnmt",
                    "Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng"),
            new Unit("LDG-SVHTTDL", "LDG", "Sở Văn hóa, Thể thao và Du lịch", "svhttdl",
                    "Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng"),
            new Unit("LDG-SDTTG", "LDG", "Sở Dân tộc và Tôn giáo", "sdttg", "Sở Dân tộc và Tôn giáo tỉnh Lâm Đồng"),
            new Unit("LDG-TTR", "LDG", "Thanh tra tỉnh", "ttr", "Thanh tra tỉnh Lâm Đồng"),

            new Unit("LDG-XHDL", "LDG", "Phường Xuân Hương - Đà Lạt", "xuanhuong",
                    "Ủy ban nhân dân phường Xuân Hương - Đà Lạt"),
            new Unit("LDG-XHDL-VP", "LDG-XHDL", "Văn phòng HĐND và UBND phường", "vp.xuanhuong", null),
            new Unit("LDG-XHDL-KT", "LDG-XHDL", "Phòng Kinh tế, Hạ tầng và Đô thị", "kt.xuanhuong", null),
            new Unit("LDG-XHDL-HCC", "LDG-XHDL", "Trung tâm Phục vụ hành chính công phường", "hcc.xuanhuong", null),
            new Unit("LDG-LVDL", "LDG", "Phường Lâm Viên - Đà Lạt", "lamvien", "Ủy ban nhân dân phường Lâm Viên - Đà Lạt"),
            new Unit("LDG-CLDL", "LDG", "Phường Cam Ly - Đà Lạt", "camly", "Ủy ban nhân dân phường Cam Ly - Đà Lạt"),
            new Unit("LDG-LBDL", "LDG", "Phường Lang Biang - Đà Lạt", "langbiang",
                    "Ủy ban nhân dân phường Lang Biang - Đà Lạt"),
            new Unit("LDG-BL1", "LDG", "Phường 1 Bảo Lộc", "p1baoloc", "Ủy ban nhân dân Phường 1 Bảo Lộc"),
            new Unit("LDG-BL1-VP", "LDG-BL1", "Văn phòng HĐND và UBND phường", "vp.p1baoloc", null),
            new Unit("LDG-BL1-HCC", "LDG-BL1", "Trung tâm Phục vụ hành chính công phường", "hcc.p1baoloc", null),
            new Unit("LDG-PTH", "LDG", "Phường Phan Thiết", "phanthiet", "Ủy ban nhân dân phường Phan Thiết"),
            new Unit("LDG-MNE", "LDG", "Phường Mũi Né", "muine", "Ủy ban nhân dân phường Mũi Né"),
            new Unit("LDG-NGN", "LDG", "Phường Nam Gia Nghĩa", "namgianghia", "Ủy ban nhân dân phường Nam Gia Nghĩa"),
            new Unit("LDG-LDU", "LDG", "Xã Lạc Dương", "lacduong", "Ủy ban nhân dân xã Lạc Dương"),
            new Unit("LDG-LDU-VP", "LDG-LDU", "Văn phòng HĐND và UBND xã", "vp.lacduong", null),
            new Unit("LDG-LDU-KT", "LDG-LDU", "Phòng Kinh tế", "kt.lacduong", null),
            new Unit("LDG-DDU", "LDG", "Xã Đơn Dương", "donduong", "Ủy ban nhân dân xã Đơn Dương"),
            new Unit("LDG-DTR", "LDG", "Xã Đức Trọng", "ductrong", "Ủy ban nhân dân xã Đức Trọng"),
            new Unit("LDG-DLI", "LDG", "Xã Di Linh", "dilinh", "Ủy ban nhân dân xã Di Linh"));

    /** Titles by the start of the unit's name; the first match wins, so the narrower prefix comes first. */
    record Ranks(String prefix, String head, String deputy, List<String> staff) {
    }

    private static final List<String> OFFICE_STAFF = List.of(
            "Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên chính", "Chuyên viên", "Chuyên viên", "Chuyên viên");

    static final List<Ranks> RANKS = List.of(
            new Ranks("Ủy ban nhân dân", "Chủ tịch", "Phó Chủ tịch", OFFICE_STAFF),
            new Ranks("Phường", "Chủ tịch", "Phó Chủ tịch", OFFICE_STAFF),
            new Ranks("Xã", "Chủ tịch", "Phó Chủ tịch", OFFICE_STAFF),
            new Ranks("Văn phòng HĐND", "Chánh Văn phòng", "Phó Chánh Văn phòng", List.of("Chuyên viên")),
            new Ranks("Văn phòng", "Chánh Văn phòng", "Phó Chánh Văn phòng", OFFICE_STAFF),
            new Ranks("Thanh tra", "Chánh Thanh tra", "Phó Chánh Thanh tra",
                    List.of("Trưởng phòng", "Thanh tra viên chính", "Thanh tra viên", "Thanh tra viên")),
            new Ranks("Trường", "Hiệu trưởng", "Phó Hiệu trưởng", List.of("Tổ trưởng chuyên môn", "Giáo viên")),
            new Ranks("Bệnh viện", "Giám đốc", "Phó Giám đốc",
                    List.of("Trưởng khoa", "Phó Trưởng khoa", "Điều dưỡng trưởng", "Bác sĩ", "Bác sĩ")),
            new Ranks("Phòng", "Trưởng phòng", "Phó Trưởng phòng", List.of("Chuyên viên")),
            new Ranks("", "Giám đốc", "Phó Giám đốc", OFFICE_STAFF));

    static Ranks ranksOf(String unitName) {
        return RANKS.stream().filter(r -> unitName.startsWith(r.prefix())).findFirst().orElseThrow();
    }

    // Repeated entries weight the draw: about a third of Vietnamese are Nguyễn.
    static final List<String> FAMILY_NAMES = List.of(
            "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Trần", "Lê", "Lê", "Lê",
            "Phạm", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
            "Đinh", "Trương", "Mai", "Lâm");

    static final List<String> MIDDLE_NAMES_MALE = List.of(
            "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Đình", "Trọng", "Anh");

    static final List<String> MIDDLE_NAMES_FEMALE = List.of(
            "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Thị Thu", "Thị Ngọc", "Thị Kim",
            "Thị Ánh", "Thị Thanh", "Bích");

    static final List<String> GIVEN_NAMES_MALE = List.of(
            "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh",
            "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Sơn", "Tài",
            "Thắng", "Thành", "Tiến", "Trung", "Tuấn", "Tùng", "Việt", "Vinh");

    static final List<String> GIVEN_NAMES_FEMALE = List.of(
            "Anh", "Châu", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huyền", "Hương",
            "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo",
            "Thủy", "Trang", "Trâm", "Tuyết", "Uyên", "Vân", "Yến");

    /**
     * Birth-province codes on the ID card: mostly the three provinces merged into today's Lâm
     * Đồng (068, 067, 060), and some officials born elsewhere (Hà Nội, Nam Định, Thanh Hóa, Nghệ
     * An, Hà Tĩnh, Quảng Nam, Đắk Lắk, Hồ Chí Minh).
     */
    static final List<String> BIRTH_PROVINCES = List.of(
            "068", "068", "068", "068", "068", "068", "067", "067", "060", "060", "001", "036", "038", "040",
            "042", "049", "066", "079");

    static final String ID_ISSUER = "Cục Cảnh sát quản lý hành chính về trật tự xã hội";

    static final List<String> MOBILE_PREFIXES = List.of(
            "091", "094", "088", "083", "084", "085", "097", "098", "096", "086", "032", "033", "035", "037",
            "038", "039", "090", "093", "089", "070", "077", "079");

    /** A device, service or software that signs on its own (Mẫu 03). */
    record Device(String agencyCode, String name, String mailbox) {
    }

    static final List<Device> DEVICES = List.of(
            new Device("LDG-VP", "Hệ thống quản lý văn bản và điều hành", "qlvbdh"),
            new Device("LDG-VP-HCC", "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", "motcua"),
            new Device("LDG-SYT-BVDK", "Hệ thống thông tin bệnh viện (HIS)", "his.bvdk"),
            new Device("LDG-SKHCN-CDS", "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)", "lgsp"));

    record DemoUser(String username, String fullName, Role role, String agencyCode) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("quantri", "Trần Minh Quân", Role.ADMIN, "LDG-SKHCN-CDS"),
            new DemoUser("dangky", "Lê Thị Hồng Nhung", Role.REGISTRAR, "LDG-SKHCN"),
            new DemoUser("vanthu", "Phạm Thị Thu Hà", Role.CLERK, "LDG-VP"),
            new DemoUser("canbo.syt", "Hoàng Đức Anh", Role.AGENCY_OFFICER, "LDG-SYT"),
            new DemoUser("kiemtoan", "Võ Thanh Sơn", Role.AUDITOR, "LDG-TTR"));
}
