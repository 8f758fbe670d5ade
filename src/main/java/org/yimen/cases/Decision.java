package org.yimen.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The decision that completes a case (办结): approved with the number of the result document (准予许可决定书), or
 * disapproved with the reasons and the applicant's remedies (复议、诉讼). The result is due to the applicant within
 * {@code deliveryDue} (10 working days, 行政许可法 Art. 44).
 */
public record Decision(Outcome outcome, @Nullable String resultNumber, @Nullable String reason,
        @Nullable String remedies, String decidedBy, LocalDate completedOn, LocalDate deliveryDue) {

    public enum Outcome {
        /** 准予 */
        APPROVED,
        /** 不予 */
        DISAPPROVED
    }
}
