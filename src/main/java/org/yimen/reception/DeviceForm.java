package org.yimen.reception;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Register a kiosk, hall board, window screen or evaluation pad; the last two name their window. */
record DeviceForm(
        @NotNull @Nullable DeviceKind kind,
        @NotNull @Nullable Long hallId,
        @Nullable Long windowId,
        @NotBlank @Size(max = 100) @Nullable String name) {

    static DeviceForm empty(@Nullable Long hallId) {
        return new DeviceForm(DeviceKind.KIOSK, hallId, null, "");
    }
}
