package org.yimen.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A case waiting for someone (待办): the stage they act for, their department's opinion in a joint review, a veto to
 * acknowledge or an extension to approve (department heads). Queues sort by the working days left on the promise.
 */
public record WorkItem(long caseId, String caseNumber, String itemCode, String applicantName, CaseState state,
        Task task, @Nullable String stageName, @Nullable LocalDate promisedDue, @Nullable LocalDate opinionsDue,
        int remainingDays) {

    public enum Task {
        STAGE, OPINION, VETO, EXTENSION
    }

    WorkItem withRemaining(int days) {
        return new WorkItem(caseId, caseNumber, itemCode, applicantName, state, task, stageName, promisedDue,
                opinionsDue, days);
    }
}
