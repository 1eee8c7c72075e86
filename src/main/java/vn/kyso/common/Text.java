package vn.kyso.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vietnamese text as Kyso stores it: NFC, trimmed, single spaces; and a folded key for search. */
public final class Text {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Text() {
    }

    /** NFC with runs of white space collapsed; null and blank become null. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        String collapsed = SPACES.matcher(nfc).replaceAll(" ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /**
     * "Nguyễn Thị Đào" becomes "nguyen thi dao": what a person types without diacritics still
     * finds the record. Đ/đ has no decomposition, so it is mapped by hand.
     */
    public static String fold(String value) {
        String cleaned = clean(value);
        if (cleaned == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return bare.toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern matching values that contain {@code needle}, with LIKE's own characters escaped by '\'. */
    public static String containsPattern(String needle) {
        String escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
