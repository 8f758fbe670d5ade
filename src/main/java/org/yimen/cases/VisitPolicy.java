package org.yimen.cases;

/**
 * 决不让群众跑第三趟: complete materials are handled in one visit, incomplete ones after one notice in a second; a case
 * that needed a third visit is flagged for supervisors to look at.
 */
final class VisitPolicy {

    static final int FLAGGED_FROM = 3;

    private VisitPolicy() {
    }

    static boolean flagged(int visits) {
        return visits >= FLAGGED_FROM;
    }
}
