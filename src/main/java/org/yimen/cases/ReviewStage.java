package org.yimen.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.yimen.catalog.ServiceItem;

/**
 * A review stage (审查环节) of the guide as this case walks it: assigned when it opens to the officer acting for the
 * post the stage names (AB岗), or to the department head when the department has no such post. The joint-review
 * stage (网上会审) has no officer: it completes when every consulted department has answered or stayed silent.
 *
 * @param actingReason why this officer has it: {@code A}, {@code B_FOR_ABSENT_A}, {@code HEAD_FOR_BOTH_ABSENT},
 *     {@code VACANT}, or {@code HEAD} when no post bears the stage's name
 */
public record ReviewStage(int position, String name, String role, boolean jointReview, @Nullable Long postId,
        @Nullable Long officerId, @Nullable String officerName, @Nullable String actingReason,
        @Nullable LocalDate openedOn, @Nullable LocalDate completedOn, @Nullable String completedBy,
        @Nullable String opinion) {

    /** The guide's stage as this case will walk it; the guide's kind says whether it is the joint review. */
    static ReviewStage planned(int position, ServiceItem.Stage stage) {
        return new ReviewStage(position, stage.name(), stage.role(),
                stage.kind() == ServiceItem.Stage.Kind.JOINT_REVIEW, null, null, null, null, null, null, null, null);
    }

    public boolean open() {
        return openedOn != null && completedOn == null;
    }

    public boolean completed() {
        return completedOn != null;
    }

    ReviewStage assign(Assignment to, LocalDate today) {
        return new ReviewStage(position, name, role, jointReview, to.postId(), to.officerId(), to.officerName(),
                to.reason(), openedOn == null ? today : openedOn, null, null, null);
    }

    ReviewStage complete(String by, String opinionText, LocalDate today) {
        return new ReviewStage(position, name, role, jointReview, postId, officerId, officerName, actingReason,
                openedOn, today, by, opinionText);
    }

    /** Who a stage goes to: the post, the officer acting for it now and why (null officer: nobody can act, 空岗). */
    public record Assignment(@Nullable Long postId, @Nullable Long officerId, @Nullable String officerName,
            String reason) {
    }
}
