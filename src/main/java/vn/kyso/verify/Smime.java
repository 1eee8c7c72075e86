package vn.kyso.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed e-mail (S/MIME, RFC 8551): a multipart/signed message is a detached signature over its
 * first part, an application/pkcs7-mime message an attached one. Only what is needed to find
 * those bytes is read; the signed part is taken in canonical form (CRLF line ends).
 */
final class Smime {

    /** What a message holds: the signature, and the signed content when it is detached. */
    record Parts(byte[] signature, byte[] content) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";\\r\\n]+)\"?", Pattern.CASE_INSENSITIVE);

    private Smime() {
    }

    static Parts parse(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int headerEnd = text.indexOf("\n\n");
        if (headerEnd < 0) {
            return null;
        }
        String headers = unfold(text.substring(0, headerEnd)).toLowerCase(Locale.ROOT);
        if (!headers.contains("mime-version") && !headers.contains("content-type")) {
            return null;
        }
        if (headers.contains("multipart/signed")) {
            Matcher m = BOUNDARY.matcher(unfold(text.substring(0, headerEnd)));
            return m.find() ? multipart(text.substring(headerEnd + 2), m.group(1).trim()) : null;
        }
        if (headers.contains("application/pkcs7-mime") || headers.contains("application/x-pkcs7-mime")) {
            byte[] der = base64(text.substring(headerEnd + 2));
            return der == null ? null : new Parts(der, null);
        }
        return null;
    }

    private static Parts multipart(String body, String boundary) {
        String delimiter = "\n--" + boundary;
        String padded = "\n" + body;
        int first = padded.indexOf(delimiter);
        int second = first < 0 ? -1 : padded.indexOf(delimiter, first + delimiter.length());
        int third = second < 0 ? -1 : padded.indexOf(delimiter, second + delimiter.length());
        if (second < 0) {
            return null;
        }
        String signedPart = padded.substring(padded.indexOf('\n', first + delimiter.length()) + 1, second);
        String signaturePart = padded.substring(padded.indexOf('\n', second + delimiter.length()) + 1,
                third < 0 ? padded.length() : third);
        int blank = signaturePart.indexOf("\n\n");
        byte[] der = blank < 0 ? null : base64(signaturePart.substring(blank + 2));
        if (der == null) {
            return null;
        }
        return new Parts(der, signedPart.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String unfold(String headers) {
        return headers.replaceAll("\n[ \t]+", " ");
    }
}
