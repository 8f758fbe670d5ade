package org.yimen.org;

import org.jspecify.annotations.Nullable;

/** A department (部门) with windows in the hall; its head acts for a post when both officers are absent. */
public record Department(long id, String code, String name, @Nullable Long headStaffId, String maskedPhone) {
}
