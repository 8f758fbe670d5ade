package org.yimen.reception;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Create or change a service line. */
record LineForm(
        @NotNull @Nullable Long hallId,
        @NotBlank @Size(max = 100) @Nullable String name,
        @NotBlank @Pattern(regexp = "[A-Z]{1,3}", message = "{reception.validation.prefix}") @Nullable String prefix,
        @Nullable List<@Size(max = 64) String> itemCodes,
        @NotNull @Nullable LocalTime opensAt,
        @NotNull @Nullable LocalTime closesAt,
        @NotNull @Min(1) @Max(100000) @Nullable Integer dailyCap,
        @Min(1) @Max(600) @Nullable Integer serviceMinutes,
        boolean kiosk,
        boolean active) {

    List<String> codes() {
        return itemCodes == null ? List.of() : itemCodes.stream().map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }
}
