package org.yimen.calendar;

/** What an administrator can make of a single date. */
public enum DayStatus {
    /** A named day off, even on a weekday. */
    HOLIDAY,
    /** A named make-up working day (调休上班), even on a weekend. */
    MAKEUP_WORKDAY,
    /** Off the list again: Monday–Friday decides. */
    NORMAL
}
