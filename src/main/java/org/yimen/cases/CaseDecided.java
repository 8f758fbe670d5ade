package org.yimen.cases;

import java.time.LocalDate;

/**
 * A case was decided and completed (办结); its clocks stop. The result is due to the applicant by
 * {@code deliveryDue}; the due dates tell whether the promise was kept.
 */
public record CaseDecided(String caseNumber, long departmentId, Decision.Outcome outcome, LocalDate completedOn,
        LocalDate deliveryDue, LocalDate promisedDue, LocalDate statutoryDue) {
}
