package org.yimen.cases;

import java.time.LocalDate;
import org.yimen.calendar.WorkingDayResult;

/**
 * The working-day arithmetic a case needs, handed in by the service from the calendar module so the rules can be
 * tested without it.
 */
interface WorkingDayRules {

    /** The due date {@code days} working days after {@code start} (which is not counted). */
    WorkingDayResult dueDate(LocalDate start, int days);

    /** Working days after {@code fromExclusive} up to and including {@code toInclusive}. */
    int count(LocalDate fromExclusive, LocalDate toInclusive);

    default LocalDate add(LocalDate start, int days) {
        return dueDate(start, days).due();
    }
}
