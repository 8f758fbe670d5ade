package org.yimen.cases;

import java.time.LocalDate;

/** A case's clock runs again; the excluded working days moved both due dates. */
public record ClockResumed(String caseNumber, long departmentId, int excludedDays, LocalDate promisedDue,
        LocalDate statutoryDue) {
}
