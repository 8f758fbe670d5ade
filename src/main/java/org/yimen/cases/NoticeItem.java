package org.yimen.cases;

import org.yimen.shared.Rejected;

/** One line of a one-time notice: a material of the guide, what is wrong with it and why. */
public record NoticeItem(String material, Problem problem, String reason) {

    /** What the notice says about the material. */
    public enum Problem {
        /** 未提交 */
        MISSING,
        /** 不符合要求: handed in but needs correcting; the reason says how. */
        DEFECTIVE
    }

    public NoticeItem {
        if (material == null || material.isBlank()) {
            throw Rejected.invalid("items", "cases.notice.materialRequired");
        }
        if (problem == null) {
            throw Rejected.invalid("items", "cases.notice.problemRequired");
        }
        reason = reason == null ? "" : reason.strip();
        if (problem == Problem.DEFECTIVE && reason.isEmpty()) {
            throw Rejected.invalid("items", "cases.notice.defectNeedsReason", material);
        }
        if (reason.length() > 1000) {
            throw Rejected.invalid("items", "cases.field.tooLong", 1000);
        }
    }
}
