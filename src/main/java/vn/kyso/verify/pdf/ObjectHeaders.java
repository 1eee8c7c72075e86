package vn.kyso.verify.pdf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.cos.COSObjectKey;

/**
 * Where each "N G obj" header sits in the file. A change is credited to the first update after the
 * signed revision that wrote the object; the final cross-reference table only tells the last one, and
 * writers often rewrite objects unchanged in later updates.
 */
final class ObjectHeaders {

    private static final Pattern HEADER = Pattern.compile("(?<![0-9])(\\d{1,10})[ \\t\\r\\n\\f\\x00]+(\\d{1,5})[ \\t\\r\\n\\f\\x00]+obj\\b");

    private final Map<COSObjectKey, List<Long>> offsets = new HashMap<>();

    ObjectHeaders(byte[] pdf, Deadline deadline) {
        Matcher m = HEADER.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int found = 0;
        while (m.find()) {
            if ((++found & 0xfff) == 0) {
                deadline.check();
            }
            try {
                COSObjectKey key = new COSObjectKey(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
                offsets.computeIfAbsent(key, k -> new ArrayList<>()).add((long) m.start());
            } catch (RuntimeException ignored) {
                // a number PDFBox would not accept either
            }
        }
    }

    /** The first offset at or after {@code from} where the object is written, or -1. */
    long firstAtOrAfter(COSObjectKey key, long from) {
        List<Long> list = key == null ? null : offsets.get(key);
        if (list != null) {
            for (long offset : list) {
                if (offset >= from) {
                    return offset;
                }
            }
        }
        return -1;
    }
}
