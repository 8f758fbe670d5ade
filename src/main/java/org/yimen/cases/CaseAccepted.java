package org.yimen.cases;

import java.time.LocalDate;

/** 受理: the case is accepted under the item version in force at intake. */
public record CaseAccepted(String caseNumber, String itemCode, int itemVersion, long departmentId,
        LocalDate acceptedOn, int visits) {
}
