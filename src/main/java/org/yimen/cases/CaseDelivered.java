package org.yimen.cases;

import java.time.LocalDate;

/** The result of a case reached the applicant (送达). */
public record CaseDelivered(String caseNumber, long departmentId, Delivery.Method method, LocalDate deliveredOn) {
}
