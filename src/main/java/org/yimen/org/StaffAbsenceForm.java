package org.yimen.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A hall manager records an absence for a member of staff (who cannot do it themselves, say on sick leave). */
record StaffAbsenceForm(
        @NotNull @Nullable Long staffId,
        @NotBlank @Size(max = 200) @Nullable String reason,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime startsAt,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime endsAt) {

    static StaffAbsenceForm empty() {
        return new StaffAbsenceForm(null, "", null, null);
    }

    AbsenceForm absence() {
        return new AbsenceForm(reason, startsAt, endsAt);
    }
}
