package org.yimen.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A consulted department's opinion in the joint review (网上会审), due by {@code due}. No answer by then is consent
 * (超时默认), recorded once. A veto needs a reason and is reported to the department head, who acknowledges it
 * before the decision, and to the supervisors.
 */
public record Opinion(long departmentId, LocalDate requestedOn, LocalDate due, @Nullable Answer answer,
        @Nullable String reason, @Nullable String answeredBy, @Nullable LocalDate answeredOn,
        @Nullable String acknowledgedBy, @Nullable LocalDate acknowledgedOn) {

    public enum Answer {
        CONSENT, VETO,
        /** No answer by the deadline: taken as consent (超时默认同意). */
        DEEMED_CONSENT
    }

    static Opinion requested(long departmentId, LocalDate today, LocalDate due) {
        return new Opinion(departmentId, today, due, null, null, null, null, null, null);
    }

    public boolean open() {
        return answer == null;
    }

    /** A veto the department head has not acknowledged yet. */
    public boolean vetoPending() {
        return answer == Answer.VETO && acknowledgedOn == null;
    }

    Opinion answer(Answer given, @Nullable String why, String by, LocalDate today) {
        return new Opinion(departmentId, requestedOn, due, given, why, by, today, null, null);
    }

    Opinion acknowledge(String by, LocalDate today) {
        return new Opinion(departmentId, requestedOn, due, answer, reason, answeredBy, answeredOn, by, today);
    }
}
