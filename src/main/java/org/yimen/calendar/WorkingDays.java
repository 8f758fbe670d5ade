package org.yimen.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.yimen.shared.Rejected;

/**
 * Working-day arithmetic (工作日计算) for every time limit in yimen: the State Council's holidays and make-up working
 * days (调休) where the year's schedule is published, Monday–Friday where it is not, and always the honest answer
 * about which of the two it used.
 *
 * <p>Conventions, the same everywhere: a time limit of N working days starting on a date ends on the N-th working day
 * <em>after</em> that date (the start date never counts, 0 days is the start date itself), and a count of working days
 * between two dates counts those after the first up to and including the second.
 *
 * <p>Answers come from an in-memory calendar precomputed per year, so no question walks day by day; an edit or import
 * on any node reaches every node within {@code yimen.calendar.refresh-check}.
 */
@Service
public final class WorkingDays {

    /** The first and last year the calendar answers for; dates outside are refused as mistakes, not extrapolated. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;
    /** The longest time limit accepted, ten years' worth: anything longer is a typing error. */
    public static final int MAX_DAYS = 3650;

    private final CalendarSource source;

    WorkingDays(CalendarSource source) {
        this.source = source;
    }

    public boolean isWorkingDay(LocalDate date) {
        return source.current().isWorking(checkDate(date));
    }

    /** The date with what it is and why: ordinary weekday, weekend, named holiday or make-up working day. */
    public CalendarDay day(LocalDate date) {
        return source.current().day(checkDate(date));
    }

    /**
     * The {@code days}-th working day after {@code start}: 2026-09-30 plus 12 is 2026-10-22, the National Day week
     * skipped and the make-up Saturday 2026-10-10 counted. 0 returns {@code start} unchanged.
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        return dueDate(start, days).due();
    }

    /** As {@link #addWorkingDays}, also saying whether every year from start to due date had a published schedule. */
    public WorkingDayResult dueDate(LocalDate start, int days) {
        checkDate(start);
        if (days < 0 || days > MAX_DAYS) {
            throw Rejected.invalid("days", "calendar.days.outOfRange", "0", String.valueOf(MAX_DAYS));
        }
        CalendarSnapshot calendar = source.current();
        LocalDate due = calendar.add(start, days);
        List<Integer> unpublished = calendar.unpublishedYears(start.getYear(), due.getYear());
        return new WorkingDayResult(due, unpublished.isEmpty(), unpublished);
    }

    /**
     * Working days after {@code fromExclusive} up to and including {@code toInclusive}; so
     * {@code countWorkingDays(d, addWorkingDays(d, n)) == n}. Reversed dates give the negative count, which keeps
     * {@code count(a, b) + count(b, c) == count(a, c)}, e.g. how many working days a case is overdue.
     */
    public int countWorkingDays(LocalDate fromExclusive, LocalDate toInclusive) {
        return source.current().count(checkDate(fromExclusive), checkDate(toInclusive));
    }

    /** Whether the State Council's schedule for the year is in the calendar (shipped or imported). */
    public boolean isPublished(int year) {
        return source.current().isPublished(checkYear(year));
    }

    public YearPublication publication(int year) {
        return source.current().publication(checkYear(year));
    }

    /** The year's listed dates (holidays and make-up working days), in date order. */
    public List<CalendarDay> specialDays(int year) {
        return source.current().year(checkYear(year)).specialDays().stream().map(SpecialDay::toCalendarDay).toList();
    }

    static LocalDate checkDate(LocalDate date) {
        checkYear(date.getYear());
        return date;
    }

    static int checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw Rejected.invalid("date", "calendar.date.outOfRange", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
        return year;
    }
}
