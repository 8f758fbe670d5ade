package org.yimen.cases;

import java.time.LocalDate;

/** The promised and statutory clocks of an accepted case started, for supervision to watch. */
public record ClockStarted(String caseNumber, long departmentId, LocalDate startedOn, LocalDate promisedDue,
        LocalDate statutoryDue, boolean published) {
}
