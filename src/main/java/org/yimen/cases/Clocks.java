package org.yimen.cases;

import java.time.LocalDate;
import java.util.function.BiFunction;
import org.yimen.calendar.WorkingDayResult;

/**
 * The two clocks of an accepted case: the hall's promise (承诺时限) and the law's limit (法定时限), both in working days
 * after the acceptance date, which itself does not count. An on-the-spot item (即办, 0 days) is due the day it is
 * accepted. {@code published} is false when a year on the way had no published holiday schedule, so the dates may
 * still move.
 */
public record Clocks(LocalDate acceptedOn, int promisedDays, int statutoryDays, LocalDate promisedDue,
        LocalDate statutoryDue, boolean published) {

    /**
     * Starts both clocks on {@code acceptedOn}; {@code calendar} is {@code WorkingDays::dueDate}, passed in so the
     * rule can be tested without the calendar module.
     */
    static Clocks start(LocalDate acceptedOn, int promisedDays, int statutoryDays,
            BiFunction<LocalDate, Integer, WorkingDayResult> calendar) {
        WorkingDayResult promised = calendar.apply(acceptedOn, promisedDays);
        WorkingDayResult statutory = calendar.apply(acceptedOn, statutoryDays);
        return new Clocks(acceptedOn, promisedDays, statutoryDays, promised.due(), statutory.due(),
                promised.published() && statutory.published());
    }

    /** Both due dates moved by {@code days} working days (a special procedure's excluded days, an extension). */
    Clocks shift(int days, WorkingDayRules rules) {
        if (days == 0) {
            return this;
        }
        WorkingDayResult promised = rules.dueDate(promisedDue, days);
        WorkingDayResult statutory = rules.dueDate(statutoryDue, days);
        return new Clocks(acceptedOn, promisedDays, statutoryDays, promised.due(), statutory.due(),
                published && promised.published() && statutory.published());
    }
}
