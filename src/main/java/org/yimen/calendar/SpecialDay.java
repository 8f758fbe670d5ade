package org.yimen.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A date the schedule lists: a day off ({@code offDay}) or a make-up working day (调休上班). */
record SpecialDay(LocalDate date, String name, boolean offDay) {

    static final int MAX_NAME_LENGTH = 50;

    SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }

    CalendarDay toCalendarDay() {
        return new CalendarDay(date, offDay ? DayKind.HOLIDAY : DayKind.MAKEUP_WORKDAY, name);
    }
}
