package vn.kyso.request;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Set;

/**
 * Counts working days (ngày làm việc): Monday to Friday, less the days off of the calendar, plus
 * the weekend days worked in exchange for a bridge holiday. Pure: the calendar is handed in.
 */
public final class WorkingDays {

    /** Ten years of days off in a row cannot happen; a loop that gets this far has a broken calendar. */
    private static final int LIMIT = 3660;

    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workedWeekendDays;

    public WorkingDays(Collection<LocalDate> daysOff, Collection<LocalDate> workedWeekendDays) {
        this.daysOff = Set.copyOf(daysOff);
        this.workedWeekendDays = Set.copyOf(workedWeekendDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workedWeekendDays.contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !daysOff.contains(day);
    }

    /** The first working day after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        return after(day, 1);
    }

    /** The {@code n}-th working day after {@code day}; {@code day} itself never counts. */
    public LocalDate after(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        LocalDate current = day;
        int counted = 0;
        for (int i = 0; i < LIMIT; i++) {
            current = current.plusDays(1);
            if (isWorkingDay(current) && ++counted == n) {
                return current;
            }
        }
        throw new IllegalStateException("No working day within ten years after " + day);
    }

    /**
     * The working day on which something received at {@code receivedAt} (local time) counts as
     * received: that day, or the next working day when it came on a day off or at or after
     * {@code officeCloses} (null: no closing time).
     */
    public LocalDate receiptDay(LocalDateTime receivedAt, LocalTime officeCloses) {
        LocalDate day = receivedAt.toLocalDate();
        boolean late = officeCloses != null && !receivedAt.toLocalTime().isBefore(officeCloses);
        return late || !isWorkingDay(day) ? nextWorkingDay(day) : day;
    }

    /**
     * The last day of a period of {@code days} working days for something received at
     * {@code receivedAt}: a period counted in days starts on the day after the event (Civil Code
     * 2015, Art. 147), and here only working days count.
     */
    public LocalDate due(LocalDateTime receivedAt, int days, LocalTime officeCloses) {
        return after(receiptDay(receivedAt, officeCloses), days);
    }

    /**
     * Working days from the day after {@code from} up to and including {@code to}; zero when
     * {@code to} is not after {@code from}.
     */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
