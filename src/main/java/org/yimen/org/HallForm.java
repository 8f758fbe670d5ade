package org.yimen.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create or change a hall. */
record HallForm(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{org.validation.code}") @Nullable String code,
        @NotBlank @Size(max = 100) @Nullable String name,
        @Size(max = 200) @Nullable String address,
        @Size(max = 32) @Pattern(regexp = "[0-9+\\- ]*", message = "{org.validation.phone}") @Nullable String phone) {

    static HallForm empty() {
        return new HallForm("", "", "", "");
    }
}
