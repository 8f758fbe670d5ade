package org.yimen.cases;

/** A review stage of a case was completed (by its officer, or the joint review when every department answered). */
public record StageCompleted(String caseNumber, long departmentId, int position, String stageName, String by) {
}
