package vn.kyso.bench.data;

import java.util.Random;

/** Vietnamese names as they are spread: a few family names carry most people. */
final class People {

    // Nguyễn alone is about 38%; the weights follow published surname shares roughly
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai", "Tạ", "Đoàn", "Cao", "Lâm"};
    private static final int[] FAMILY_WEIGHT = {380, 110, 95, 70, 50, 40, 35, 30, 30, 25, 20, 20, 15, 15, 10, 10, 8, 8,
        6, 6, 5, 5, 5, 5};
    private static final String[] MIDDLE_MALE = {"Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Công", "Xuân", "Ngọc",
        "Hoàng", "Quang", "Tuấn", "Anh"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Bích", "Kim",
        "Phương", "Thùy", "Mai", "Diệu"};
    private static final String[] GIVEN_MALE = {"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khang",
        "Khoa", "Lâm", "Long", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Trung", "Tú", "Tùng",
        "Việt", "Vinh", "Hiếu", "Đông", "Hưng", "Kiên", "Toàn"};
    private static final String[] GIVEN_FEMALE = {"Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
        "Hương", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo",
        "Trang", "Trâm", "Uyên", "Vân", "Yến", "Đào", "Thủy"};
    private static final String[] POSITIONS = {"Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng",
        "Văn thư", "Kế toán", "Phó Giám đốc", "Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Công chức", "Thanh tra viên"};
    private static final int FAMILY_TOTAL;

    static {
        int total = 0;
        for (int w : FAMILY_WEIGHT) {
            total += w;
        }
        FAMILY_TOTAL = total;
    }

    private People() {
    }

    static String fullName(Random random) {
        int pick = random.nextInt(FAMILY_TOTAL);
        int i = 0;
        while (pick >= FAMILY_WEIGHT[i]) {
            pick -= FAMILY_WEIGHT[i++];
        }
        boolean female = random.nextBoolean();
        String[] middle = female ? MIDDLE_FEMALE : MIDDLE_MALE;
        String[] given = female ? GIVEN_FEMALE : GIVEN_MALE;
        return FAMILY[i] + " " + middle[random.nextInt(middle.length)] + " " + given[random.nextInt(given.length)];
    }

    static String position(Random random) {
        return POSITIONS[random.nextInt(POSITIONS.length)];
    }

    /** "Nguyễn Thị Đào", 123 → "ntdao.123": the way government mailboxes are usually named. */
    static String mailbox(String folded, long n) {
        String[] words = folded.split(" ");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length - 1; i++) {
            b.append(words[i].charAt(0));
        }
        return b.append(words[words.length - 1]).append('.').append(n).toString();
    }
}
