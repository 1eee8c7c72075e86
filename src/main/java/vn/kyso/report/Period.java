package vn.kyso.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.kyso.common.ApiException;

/**
 * A reporting period in Vietnam's calendar: a half-year ({@code 2026-H1}: January to June), a year
 * ({@code 2026}), or any span of whole days. Its bounds are midnights in Vietnam, whatever the
 * server's zone, so a certificate issued at 23:30 on 30 June counts in the first half.
 */
public record Period(String name, LocalDate first, LocalDate last) {

    public static final ZoneId VIETNAM_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final ZoneId VIETNAM = VIETNAM_ZONE;
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** Long enough for a decade's figures in one go, short enough to bound the work. */
    private static final int MAX_DAYS = 3660;

    public static Period parse(String text) {
        String value = text == null ? "" : text.strip().toUpperCase();
        Matcher half = HALF.matcher(value);
        if (half.matches()) {
            int year = year(half.group(1));
            return half.group(2).equals("1")
                    ? new Period(value, LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30))
                    : new Period(value, LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31));
        }
        if (YEAR.matcher(value).matches()) {
            int year = year(value);
            return new Period(value, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        throw ApiException.badField("period", "error.report.period", text);
    }

    public static Period between(LocalDate first, LocalDate last) {
        if (first == null || last == null || last.isBefore(first)) {
            throw ApiException.badField("to", "error.report.range");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw ApiException.badField("to", "error.report.tooLong", MAX_DAYS);
        }
        return new Period(first + ".." + last, first, last);
    }

    public Instant start() {
        return first.atStartOfDay(VIETNAM).toInstant();
    }

    /** Exclusive: the midnight after the last day. */
    public Instant end() {
        return last.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (year < 2000 || year > 2100) {
            throw ApiException.badField("period", "error.report.period", digits);
        }
        return year;
    }
}
