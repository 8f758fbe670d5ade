package org.yimen.cases;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a citizen sees of a case after proving the case number and the last four digits of the phone: the item, the
 * state, the clocks with the working days left, the notices and the next step. The applicant only masked.
 *
 * @param promisedRemaining working days after today up to the promised due date; negative when overdue
 * @param statutoryRemaining the same for the statutory limit
 * @param supplementOnline an online case waiting for materials, whose applicant may upload them (网上补正)
 */
public record ProgressView(String caseNumber, String itemCode, String itemName, CaseState state,
        LocalDate submittedOn, @Nullable LocalDate acceptedOn, @Nullable LocalDate promisedDue,
        @Nullable LocalDate statutoryDue, @Nullable Integer promisedRemaining, @Nullable Integer statutoryRemaining,
        @Nullable Boolean dueDatesPublished, List<IssuedNotice> notices, @Nullable String refusalReason,
        @Nullable String refusalRemedies, @Nullable String competentDepartment, String maskedApplicantName,
        String maskedPhone, LocalDate today, List<Step> timeline, boolean supplementOnline) {

    /** The message key of what the citizen does next: online applicants owing materials upload them. */
    public String nextStepKey() {
        return supplementOnline ? "cases.progress.nextOnline.WAITING_FOR_MATERIALS" : "cases.progress.next." + state;
    }

    /** One step of the case's history in plain language. */
    public record Step(java.time.LocalDateTime at, String text) {
    }

    /** A one-time notice as the citizen reads it again: what was missing or defective and why. */
    public record IssuedNotice(int number, LocalDate issuedOn, List<Line> items) {
    }

    /** One material on a notice. */
    public record Line(String material, NoticeItem.Problem problem, String reason) {
    }
}
