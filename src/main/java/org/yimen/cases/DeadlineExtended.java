package org.yimen.cases;

import java.time.LocalDate;

/** The department head approved a case's one extension (延期); the new due dates. */
public record DeadlineExtended(String caseNumber, long departmentId, int days, LocalDate promisedDue,
        LocalDate statutoryDue) {
}
