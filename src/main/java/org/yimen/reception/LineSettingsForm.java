package org.yimen.reception;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A service line as the hall manager's page edits it: the line itself, the appointment places per slot (预约号源) and
 * the windows that serve it. Item codes are typed one after another, separated by spaces, commas or new lines.
 */
record LineSettingsForm(
        @NotNull @Nullable Long hallId,
        @NotBlank @Size(max = 100) @Nullable String name,
        @NotBlank @Pattern(regexp = "[A-Z]{1,3}", message = "{reception.validation.prefix}") @Nullable String prefix,
        @Size(max = 2000) @Pattern(regexp = "[\\p{Alnum}\\-_.\\s,，;；]*", message = "{reception.validation.itemCodes}")
        @Nullable String itemCodes,
        @NotNull @DateTimeFormat(pattern = "HH:mm") @Nullable LocalTime opensAt,
        @NotNull @DateTimeFormat(pattern = "HH:mm") @Nullable LocalTime closesAt,
        @NotNull @Min(1) @Max(100000) @Nullable Integer dailyCap,
        @NotNull @Min(1) @Max(600) @Nullable Integer serviceMinutes,
        boolean kiosk,
        boolean active,
        @NotNull @Min(0) @Max(1000) @Nullable Integer appointmentCapacity,
        @NotNull @Min(10) @Max(240) @Nullable Integer appointmentSlotMinutes,
        @Nullable List<Long> windowIds) {

    static LineSettingsForm empty(@Nullable Long hallId) {
        return new LineSettingsForm(hallId, "", "", "", LocalTime.of(9, 0), LocalTime.of(17, 0), 300, 8, true, true,
                0, 60, List.of());
    }

    static LineSettingsForm of(ServiceLine line, int appointmentCapacity, int appointmentSlotMinutes,
            List<Long> windowIds) {
        return new LineSettingsForm(line.hallId(), line.name(), line.prefix(), String.join("\n", line.itemCodes()),
                line.opensAt(), line.closesAt(), line.dailyCap(), line.serviceMinutes(), line.kiosk(), line.active(),
                appointmentCapacity, appointmentSlotMinutes, windowIds);
    }

    /** The item codes, each once, in the order typed. */
    List<String> codes() {
        return itemCodes == null ? List.of() : Arrays.stream(itemCodes.split("[\\s,，;；]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    List<Long> windows() {
        return windowIds == null ? List.of() : windowIds.stream().distinct().toList();
    }

    LineForm line() {
        return new LineForm(hallId, name, prefix, codes(), opensAt, closesAt, dailyCap, serviceMinutes, kiosk,
                active);
    }
}
