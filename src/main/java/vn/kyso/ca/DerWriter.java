package vn.kyso.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A growable buffer of DER. Only the few types a CRL's entries need; a CRL of 100,000 entries
 * spent most of its time building and encoding Bouncy Castle's ASN.1 objects one by one.
 */
final class DerWriter {

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int ENUMERATED = 0x0a;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;

    private byte[] buf;
    private int len;

    DerWriter(int capacity) {
        buf = new byte[Math.max(capacity, 16)];
    }

    int length() {
        return len;
    }

    void reset() {
        len = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    void write(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    void write(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buf, len, count);
        len += count;
    }

    /** Appends another writer's content as the value of a tag. */
    void tagged(int tag, DerWriter content) {
        header(tag, content.len);
        write(content.buf, 0, content.len);
    }

    void tagged(int tag, byte[] content) {
        header(tag, content.length);
        write(content);
    }

    void header(int tag, int length) {
        write(tag);
        if (length < 0x80) {
            write(length);
            return;
        }
        int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
        write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            write(length >>> (8 * i));
        }
    }

    /**
     * A non-negative INTEGER from the hex form serials are kept in (Pki.serialHex), without
     * going through BigInteger: 100,000 of those were a visible share of a CRL.
     */
    void integerHex(String hex) {
        int start = 0;
        int end = hex.length();
        while (start < end - 1 && hex.charAt(start) == '0') {
            start++;
        }
        int digits = end - start;
        int first = digits == 0 ? -1 : Character.digit(hex.charAt(start), 16);
        if (first < 0 || !allHex(hex, start, end)) {
            tagged(INTEGER, new BigInteger(hex, 16).toByteArray());
            return;
        }
        int bytes = (digits + 1) / 2;
        // the first byte's high bit would make the INTEGER negative: a 00 goes before it
        int topByte = digits % 2 == 1 ? first : (first << 4) | Character.digit(hex.charAt(start + 1), 16);
        boolean pad = topByte >= 0x80;
        header(INTEGER, bytes + (pad ? 1 : 0));
        if (pad) {
            write(0);
        }
        int i = start;
        if (digits % 2 == 1) {
            write(first);
            i++;
        }
        for (; i < end; i += 2) {
            write((Character.digit(hex.charAt(i), 16) << 4) | Character.digit(hex.charAt(i + 1), 16));
        }
    }

    private static boolean allHex(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5280 4.1.2.5: UTCTime for 1950 to 2049, GeneralizedTime otherwise; whole seconds, Zulu. */
    void time(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year >= 1950 && year <= 2049) {
            header(UTC_TIME, 13);
            two(year % 100);
            rest(t);
        } else {
            generalizedTime(t);
        }
    }

    void generalizedTime(Instant instant) {
        generalizedTime(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC));
    }

    private void generalizedTime(LocalDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("A year GeneralizedTime cannot hold: " + year);
        }
        header(GENERALIZED_TIME, 15);
        two(year / 100);
        two(year % 100);
        rest(t);
    }

    private void rest(LocalDateTime t) {
        two(t.getMonthValue());
        two(t.getDayOfMonth());
        two(t.getHour());
        two(t.getMinute());
        two(t.getSecond());
        write('Z');
    }

    private void two(int n) {
        write('0' + n / 10);
        write('0' + n % 10);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
