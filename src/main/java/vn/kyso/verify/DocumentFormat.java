package vn.kyso.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an upload is, told from its content and never from its name. */
enum DocumentFormat {
    PDF,
    CMS_ATTACHED,
    CMS_DETACHED,
    UNKNOWN;

    /**
     * RFC 7468 armour, lax form: the boundaries are lines of their own (blanks may indent them), the
     * BEGIN line ends at its "-----", and only base64 and blanks lie between. A boundary in the middle
     * of a line is not armour: such a file is not read as a signature.
     */
    private static final Pattern PEM = Pattern.compile(
            "^[ \\t]*-----BEGIN (PKCS7|CMS|SIGNED DATA)-----[ \\t]*\\r?\\n([A-Za-z0-9+/=\\s]+?)^[ \\t]*-----END \\1-----[ \\t]*$",
            Pattern.MULTILINE);

    /** A DER SEQUENCE: CMS, even when the PDF it signs shows through in its first kilobyte. */
    static boolean isDer(byte[] data) {
        return data.length > 0 && data[0] == 0x30;
    }

    static boolean isPdf(byte[] data) {
        // Readers accept the header anywhere in the first kilobyte; so must the detection.
        String head = new String(data, 0, Math.min(data.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    /** DER from a PEM-armoured CMS, the bytes themselves when they look like DER, else null. */
    static byte[] cmsDer(byte[] data) {
        if (isDer(data)) {
            return data;
        }
        // PEM files may carry explanatory text before the armour.
        String head = new String(data, 0, Math.min(data.length, 8192), StandardCharsets.ISO_8859_1);
        if (!head.contains("-----BEGIN")) {
            return null;
        }
        Matcher m = PEM.matcher(new String(data, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return null;
        }
        try {
            // Only line breaks and spaces may sit between the characters: anything else is damage.
            return Base64.getDecoder().decode(m.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
