package org.yimen.cases;

/** Where a case stands at intake. */
public enum CaseState {
    /** Handed in; the clerk is checking the materials against the guide. */
    SUBMITTED,
    /** 一次性告知书 issued: waiting for the applicant; the office clock does not run. */
    WAITING_FOR_MATERIALS,
    /** 受理: the promised and statutory clocks run from the next working day. */
    ACCEPTED,
    /** 不予受理, or outside this office's remit with the competent department named. */
    REFUSED
}
