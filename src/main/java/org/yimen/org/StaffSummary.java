package org.yimen.org;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A member of staff as other modules may show them: the phone is always masked ({@code 138****5678}). */
public record StaffSummary(long id, String staffNumber, String name, @Nullable Long departmentId, Set<Role> roles,
        String maskedPhone, String username, boolean active) {

    public StaffSummary {
        roles = Set.copyOf(roles);
    }
}
