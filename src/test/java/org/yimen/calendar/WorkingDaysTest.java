package org.yimen.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yimen.shared.Rejected;

class WorkingDaysTest {

    private final WorkingDays calendar = ShippedCalendar.workingDays();

    @Test
    void twelveWorkingDaysAfterTheLastDayOfSeptember2026EndOnTheTwentySecondOfOctober() {
        // National Day week off, Saturday 10 October a make-up working day
        var result = calendar.dueDate(LocalDate.of(2026, 9, 30), 12);

        assertThat(result.due()).isEqualTo(LocalDate.of(2026, 10, 22));
        assertThat(result.published()).isTrue();
        assertThat(result.unpublishedYears()).isEmpty();
    }

    @Test
    void theMakeUpSaturdayIsTheWorkingDayAfterFriday13February2026() {
        assertThat(LocalDate.of(2026, 2, 14).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void aDueDateInAYearWithoutAPublishedScheduleCountsMondayToFridayAndSaysSo() {
        var result = calendar.dueDate(LocalDate.of(2026, 12, 31), 1);

        assertThat(result.due()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(result.due().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(result.published()).isFalse();
        assertThat(result.unpublishedYears()).containsExactly(2027);
        assertThat(calendar.isPublished(2027)).isFalse();
        assertThat(calendar.isPublished(2026)).isTrue();
    }

    @Test
    void zeroWorkingDaysIsTheStartDateItselfEvenOnAHoliday() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 1), 0)).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void weekendsAndHolidaysAreSkipped() {
        // Friday to Monday
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        // Thursday 24 September, then the Mid-Autumn Festival 25–27 September
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 24), 1)).isEqualTo(LocalDate.of(2026, 9, 28));
        // Spring Festival 15–23 February 2026, then Tuesday 24th
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void aMakeUpSundayAcrossTheNewYearCounts() {
        // 1–3 January 2026 off, Sunday 4 January a make-up working day
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
    }

    @Test
    void holidaysOnWeekdaysAreNotWorkingDaysAndMakeUpDaysOnWeekendsAre() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 12))).isTrue();
    }

    @Test
    void saysWhatADayIsAndWhy() {
        assertThat(calendar.day(LocalDate.of(2026, 10, 1)))
                .isEqualTo(new CalendarDay(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, "国庆节"));
        assertThat(calendar.day(LocalDate.of(2026, 2, 14)))
                .isEqualTo(new CalendarDay(LocalDate.of(2026, 2, 14), DayKind.MAKEUP_WORKDAY, "春节"));
        assertThat(calendar.day(LocalDate.of(2026, 3, 7)).kind()).isEqualTo(DayKind.WEEKEND);
        assertThat(calendar.day(LocalDate.of(2026, 3, 9)).kind()).isEqualTo(DayKind.WORKDAY);
    }

    @Test
    void countsTheWorkingDaysAfterTheFirstDateUpToAndIncludingTheSecond() {
        LocalDate start = LocalDate.of(2026, 9, 30);
        LocalDate due = LocalDate.of(2026, 10, 22);

        assertThat(calendar.countWorkingDays(start, due)).isEqualTo(12);
        assertThat(calendar.countWorkingDays(start, start)).isZero();
        assertThat(calendar.countWorkingDays(start, LocalDate.of(2026, 10, 7))).isZero();
        assertThat(calendar.countWorkingDays(due, start)).isEqualTo(-12);
    }

    @Test
    void countsAcrossYears() {
        // 2025 as published has 248 working days
        assertThat(calendar.countWorkingDays(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31)))
                .isEqualTo(248);
        // 2027 unpublished: Monday–Friday, 261 days
        assertThat(calendar.countWorkingDays(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 12, 31)))
                .isEqualTo(261);
    }

    @Test
    void listsAYearsHolidaysAndMakeUpDaysInDateOrder() {
        List<CalendarDay> days = calendar.specialDays(2026);

        assertThat(days).hasSize(39);
        assertThat(days.getFirst().date()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(days).isSortedAccordingTo(java.util.Comparator.comparing(CalendarDay::date));
        assertThat(calendar.specialDays(2027)).isEmpty();
    }

    @Test
    void refusesNegativeOrHugeDayCountsAndDatesOutsideTheSupportedYears() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 5), -1))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("calendar.days.outOfRange"));
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 5), WorkingDays.MAX_DAYS + 1))
                .isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(1899, 12, 31)))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("calendar.date.outOfRange"));
    }
}
