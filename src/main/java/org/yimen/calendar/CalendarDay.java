package org.yimen.calendar;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One date as the calendar sees it. {@code name} is the schedule's name for a listed date ("国庆节"), null for an
 * ordinary weekday or weekend.
 */
public record CalendarDay(LocalDate date, DayKind kind, @Nullable String name) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean working() {
        return kind.working();
    }

    /** Listed in the year's schedule (a holiday or a make-up working day) rather than following Monday–Friday. */
    public boolean special() {
        return kind == DayKind.HOLIDAY || kind == DayKind.MAKEUP_WORKDAY;
    }
}
