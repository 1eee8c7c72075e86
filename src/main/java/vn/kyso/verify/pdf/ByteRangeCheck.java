package vn.kyso.verify.pdf;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;

import vn.kyso.verify.pdf.PdfSignature.ByteRangeProblem;

/**
 * Checks one signature's /ByteRange against the raw file, and cuts the CMS out of /Contents.
 * The raw bytes are what a hash is computed over, so the gap is inspected there, not in PDFBox's
 * parsed view: a wrapping attack places the real /Contents elsewhere and leaves other bytes in the gap.
 */
final class ByteRangeCheck {

    record Result(long[] byteRange, ByteRangeProblem problem, byte[] signedBytes, int revision,
            boolean coversWholeDocument, long signedEnd) {
    }

    record Contents(byte[] cms, boolean paddingClean) {
    }

    private ByteRangeCheck() {
    }

    static Result check(COSBase byteRangeValue, COSBase contentsValue, byte[] pdf, List<RevisionScanner.End> ends) {
        COSBase value = byteRangeValue instanceof COSObject o ? o.getObject() : byteRangeValue;
        if (!(value instanceof COSArray array)) {
            return new Result(null, ByteRangeProblem.MISSING, null, 0, false, -1);
        }
        long[] range = new long[array.size()];
        boolean integers = true;
        for (int i = 0; i < array.size(); i++) {
            COSBase item = array.getObject(i);
            if (item instanceof COSInteger n) {
                range[i] = n.longValue();
            } else {
                integers = false;
            }
        }
        if (!integers || range.length != 4) {
            return new Result(range, ByteRangeProblem.MALFORMED, null, 0, false, -1);
        }
        long start = range[0];
        long a = range[1];
        long b = range[2];
        long c = range[3];
        if (start < 0 || a < 0 || b < 0 || c < 0) {
            return new Result(range, ByteRangeProblem.MALFORMED, null, 0, false, -1);
        }
        long end = b + c;
        long length = pdf.length;
        boolean ordered = start + a <= b;
        boolean inside = start + a <= length && end <= length;
        byte[] signed = ordered && inside ? concat(pdf, start, a, b, c) : null;
        int revision = RevisionScanner.revisionEndingAt(ends, end);
        boolean whole = end == length;

        ByteRangeProblem problem = null;
        if (start != 0) {
            problem = ByteRangeProblem.NOT_FROM_START;
        } else if (a == 0 || c == 0) {
            problem = ByteRangeProblem.MALFORMED;
        } else if (b <= a) {
            problem = ByteRangeProblem.OVERLAP;
        } else if (!inside) {
            problem = ByteRangeProblem.BEYOND_FILE;
        } else if (!gapHoldsContents(pdf, (int) a, (int) b, contentsValue)) {
            problem = ByteRangeProblem.GAP_IS_NOT_CONTENTS;
        } else if (revision == 0) {
            problem = ByteRangeProblem.NOT_AT_REVISION_END;
        }
        return new Result(range, problem, signed, revision, whole, inside ? end : -1);
    }

    private static byte[] concat(byte[] pdf, long start, long a, long b, long c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16, a + c));
        out.write(pdf, (int) start, (int) a);
        out.write(pdf, (int) b, (int) c);
        return out.toByteArray();
    }

    /**
     * The gap must be exactly one hex string, {@code <...>}, and decode to the very bytes the
     * signature dictionary's /Contents holds.
     */
    private static boolean gapHoldsContents(byte[] pdf, int a, int b, COSBase contentsValue) {
        if (b - a < 2 || pdf[a] != '<' || pdf[b - 1] != '>') {
            return false;
        }
        byte[] decoded = new byte[(b - a - 2) / 2];
        int n = 0;
        int high = -1;
        for (int i = a + 1; i < b - 1; i++) {
            int d = Character.digit(pdf[i], 16);
            if (d < 0) {
                return false;
            }
            if (high < 0) {
                high = d;
            } else {
                decoded[n++] = (byte) (high << 4 | d);
                high = -1;
            }
        }
        if (high >= 0) {
            return false;
        }
        COSBase value = contentsValue instanceof COSObject o ? o.getObject() : contentsValue;
        return value instanceof COSString s && Arrays.equals(s.getBytes(), Arrays.copyOf(decoded, n));
    }

    /** The DER of the outer SEQUENCE in /Contents; whatever follows must be zero padding. */
    static Contents contents(COSBase contentsValue) {
        COSBase value = contentsValue instanceof COSObject o ? o.getObject() : contentsValue;
        if (!(value instanceof COSString s)) {
            return new Contents(null, false);
        }
        byte[] bytes = s.getBytes();
        long derLength = derLength(bytes);
        if (derLength < 0 || derLength > bytes.length) {
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] == 0) {
                end--;
            }
            return new Contents(end == 0 ? null : Arrays.copyOf(bytes, end), false);
        }
        boolean clean = true;
        for (int i = (int) derLength; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                clean = false;
                break;
            }
        }
        return new Contents(Arrays.copyOf(bytes, (int) derLength), clean);
    }

    /**
     * Total length of the outer SEQUENCE, header included, or -1. Some signers write BER with
     * indefinite lengths (30 80 ... 00 00); its end-of-contents octets are zeros that belong to the
     * CMS, so they are found by walking the encoding rather than by stripping trailing zeros.
     */
    static long derLength(byte[] der) {
        if (der.length < 2 || der[0] != 0x30) {
            return -1;
        }
        long end = berEnd(der, 0, 0);
        return end < 0 ? -1 : end;
    }

    /** The offset just past the element starting at {@code at}, or -1 when it does not fit. */
    private static long berEnd(byte[] der, int at, int depth) {
        if (depth > 64 || at + 2 > der.length) {
            return -1;
        }
        int tag = der[at] & 0xff;
        int pos = at + 1;
        if ((tag & 0x1f) == 0x1f) {
            while (pos < der.length && (der[pos] & 0x80) != 0) {
                pos++;
            }
            pos++;
        }
        if (pos >= der.length) {
            return -1;
        }
        int first = der[pos++] & 0xff;
        if (first == 0x80) {
            if ((tag & 0x20) == 0) {
                return -1; // only constructed encodings may use an indefinite length
            }
            while (pos + 1 < der.length) {
                if (der[pos] == 0 && der[pos + 1] == 0) {
                    return pos + 2L;
                }
                long next = berEnd(der, pos, depth + 1);
                if (next < 0) {
                    return -1;
                }
                pos = (int) next;
            }
            return -1;
        }
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7f;
            if (count > 4 || pos + count > der.length) {
                return -1;
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | (der[pos++] & 0xff);
            }
        }
        long end = pos + length;
        return end > der.length ? -1 : end;
    }
}
