package org.yimen.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** Mark someone absent; times are local to the hall ({@code 2026-05-06T09:00}) and the end is exclusive. */
record AbsenceForm(
        @NotBlank @Size(max = 200) @Nullable String reason,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime startsAt,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime endsAt) {

    static AbsenceForm empty() {
        return new AbsenceForm("", null, null);
    }
}
