package org.yimen.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One year made ready for arithmetic: whether each day works, how many working days lie up to each day and where the
 * k-th working day falls. Any question about the year is then an array look-up instead of a walk through its days.
 * Immutable; a change to the schedule builds a new one.
 */
final class YearCalendar {

    private final int year;
    private final LocalDate firstDay;
    private final boolean[] working;
    /** {@code workedBefore[i]}: working days among the first {@code i} days of the year. */
    private final int[] workedBefore;
    /** {@code workingDays[k]}: day-of-year index (0-based) of the (k+1)-th working day. */
    private final int[] workingDays;
    private final Map<LocalDate, SpecialDay> special;

    private YearCalendar(int year, Map<LocalDate, SpecialDay> special) {
        this.year = year;
        this.firstDay = LocalDate.of(year, 1, 1);
        this.special = Map.copyOf(special);
        int length = firstDay.lengthOfYear();
        this.working = new boolean[length];
        this.workedBefore = new int[length + 1];
        int[] indexes = new int[length];
        int count = 0;
        DayOfWeek weekday = firstDay.getDayOfWeek();
        for (int i = 0; i < length; i++) {
            SpecialDay listed = special.get(firstDay.plusDays(i));
            boolean works = listed != null ? !listed.offDay() : !isWeekend(weekday);
            working[i] = works;
            if (works) {
                indexes[count++] = i;
            }
            workedBefore[i + 1] = count;
            weekday = weekday.plus(1);
        }
        this.workingDays = java.util.Arrays.copyOf(indexes, count);
    }

    static YearCalendar of(int year, Collection<SpecialDay> days) {
        for (SpecialDay day : days) {
            if (day.date().getYear() != year) {
                throw new IllegalArgumentException(day.date() + " is not in " + year);
            }
        }
        return new YearCalendar(year, days.stream().collect(Collectors.toMap(SpecialDay::date, Function.identity())));
    }

    /** Monday–Friday only: what a year without a published schedule falls back to. */
    static YearCalendar weekdaysOnly(int year) {
        return new YearCalendar(year, Map.of());
    }

    int year() {
        return year;
    }

    boolean isWorking(LocalDate date) {
        return working[index(date)];
    }

    /** Working days from 1 January up to and including {@code date}. */
    int workingUpTo(LocalDate date) {
        return workedBefore[index(date) + 1];
    }

    int totalWorking() {
        return workingDays.length;
    }

    /** The {@code k}-th working day of the year, counting from 1. */
    LocalDate workingDay(int k) {
        return firstDay.plusDays(workingDays[k - 1]);
    }

    CalendarDay day(LocalDate date) {
        SpecialDay listed = special.get(date);
        if (listed != null) {
            return listed.toCalendarDay();
        }
        return new CalendarDay(date, isWeekend(date.getDayOfWeek()) ? DayKind.WEEKEND : DayKind.WORKDAY, null);
    }

    List<SpecialDay> specialDays() {
        return special.values().stream().sorted(java.util.Comparator.comparing(SpecialDay::date)).toList();
    }

    private int index(LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is not in " + year);
        }
        return date.getDayOfYear() - 1;
    }

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
