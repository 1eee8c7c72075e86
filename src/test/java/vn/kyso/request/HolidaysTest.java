package vn.kyso.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The year's calendar from the fixed holidays, their substitutes, and what an administrator entered. */
class HolidaysTest {

    private static final List<Holidays.Fixed> FIXED = List.of(Holidays.Fixed.parse("01-01 Tết Dương lịch"),
            Holidays.Fixed.parse("04-30 Ngày Chiến thắng"), Holidays.Fixed.parse("05-01 Ngày Quốc tế Lao động"),
            Holidays.Fixed.parse("09-02 Quốc khánh"));

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static Holidays.Day entered(String date, String name, boolean working) {
        return new Holidays.Day(day(date), name, working, Holidays.Source.ENTERED);
    }

    @Test
    void fixedHolidaysOnWeekdaysAreTakenAsTheyAre() {
        List<Holidays.Day> days = Holidays.of(2026, FIXED, true, List.of());
        assertThat(days).extracting(Holidays.Day::date).containsExactly(day("2026-01-01"), day("2026-04-30"),
                day("2026-05-01"), day("2026-09-02"));
        assertThat(days).allMatch(d -> d.source() == Holidays.Source.DEFAULT && !d.working());
    }

    @Test
    void holidaysOnAWeekendGiveTheNextWorkingDaysOff() {
        // 2022: 1 January a Saturday, 30 April a Saturday and 1 May a Sunday; the announcements gave
        // 3 January and 2 and 3 May off
        List<Holidays.Day> days = Holidays.of(2022, FIXED, true, List.of());
        assertThat(days).filteredOn(d -> d.source() == Holidays.Source.SUBSTITUTE).extracting(Holidays.Day::date)
                .containsExactly(day("2022-01-03"), day("2022-05-02"), day("2022-05-03"));
        assertThat(days).filteredOn(d -> d.date().equals(day("2022-05-03"))).extracting(Holidays.Day::name)
                .containsExactly("Nghỉ bù Ngày Quốc tế Lao động");
        assertThat(Holidays.of(2022, FIXED, false, List.of())).hasSize(4);
    }

    @Test
    void enteredDaysAddToTheDefaultsAndAnEnteredSubstituteIsNotDoubled() {
        // 2023: 2 September a Saturday; the announcement gave Friday 1 and Monday 4 September
        List<Holidays.Day> days = Holidays.of(2023, FIXED, true, List.of(
                entered("2023-09-01", "Quốc khánh (ngày liền kề)", false),
                entered("2023-09-04", "Nghỉ bù Quốc khánh", false),
                entered("2023-04-29", "Giỗ Tổ Hùng Vương", false)));
        WorkingDays calendar = Holidays.workingDays(days);
        assertThat(calendar.isWorkingDay(day("2023-09-01"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2023-09-04"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2023-09-05"))).isTrue();
        assertThat(days).noneMatch(d -> d.source() == Holidays.Source.SUBSTITUTE && d.date().getMonthValue() == 9);
        assertThat(days).filteredOn(d -> d.date().equals(day("2023-09-04")))
                .extracting(Holidays.Day::source).containsExactly(Holidays.Source.ENTERED);
    }

    @Test
    void anEnteredWorkingDayCancelsADefaultOrMakesASaturdayCount() {
        List<Holidays.Day> days = Holidays.of(2026, FIXED, true, List.of(
                entered("2026-09-02", "Làm việc (đổi ngày)", true), entered("2026-09-05", "Làm bù", true)));
        WorkingDays calendar = Holidays.workingDays(days);
        assertThat(calendar.isWorkingDay(day("2026-09-02"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2026-09-05"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2026-09-06"))).isFalse();
    }

    @Test
    void fixedHolidaysAreReadFromTheConfigurationText() {
        Holidays.Fixed fixed = Holidays.Fixed.parse(" 09-02   Quốc khánh ");
        assertThat(fixed.day()).isEqualTo(MonthDay.of(9, 2));
        assertThat(fixed.name()).isEqualTo("Quốc khánh");
        assertThatThrownBy(() -> Holidays.Fixed.parse("2/9 Quốc khánh")).isInstanceOf(IllegalArgumentException.class);
    }
}
