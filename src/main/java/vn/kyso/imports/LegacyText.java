package vn.kyso.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

import vn.kyso.common.ApiException;

/**
 * Reads the bytes of a text file as Vietnamese. UTF-8 (with or without a byte-order mark) is
 * decided strictly: every byte must decode. Anything else was saved by older software, in
 * Windows-1258 (tone marks as combining characters after the vowel) or in TCVN3/ABC (the .VnTime
 * fonts: one byte per precomposed letter). Both decode any byte, so the choice is made by which
 * reading gives Vietnamese words: letters of the Vietnamese alphabet, at most one tone mark per
 * word, no capital letter after a small one. When neither or both readings qualify, the file is
 * refused with the line at fault rather than guessed.
 */
public final class LegacyText {

    public static final String UTF8 = "UTF-8";
    public static final String UTF8_BOM = "UTF-8 (BOM)";
    public static final String UTF16 = "UTF-16";
    public static final String WINDOWS_1258 = "windows-1258";
    public static final String TCVN3 = "TCVN3";

    /**
     * TCVN 5712 for bytes 0x80–0xFF. From 0xA1 on these are the ABC (VN3) letters every .VnTime
     * font uses; the capital letters VN3 leaves out sit where VN1 puts them (0x80–0x9F and a few
     * free places), so text typed in either reads the same.
     */
    private static final char[] TCVN3_HIGH = (
            "\u00C0\u1EA2\u00C3\u00C1\u1EA0\u1EB6\u1EAC\u00C8\u1EBA\u1EBC\u00C9\u1EB8\u1EC6\u00CC\u1EC8\u0128"
            + "\u00CD\u1ECA\u00D2\u1ECE\u00D5\u00D3\u1ECC\u1ED8\u1EDC\u1EDE\u1EE0\u1EDA\u1EE2\u00D9\u1EE6\u0168"
            + "\u00A0\u0102\u00C2\u00CA\u00D4\u01A0\u01AF\u0110\u0103\u00E2\u00EA\u00F4\u01A1\u01B0\u0111\u1EB0"
            + "\u0300\u0309\u0303\u0301\u0323\u00E0\u1EA3\u00E3\u00E1\u1EA1\u1EB2\u1EB1\u1EB3\u1EB5\u1EAF\u1EB4"
            + "\u1EAE\u1EA6\u1EA8\u1EAA\u1EA4\u1EC0\u1EB7\u1EA7\u1EA9\u1EAB\u1EA5\u1EAD\u00E8\u1EC2\u1EBB\u1EBD"
            + "\u00E9\u1EB9\u1EC1\u1EC3\u1EC5\u1EBF\u1EC7\u00EC\u1EC9\u1EC4\u1EBE\u1ED2\u0129\u00ED\u1ECB\u00F2"
            + "\u1ED4\u1ECF\u00F5\u00F3\u1ECD\u1ED3\u1ED5\u1ED7\u1ED1\u1ED9\u1EDD\u1EDF\u1EE1\u1EDB\u1EE3\u00F9"
            + "\u1ED6\u1EE7\u0169\u00FA\u1EE5\u1EEB\u1EED\u1EEF\u1EE9\u1EF1\u1EF3\u1EF7\u1EF9\u00FD\u1EF5\u1ED0")
            .toCharArray();

    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    /** Every letter of the Vietnamese alphabet, with and without tone, both cases. */
    private static final Set<Character> LETTERS = letters();

    private LegacyText() {
    }

    record Decoded(String text, String encoding) {
    }

