package org.yimen.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create or change a department; the head must be a member of staff. */
record DepartmentForm(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{org.validation.code}") @Nullable String code,
        @NotBlank @Size(max = 100) @Nullable String name,
        @Nullable Long headStaffId,
        @Size(max = 32) @Pattern(regexp = "[0-9+\\- ]*", message = "{org.validation.phone}") @Nullable String phone) {

    static DepartmentForm empty() {
        return new DepartmentForm("", "", null, "");
    }
}
