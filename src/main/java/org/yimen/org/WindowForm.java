package org.yimen.org;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create or change a window; its number is unique within its hall. */
record WindowForm(
        @NotNull @Nullable Long hallId,
        @NotNull @Min(1) @Max(9999) @Nullable Integer number,
        @NotBlank @Size(max = 100) @Nullable String name,
        @Nullable Long departmentId,
        boolean active) {

    static WindowForm empty(@Nullable Long hallId) {
        return new WindowForm(hallId, null, "", null, true);
    }
}
