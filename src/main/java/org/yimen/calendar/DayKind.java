package org.yimen.calendar;

/** What a date is in the working-day calendar, and so whether a time limit counts it. */
public enum DayKind {

    /** An ordinary Monday to Friday. */
    WORKDAY(true),
    /** An ordinary Saturday or Sunday. */
    WEEKEND(false),
    /** A day off the State Council's schedule lists (法定节假日 and the days moved next to it), whatever weekday. */
    HOLIDAY(false),
    /** 调休: a listed working day, usually a Saturday or Sunday that pays back a day off. */
    MAKEUP_WORKDAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean working() {
        return working;
    }
}
