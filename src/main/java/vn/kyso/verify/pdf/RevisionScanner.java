package vn.kyso.verify.pdf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each revision of a PDF ends: after every %%EOF marker and its end-of-line. The first-page
 * section of a linearized file also ends in %%EOF, but it is not a revision anyone signed, so markers
 * inside the length the linearization dictionary declares are skipped (never the last one).
 */
final class RevisionScanner {

    private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    /** One revision end: the offset just after "%%EOF" and just after the end-of-line that follows it. */
    record End(long marker, long withEol) {
        boolean matches(long offset) {
            return offset >= marker && offset <= withEol;
        }
    }

    private RevisionScanner() {
    }

    static List<End> ends(byte[] pdf) {
        List<End> ends = new ArrayList<>();
        for (int i = indexOf(pdf, 0); i >= 0; i = indexOf(pdf, i + EOF.length)) {
            int end = i + EOF.length;
            int eol = end;
            if (eol < pdf.length && pdf[eol] == '\r') {
                eol++;
            }
            if (eol < pdf.length && pdf[eol] == '\n') {
                eol++;
            }
            ends.add(new End(end, eol));
        }
        long linearizedLength = linearizedLength(pdf);
        if (linearizedLength > 0 && ends.size() > 1) {
            List<End> kept = new ArrayList<>();
            for (int k = 0; k < ends.size(); k++) {
                End e = ends.get(k);
                boolean last = k == ends.size() - 1;
                if (last || e.withEol() >= linearizedLength - 32) {
                    kept.add(e);
                }
            }
            ends = kept;
        }
        return ends;
    }

    /** The 1-based revision that ends at {@code offset}, or 0 when no revision ends there. */
    static int revisionEndingAt(List<End> ends, long offset) {
        for (int k = 0; k < ends.size(); k++) {
            if (ends.get(k).matches(offset)) {
                return k + 1;
            }
        }
        return 0;
    }

    /** The 1-based revision holding {@code offset} (the first one ending after it). */
    static int revisionHolding(List<End> ends, long offset) {
        for (int k = 0; k < ends.size(); k++) {
            if (offset < ends.get(k).marker()) {
                return k + 1;
            }
        }
        return Math.max(1, ends.size());
    }

    private static int indexOf(byte[] data, int from) {
        outer:
        for (int i = from; i <= data.length - EOF.length; i++) {
            for (int j = 0; j < EOF.length; j++) {
                if (data[i + j] != EOF[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The /L of a linearization dictionary at the start of the file, or -1. */
    private static long linearizedLength(byte[] pdf) {
        String head = new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1);
        int at = head.indexOf("/Linearized");
        if (at < 0) {
            return -1;
        }
        int dictEnd = head.indexOf(">>", at);
        String dict = dictEnd > 0 ? head.substring(at, dictEnd) : head.substring(at);
        var m = java.util.regex.Pattern.compile("/L\\s+(\\d{1,15})").matcher(dict);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
