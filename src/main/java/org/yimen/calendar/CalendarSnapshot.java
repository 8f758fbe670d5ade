package org.yimen.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole calendar as one node holds it at a moment: the years whose schedule is stored, and Monday–Friday for
 * every other year. Arithmetic jumps a year at a time using each year's totals, so adding 400 working days touches
 * two or three years, not 560 dates.
 */
final class CalendarSnapshot {

    private final Map<Integer, YearCalendar> stored;
    private final Map<Integer, YearPublication> publications;
    /** Built on first use; bounded because only years in the supported range are ever asked for. */
    private final Map<Integer, YearCalendar> weekdaysOnly = new ConcurrentHashMap<>();

    CalendarSnapshot(Map<Integer, YearCalendar> stored, Map<Integer, YearPublication> publications) {
        this.stored = Map.copyOf(stored);
        this.publications = Map.copyOf(publications);
    }

    static CalendarSnapshot empty() {
        return new CalendarSnapshot(Map.of(), Map.of());
    }

    YearCalendar year(int year) {
        WorkingDays.checkYear(year);
        YearCalendar calendar = stored.get(year);
        return calendar != null ? calendar : weekdaysOnly.computeIfAbsent(year, YearCalendar::weekdaysOnly);
    }

    YearPublication publication(int year) {
        return publications.getOrDefault(year, YearPublication.unpublished(year));
    }

    boolean isPublished(int year) {
        return publication(year).published();
    }

    boolean isWorking(LocalDate date) {
        return year(date.getYear()).isWorking(date);
    }

    CalendarDay day(LocalDate date) {
        return year(date.getYear()).day(date);
    }

    /** The {@code days}-th working day after {@code start}; {@code start} itself never counts. */
    LocalDate add(LocalDate start, int days) {
        if (days == 0) {
            return start;
        }
        YearCalendar calendar = year(start.getYear());
        int target = calendar.workingUpTo(start) + days;
        while (target > calendar.totalWorking()) {
            target -= calendar.totalWorking();
            calendar = year(calendar.year() + 1);
        }
        return calendar.workingDay(target);
    }

    /** Working days in (from, to]; the negative of count(to, from) when {@code to} is before {@code from}. */
    int count(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -count(to, from);
        }
        YearCalendar calendar = year(from.getYear());
        int count = -calendar.workingUpTo(from);
        while (calendar.year() < to.getYear()) {
            count += calendar.totalWorking();
            calendar = year(calendar.year() + 1);
        }
        return count + calendar.workingUpTo(to);
    }

    List<Integer> unpublishedYears(int fromYear, int toYear) {
        var years = new ArrayList<Integer>();
        for (int year = fromYear; year <= toYear; year++) {
            if (!isPublished(year)) {
                years.add(year);
            }
        }
        return years;
    }
}
