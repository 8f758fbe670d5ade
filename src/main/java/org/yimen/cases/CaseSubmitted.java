package org.yimen.cases;

/** An application was filed (收件), at a window or online, for the department that will decide it. */
public record CaseSubmitted(String caseNumber, String itemCode, int itemVersion, long departmentId, long hallId,
        Case.Channel channel) {
}
