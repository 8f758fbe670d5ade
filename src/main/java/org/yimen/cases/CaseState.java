package org.yimen.cases;

/** Where a case stands, from intake to delivery. */
public enum CaseState {
    /** Handed in; the clerk is checking the materials against the guide. */
    SUBMITTED,
    /** 一次性告知书 issued: waiting for the applicant; the office clock does not run. */
    WAITING_FOR_MATERIALS,
    /** 受理: under review through the guide's stages; the promised and statutory clocks run. */
    ACCEPTED,
    /** A special procedure (特殊程序) runs: the clocks stand still until it ends. */
    PAUSED,
    /** Decided (办结): approved or disapproved; the result is due to the applicant. */
    COMPLETED,
    /** The result reached the applicant (送达). */
    DELIVERED,
    /** 不予受理, or outside this office's remit with the competent department named. */
    REFUSED,
    /** Terminated (终止): the materials pledged under 容缺受理 did not arrive in time. */
    TERMINATED
}
