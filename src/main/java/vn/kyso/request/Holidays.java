package vn.kyso.request;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One year's calendar of days off, put together from the fixed-date public holidays of the
 * configuration and the days an administrator entered for that year. Entered days win: they can
 * add a day off (Tết, Hùng Kings' day, the day next to 2 September), make a weekend day a working
 * day (a Saturday worked in exchange), or cancel a default. Pure, like {@link WorkingDays}.
 */
public final class Holidays {

    public enum Source { DEFAULT, SUBSTITUTE, ENTERED }

    /** A day that differs from the plain week: off, or (working = true) worked although a weekend or default. */
    public record Day(LocalDate date, String name, boolean working, Source source) {
    }

    /** A public holiday on the same date every year. */
    public record Fixed(MonthDay day, String name) {

        /** Reads "MM-DD Name", as written in the configuration. */
        public static Fixed parse(String text) {
            String trimmed = text.strip();
            int space = trimmed.indexOf(' ');
            String date = space < 0 ? trimmed : trimmed.substring(0, space);
            String name = space < 0 ? date : trimmed.substring(space + 1).strip();
            try {
                return new Fixed(MonthDay.parse("--" + date), name);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("A fixed holiday is written MM-DD Name, not: " + text, e);
            }
        }
    }

    private Holidays() {
    }

    /**
     * The year's days, in date order. A fixed holiday on a Saturday or Sunday gives the next
     * working day off instead when {@code substitute} is set (Labour Code 2019, Art. 111(3)); the
     * days an administrator enters are taken as the official announcement gives them.
     */
    public static List<Day> of(int year, List<Fixed> fixed, boolean substitute, Collection<Day> entered) {
        Map<LocalDate, Day> entries = new LinkedHashMap<>();
        for (Day day : entered) {
            entries.put(day.date(), new Day(day.date(), day.name(), day.working(), Source.ENTERED));
        }
        Map<LocalDate, Day> days = new LinkedHashMap<>();
        for (Fixed f : fixed) {
            LocalDate date = f.day().atYear(year);
            days.put(date, new Day(date, f.name(), false, Source.DEFAULT));
        }
        days.putAll(entries);
        if (substitute) {
            // the next weekday that is neither a default holiday nor already a substitute; when an
            // administrator entered that day (the announcement's own substitute), the entry stands
            Set<LocalDate> taken = new HashSet<>();
            fixed.forEach(f -> taken.add(f.day().atYear(year)));
            List<Day> weekendDefaults = days.values().stream()
                    .filter(d -> d.source() == Source.DEFAULT && weekend(d.date()))
                    .sorted(Comparator.comparing(Day::date)).toList();
            for (Day d : weekendDefaults) {
                LocalDate next = d.date().plusDays(1);
                while (weekend(next) || taken.contains(next)) {
                    next = next.plusDays(1);
                }
                taken.add(next);
                if (!entries.containsKey(next)) {
                    days.put(next, new Day(next, "Nghỉ bù " + d.name(), false, Source.SUBSTITUTE));
                }
            }
        }
        List<Day> list = new ArrayList<>(days.values());
        list.sort(Comparator.comparing(Day::date));
        return list;
    }

    /** The working-day counter for these days (several years may be given together). */
    public static WorkingDays workingDays(Collection<Day> days) {
        List<LocalDate> off = new ArrayList<>();
        List<LocalDate> worked = new ArrayList<>();
        for (Day d : days) {
            (d.working() ? worked : off).add(d.date());
        }
        return new WorkingDays(off, worked);
    }

    static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
