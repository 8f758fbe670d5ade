package org.yimen.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create or change an A/B post: two different active officers, optionally at a window. */
record PostForm(
        @NotBlank @Size(max = 100) @Nullable String name,
        @NotNull @Nullable Long departmentId,
        @Nullable Long windowId,
        @NotNull @Nullable Long officerAId,
        @NotNull @Nullable Long officerBId) {

    static PostForm empty() {
        return new PostForm("", null, null, null, null);
    }
}