    static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(strictUtf8(bytes, 3), UTF8_BOM);
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            // Excel's "Unicode text" export
            return new Decoded(nfc(new String(bytes, StandardCharsets.UTF_16)), UTF16);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(nfc(text), UTF8);
        } catch (CharacterCodingException e) {
            return legacy(bytes);
        }
    }

    private static String strictUtf8(byte[] bytes, int offset) {
        try {
            return nfc(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
        } catch (CharacterCodingException e) {
            throw ApiException.badField("file", "imports.error.badUtf8", firstBadUtf8Line(bytes, offset));
        }
    }

    private static Decoded legacy(byte[] bytes) {
        String cp1258 = nfc(new String(bytes, Charset.forName("windows-1258")));
        String tcvn3 = nfc(tcvn3(bytes));
        Score a = score(cp1258);
        Score b = score(tcvn3);
        if (a.bad == 0 && (b.bad > 0 || a.good > b.good)) {
            return new Decoded(cp1258, WINDOWS_1258);
        }
        if (b.bad == 0 && (a.bad > 0 || b.good > a.good)) {
            return new Decoded(tcvn3, TCVN3);
        }
        if (a.bad == 0 && b.bad == 0) {
            throw ApiException.badField("file", "imports.error.encodingAmbiguous");
        }
        Score best = a.bad <= b.bad ? a : b;
        throw ApiException.badField("file", "imports.error.encodingUnknown", best.firstBadLine, best.firstBadWord);
    }

    /**
     * Writes Vietnamese text the way older software saved it: Windows-1258 with the tone as a
     * combining mark after its vowel, or TCVN3. For sample files and tests of the reading side.
     */
    public static byte[] encode(String text, String encoding) {
        String nfc = nfc(text);
        if (WINDOWS_1258.equals(encoding)) {
            StringBuilder out = new StringBuilder();
            for (char c : nfc.toCharArray()) {
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                StringBuilder base = new StringBuilder();
                StringBuilder tones = new StringBuilder();
                for (char d : decomposed.toCharArray()) {
                    (TONES.indexOf(d) >= 0 ? tones : base).append(d);
                }
                out.append(nfc(base.toString())).append(tones);
            }
            return out.toString().getBytes(Charset.forName("windows-1258"));
        }
        if (TCVN3.equals(encoding)) {
            byte[] out = new byte[nfc.length()];
            for (int i = 0; i < nfc.length(); i++) {
                char c = nfc.charAt(i);
                int index = new String(TCVN3_HIGH).indexOf(c);
                if (c >= 0x80 && index < 0) {
                    throw new IllegalArgumentException("TCVN3 has no " + c);
                }
                out[i] = (byte) (c < 0x80 ? c : 0x80 + index);
            }
            return out;
        }
        return nfc.getBytes(StandardCharsets.UTF_8);
    }

    static String tcvn3(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte value : bytes) {
            int b = value & 0xFF;
            out.append(b < 0x80 ? (char) b : TCVN3_HIGH[b - 0x80]);
        }
        return out.toString();
    }

    private record Score(int good, int bad, int firstBadLine, String firstBadWord) {
    }

    /** Words outside ASCII that read as Vietnamese (good) or cannot be Vietnamese (bad). */
    private static Score score(String text) {
        int good = 0;
        int bad = 0;
        int line = 1;
        int firstBadLine = 0;
        String firstBadWord = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (!wordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && wordChar(text.charAt(i))) {
                i++;
            }
            String word = trimPunctuation(text.substring(start, i));
            if (word.chars().allMatch(ch -> ch < 0x80)) {
                continue;
            }
            if (vietnamese(word)) {
                good++;
            } else {
                bad++;
                if (firstBadWord == null) {
                    firstBadWord = word;
                    firstBadLine = line;
                }
            }
        }
        return new Score(good, bad, firstBadLine, firstBadWord);
    }

    /** Dashes, quotes and the like around a word are punctuation, not part of it: "“Nguyễn”" and "–". */
    private static String trimPunctuation(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && punctuation(word.charAt(from))) {
            from++;
        }
        while (to > from && punctuation(word.charAt(to - 1))) {
            to--;
        }
        return word.substring(from, to);
    }

    /**
     * Only the punctuation office text uses: ASCII, dashes, curly quotes, the ellipsis and the
     * bullet. Not "·", "«" or "¡", which is what TCVN3 letters turn into when read as Windows-1258.
     */
    private static boolean punctuation(char c) {
        return c < 0x80 ? !Character.isLetterOrDigit(c) : "–—“”‘’…•".indexOf(c) >= 0;
    }

    private static boolean wordChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || c >= 0x80 && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                        && ",;\t\"".indexOf(c) < 0;
    }

    private static boolean vietnamese(String word) {
        int toned = 0;
        boolean sawLower = false;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (!LETTERS.contains(c)) {
                return false;
            }
            if (hasTone(c)) {
                toned++;
            }
            if (Character.isLowerCase(c)) {
                sawLower = true;
            } else if (sawLower) {
                return false;
            }
        }
        return toned <= 1;
    }

    private static boolean hasTone(char c) {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        for (int k = 1; k < decomposed.length(); k++) {
            if (TONES.indexOf(decomposed.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Set<Character> letters() {
        Set<Character> set = new HashSet<>();
        for (char c = 'a'; c <= 'z'; c++) {
            set.add(c);
            set.add(Character.toUpperCase(c));
        }
        String vowels = "aăâeêioôơuưy";
        for (char v : vowels.toCharArray()) {
            for (String tone : new String[] {"", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}) {
                String lower = Normalizer.normalize(v + tone, Normalizer.Form.NFC);
                String upper = Normalizer.normalize(Character.toUpperCase(v) + tone, Normalizer.Form.NFC);
                if (lower.length() == 1) {
                    set.add(lower.charAt(0));
                }
                if (upper.length() == 1) {
                    set.add(upper.charAt(0));
                }
            }
        }
        set.add('đ');
        set.add('Đ');
        return set;
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static int firstBadUtf8Line(byte[] bytes, int offset) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = offset;
        for (int i = offset; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }
}
