package vn.kyso.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Three working days from receipt, counted from the day after, across weekends, holidays and Tết. */
class WorkingDaysTest {

    private static final WorkingDays PLAIN = new WorkingDays(List.of(), List.of());
    private static final LocalTime NO_CLOSING = null;

    private static LocalDateTime at(String date, int hour) {
        return LocalDate.parse(date).atTime(hour, 0);
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void aWeekdayReceiptIsDueThreeWorkingDaysLater() {
        // Monday 2 March 2026: Tuesday, Wednesday, Thursday
        assertThat(PLAIN.due(at("2026-03-02", 10), 3, NO_CLOSING)).isEqualTo(day("2026-03-05"));
    }

    @Test
    void theWeekendDoesNotCount() {
        // Thursday: Friday, (weekend), Monday, Tuesday
        assertThat(PLAIN.due(at("2026-03-05", 10), 3, NO_CLOSING)).isEqualTo(day("2026-03-10"));
        // Friday: Monday, Tuesday, Wednesday
        assertThat(PLAIN.due(at("2026-03-06", 10), 3, NO_CLOSING)).isEqualTo(day("2026-03-11"));
    }

    @Test
    void aRequestReceivedOnTheWeekendCountsAsReceivedOnMonday() {
        assertThat(PLAIN.receiptDay(at("2026-03-07", 10), NO_CLOSING)).isEqualTo(day("2026-03-09"));
        // received Monday, so Tuesday, Wednesday, Thursday
        assertThat(PLAIN.due(at("2026-03-07", 10), 3, NO_CLOSING)).isEqualTo(day("2026-03-12"));
        assertThat(PLAIN.due(at("2026-03-08", 23), 3, NO_CLOSING)).isEqualTo(day("2026-03-12"));
    }

    @Test
    void aHolidayOnFridayExtendsTheDeadlineOverTheLongWeekend() {
        WorkingDays calendar = new WorkingDays(List.of(day("2026-04-30"), day("2026-05-01")), List.of());
        assertThat(calendar.isWorkingDay(day("2026-05-01"))).isFalse();
        // Wednesday 29 April: Thursday and Friday are holidays, then Monday 4, Tuesday 5, Wednesday 6 May
        assertThat(calendar.due(at("2026-04-29", 9), 3, NO_CLOSING)).isEqualTo(day("2026-05-06"));
        assertThat(PLAIN.due(at("2026-04-29", 9), 3, NO_CLOSING)).isEqualTo(day("2026-05-04"));
    }

    @Test
    void theTetWeekIsSkippedWhole() {
        // Tết Bính Ngọ 2026 for civil servants: Saturday 14 to Sunday 22 February
        List<LocalDate> tet = new ArrayList<>();
        for (LocalDate d = day("2026-02-14"); !d.isAfter(day("2026-02-22")); d = d.plusDays(1)) {
            tet.add(d);
        }
        WorkingDays calendar = new WorkingDays(tet, List.of());
        // received on the last Friday before Tết: Monday 23, Tuesday 24, Wednesday 25
        assertThat(calendar.due(at("2026-02-13", 15), 3, NO_CLOSING)).isEqualTo(day("2026-02-25"));
        // filed online during Tết: counts as received on Monday 23, so due Thursday 26
        assertThat(calendar.receiptDay(at("2026-02-16", 8), NO_CLOSING)).isEqualTo(day("2026-02-23"));
        assertThat(calendar.due(at("2026-02-16", 8), 3, NO_CLOSING)).isEqualTo(day("2026-02-26"));
        assertThat(calendar.between(day("2026-02-13"), day("2026-02-25"))).isEqualTo(3);
    }

    @Test
    void aSaturdayWorkedInExchangeCounts() {
        // Monday 27 April taken off as a bridge, worked on Saturday 25 April instead
        WorkingDays calendar = new WorkingDays(List.of(day("2026-04-27")), List.of(day("2026-04-25")));
        assertThat(calendar.isWorkingDay(day("2026-04-25"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2026-04-26"))).isFalse();
        // Friday 24: Saturday 25, Tuesday 28, Wednesday 29
        assertThat(calendar.due(at("2026-04-24", 10), 3, NO_CLOSING)).isEqualTo(day("2026-04-29"));
    }

    @Test
    void afterOfficeHoursCountsAsTheNextWorkingDay() {
        LocalTime closes = LocalTime.of(16, 30);
        // Thursday before closing: Friday, Monday, Tuesday
        assertThat(PLAIN.due(LocalDate.parse("2026-03-05").atTime(16, 29), 3, closes)).isEqualTo(day("2026-03-10"));
        // Thursday at closing time: received Friday, so Monday, Tuesday, Wednesday
        assertThat(PLAIN.due(LocalDate.parse("2026-03-05").atTime(16, 30), 3, closes)).isEqualTo(day("2026-03-11"));
        // Friday evening: received Monday, so Thursday
        assertThat(PLAIN.due(at("2026-03-06", 18), 3, closes)).isEqualTo(day("2026-03-12"));
        // without a closing time the hour does not matter
        assertThat(PLAIN.due(at("2026-03-05", 23), 3, NO_CLOSING)).isEqualTo(day("2026-03-10"));
    }

    @Test
    void aDeadlineRunsIntoTheNextYear() {
        WorkingDays calendar = new WorkingDays(List.of(day("2027-01-01")), List.of());
        // Thursday 31 December 2026: New Year's Day off, then Monday 4, Tuesday 5, Wednesday 6 January
        assertThat(calendar.due(at("2026-12-31", 10), 3, NO_CLOSING)).isEqualTo(day("2027-01-06"));
    }

    @Test
    void countsBetweenDaysAndRefusesNonsense() {
        assertThat(PLAIN.between(day("2026-03-06"), day("2026-03-11"))).isEqualTo(3);
        assertThat(PLAIN.between(day("2026-03-11"), day("2026-03-06"))).isZero();
        assertThat(PLAIN.nextWorkingDay(day("2026-03-06"))).isEqualTo(day("2026-03-09"));
        assertThatThrownBy(() -> PLAIN.after(day("2026-03-06"), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
