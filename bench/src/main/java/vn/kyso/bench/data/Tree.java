package vn.kyso.bench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The country as Kyso's agency tree: the 34 provinces and cities of the 2025 reorganisation, each
 * with its people's committee at the root, a few departments (sở) under it, and its communes and
 * wards (xã, phường) — 3,321 in all, shared out roughly by size. At scale 1: 34 provinces, 79
 * departments and 3,321 communes, 3,434 agencies.
 */
final class Tree {

    static final int COMMUNES = 3_321;
    /** Departments beyond the one each province has at least. */
    static final int MORE_DEPARTMENTS = 45;

    /** Name, mail domain, relative size (communes and staff scale with it). */
    record Province(String name, String domain, int weight) {
    }

    static final List<Province> PROVINCES = List.of(
            new Province("Hà Nội", "hanoi", 126), new Province("Huế", "hue", 40),
            new Province("Lai Châu", "laichau", 38), new Province("Điện Biên", "dienbien", 45),
            new Province("Sơn La", "sonla", 75), new Province("Lạng Sơn", "langson", 65),
            new Province("Quảng Ninh", "quangninh", 54), new Province("Thanh Hóa", "thanhhoa", 166),
            new Province("Nghệ An", "nghean", 130), new Province("Hà Tĩnh", "hatinh", 69),
            new Province("Cao Bằng", "caobang", 56), new Province("Tuyên Quang", "tuyenquang", 124),
            new Province("Lào Cai", "laocai", 99), new Province("Thái Nguyên", "thainguyen", 92),
            new Province("Phú Thọ", "phutho", 148), new Province("Bắc Ninh", "bacninh", 99),
            new Province("Hưng Yên", "hungyen", 104), new Province("Hải Phòng", "haiphong", 114),
            new Province("Ninh Bình", "ninhbinh", 129), new Province("Quảng Trị", "quangtri", 78),
            new Province("Đà Nẵng", "danang", 94), new Province("Quảng Ngãi", "quangngai", 96),
            new Province("Gia Lai", "gialai", 135), new Province("Khánh Hòa", "khanhhoa", 65),
            new Province("Lâm Đồng", "lamdong", 124), new Province("Đắk Lắk", "daklak", 102),
            new Province("Hồ Chí Minh", "hochiminhcity", 168), new Province("Đồng Nai", "dongnai", 95),
            new Province("Tây Ninh", "tayninh", 96), new Province("Cần Thơ", "cantho", 103),
            new Province("Vĩnh Long", "vinhlong", 124), new Province("Đồng Tháp", "dongthap", 102),
            new Province("Cà Mau", "camau", 64), new Province("An Giang", "angiang", 102));

    private static final String[] DEPARTMENTS = {"Văn phòng Ủy ban nhân dân", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp",
        "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Sở Xây dựng", "Sở Công Thương",
        "Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Thanh tra tỉnh", "Sở Dân tộc và Tôn giáo",
        "Sở Ngoại vụ"};
    private static final String[] PLACES = {"An", "Bình", "Hòa", "Tân", "Phú", "Long", "Thạnh", "Đông", "Tây", "Nam",
        "Bắc", "Trung", "Mỹ", "Hưng", "Thái", "Vĩnh", "Phước", "Hiệp", "Lộc", "Xuân", "Hải", "Sơn", "Quang", "Minh",
        "Thuận", "Đức", "Lạc", "Khánh", "Thịnh", "Yên"};

    /** One agency, parents before children. {@code kind} says what its people and certificates look like. */
    record Unit(int index, String code, String name, int parent, String path, int depth, int province, Kind kind,
            String mailbox) {
    }

    enum Kind { PROVINCE, DEPARTMENT, COMMUNE }

    private Tree() {
    }

    /** The tree; at a scale under 1 the communes and departments shrink, the provinces stay. */
    static List<Unit> build(double scale, Random random) {
        int totalWeight = PROVINCES.stream().mapToInt(Province::weight).sum();
        int communes = Math.max(PROVINCES.size(), (int) Math.round(COMMUNES * scale));
        int departments = PROVINCES.size() + (int) Math.round(MORE_DEPARTMENTS * scale);
        List<Unit> units = new ArrayList<>();
        int communesLeft = communes;
        int departmentsLeft = departments;
        for (int p = 0; p < PROVINCES.size(); p++) {
            Province province = PROVINCES.get(p);
            int provincesLeft = PROVINCES.size() - p;
            int here = p == PROVINCES.size() - 1 ? communesLeft
                    : Math.max(1, Math.min(communesLeft - (provincesLeft - 1),
                            (int) Math.round((double) communes * province.weight() / totalWeight)));
            communesLeft -= here;
            int depts = p == PROVINCES.size() - 1 ? departmentsLeft
                    : Math.max(1, Math.min(departmentsLeft - (provincesLeft - 1), departments / PROVINCES.size()
                            + (p < departments % PROVINCES.size() ? 1 : 0)));
            departmentsLeft -= depts;
            String code = String.format("T%02d", p + 1);
            int root = units.size();
            String rootPath = "/" + code + "/";
            units.add(new Unit(root, code, "Ủy ban nhân dân " + (province.name().equals("Hồ Chí Minh")
                    ? "Thành phố Hồ Chí Minh" : "tỉnh " + province.name()), -1, rootPath, 0, p, Kind.PROVINCE, "ubnd"));
            for (int d = 0; d < depts; d++) {
                String dcode = String.format("%s-S%02d", code, d + 1);
                units.add(new Unit(units.size(), dcode, DEPARTMENTS[d % DEPARTMENTS.length]
                        + (d >= DEPARTMENTS.length ? " " + (d / DEPARTMENTS.length + 1) : ""), root,
                        rootPath + dcode + "/", 1, p, Kind.DEPARTMENT, "s" + (d + 1)));
            }
            for (int c = 0; c < here; c++) {
                String ccode = String.format("%s-X%03d", code, c + 1);
                String place = PLACES[random.nextInt(PLACES.length)] + " " + PLACES[random.nextInt(PLACES.length)];
                boolean ward = random.nextInt(4) == 0;
                units.add(new Unit(units.size(), ccode, "Ủy ban nhân dân " + (ward ? "phường " : "xã ") + place
                        + " " + (c + 1), root, rootPath + ccode + "/", 1, p, Kind.COMMUNE, "x" + (c + 1)));
            }
        }
        return units;
    }
}
