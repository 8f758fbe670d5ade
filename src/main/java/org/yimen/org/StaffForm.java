package org.yimen.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Create or change a member of staff. A blank phone on change keeps the stored one, since forms only ever show it
 * masked. No password here: a new account cannot sign in until a password is set.
 */
record StaffForm(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{org.validation.code}") @Nullable String staffNumber,
        @NotBlank @Size(max = 50) @Nullable String name,
        @Nullable Long departmentId,
        @Nullable Set<Role> roles,
        @Size(max = 32) @Pattern(regexp = "[0-9+\\- ]*", message = "{org.validation.phone}") @Nullable String phone,
        @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{org.validation.username}") @Nullable String username,
        boolean active) {

    static StaffForm empty() {
        return new StaffForm("", "", null, Set.of(Role.CLERK), "", "", true);
    }

    Set<Role> roleSet() {
        return roles == null ? Set.of() : Set.copyOf(roles);
    }
}
