package org.yimen.cases;

import org.jspecify.annotations.Nullable;
import org.yimen.shared.Rejected;

/**
 * 不予受理 with its reason and the applicant's remedies (复议、诉讼), or a matter outside this office's remit, which
 * names the competent department instead (行政许可法 Art. 32).
 */
public record Refusal(Kind kind, String reason, String remedies, @Nullable Long competentDepartmentId) {

    /** Why the application is not accepted. */
    public enum Kind {
        NOT_ACCEPTED, OUTSIDE_REMIT
    }

    public Refusal {
        if (kind == null) {
            throw Rejected.invalid("kind", "cases.refusal.kindRequired");
        }
        reason = reason == null ? "" : reason.strip();
        remedies = remedies == null ? "" : remedies.strip();
        if (reason.isEmpty()) {
            throw Rejected.invalid("reason", "cases.refusal.reasonRequired");
        }
        if (reason.length() > 1000 || remedies.length() > 1000) {
            throw Rejected.invalid(reason.length() > 1000 ? "reason" : "remedies", "cases.field.tooLong", 1000);
        }
        if (kind == Kind.NOT_ACCEPTED && remedies.isEmpty()) {
            throw Rejected.invalid("remedies", "cases.refusal.remediesRequired");
        }
        if (kind == Kind.OUTSIDE_REMIT && competentDepartmentId == null) {
            throw Rejected.invalid("competentDepartmentId", "cases.refusal.competentDepartmentRequired");
        }
        if (kind == Kind.NOT_ACCEPTED) {
            competentDepartmentId = null;
        }
    }
}
