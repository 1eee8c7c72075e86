package vn.kyso.subscriber;

import java.time.LocalDate;
import java.util.Set;

/**
 * The 12-digit personal identification number (số định danh cá nhân, on the CCCD card), as laid
 * out by Circular 07/2016/TT-BCA: 3 digits of the birth province, 1 of sex and century, 2 of the
 * birth year, 6 random. The structure is checked, and so is its agreement with the date of birth.
 */
final class NationalId {

    /** Birth-province codes of the 63 provinces as they stood before the 2025 merger; cards keep them. */
    private static final Set<String> PROVINCES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022",
            "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042",
            "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066",
            "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087",
            "089", "091", "092", "093", "094", "095", "096");

    private NationalId() {
    }

    /** A message key for what is wrong, or null if the number is well-formed. */
    static String problem(String id) {
        if (id.length() != 12 || !id.chars().allMatch(Character::isDigit)) {
            return "error.nationalId.shape";
        }
        if (!PROVINCES.contains(id.substring(0, 3))) {
            return "error.nationalId.province";
        }
        return null;
    }

    /** The birth year the number encodes: century from the sex digit, then two digits of year. */
    static int birthYear(String id) {
        int sexCentury = id.charAt(3) - '0';
        int century = 1900 + 100 * (sexCentury / 2);
        return century + Integer.parseInt(id.substring(4, 6));
    }

    static boolean agreesWith(String id, LocalDate dateOfBirth) {
        return birthYear(id) == dateOfBirth.getYear();
    }
}
