package org.yimen.reception;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.yimen.shared.Masking;

/**
 * A ticket the reception desk issues: the line, perhaps the item the citizen came for, a green-channel category (blank:
 * an ordinary ticket) and perhaps the citizen's mobile number for the reminder when the turn is near.
 */
record DeskTicketForm(@NotNull @Nullable Long hallId, @NotNull @Nullable Long lineId,
        @Size(max = 40) @Nullable String itemCode, @Size(max = 32) @Nullable String category,
        @Size(max = 20) @Nullable String phone) {

    static DeskTicketForm of(@Nullable Long hallId, @Nullable Long lineId, @Nullable String itemCode) {
        return new DeskTicketForm(hallId, lineId, itemCode, null, null);
    }

    Priority priority() {
        return greenCategory() == null ? Priority.NONE : Priority.GREEN_CHANNEL;
    }

    @Nullable String greenCategory() {
        return category == null || category.isBlank() ? null : category.strip();
    }

    /** Masks the number, so that a form written to a log never shows it. */
    @Override
    public String toString() {
        return "DeskTicketForm[hallId=%s, lineId=%s, itemCode=%s, category=%s, phone=%s]".formatted(hallId, lineId,
                itemCode, category, phone == null ? null : Masking.phone(phone));
    }
}
