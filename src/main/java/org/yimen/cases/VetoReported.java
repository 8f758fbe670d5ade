package org.yimen.cases;

/**
 * A consulted department vetoed in the joint review (否决): reported to the case's department head and the
 * supervisors before the decision.
 */
public record VetoReported(String caseNumber, long departmentId, long vetoingDepartmentId, String reason) {
}
