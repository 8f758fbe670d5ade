package org.yimen.cases;

import org.jspecify.annotations.Nullable;

/** 不予受理, or outside this office's remit with the competent department named. */
public record CaseRefused(String caseNumber, long departmentId, Refusal.Kind kind,
        @Nullable Long competentDepartmentId) {
}
