package org.yimen.notifications;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * A delivery receipt (状态报告) as the SMSC sends it in a {@code deliver_sm}: the id its {@code submit_sm_resp} gave
 * the part, and the final state ({@code DELIVRD}, {@code UNDELIV}, {@code EXPIRED}, {@code REJECTD}…). SMPP 3.4 puts
 * both in the {@code receipted_message_id} and {@code message_state} parameters, and most SMSCs also (or only) in the
 * text, {@code id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…}; the parameters win. The text's
 * {@code text:} field repeats the start of the message and is never kept.
 */
record Receipt(String messageId, String state) {

    /** Longest message id kept: the width of {@code ntf_sms_part.message_id}, and SMPP's 65 octets. */
    static final int MAX_ID_LENGTH = 65;
    private static final List<String> TEXT_STATES = List.of("ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV",
            "ACCEPTD", "UNKNOWN", "REJECTD");
    private static final Pattern ID = Pattern.compile("(?i)(?:^|\\s)id:(\\S{1," + MAX_ID_LENGTH + "})");
    private static final Pattern STATE = Pattern.compile("(?i)(?:^|\\s)stat:([A-Z]{1,8})");

    Receipt {
        if (messageId.isBlank() || messageId.length() > MAX_ID_LENGTH || state.isBlank() || state.length() > 8) {
            throw new IllegalArgumentException("a receipt has a message id of at most 65 characters and a state");
        }
    }

    /** The receipt in a {@code deliver_sm}; empty when it has no id or no state that can be read. */
    static Optional<Receipt> of(DeliverSm deliverSm) {
        String id = null;
        String state = null;
        if (deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)
                instanceof OptionalParameter.COctetString receipted) {
            id = receipted.getValueAsString();
        }
        if (deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE)
                instanceof OptionalParameter.Byte messageState) {
            state = stateName(messageState.getValue());
        }
        byte[] text = deliverSm.getShortMessage();
        return of(id, state, text == null ? "" : new String(text, StandardCharsets.ISO_8859_1));
    }

    static Optional<Receipt> of(@Nullable String parameterId, @Nullable String parameterState, String text) {
        String id = parameterId != null && !parameterId.isBlank() ? parameterId.strip() : find(ID, text);
        String state = parameterState != null ? parameterState : find(STATE, text);
        if (id == null || state == null || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new Receipt(id, state.toUpperCase(Locale.ROOT)));
    }

    /**
     * What the state means for the message: delivered, not delivered, or nothing yet ({@code ENROUTE},
     * {@code ACCEPTD}, {@code UNKNOWN} and anything else do not say whether the handset got it).
     */
    @Nullable Delivery outcome() {
        return switch (state) {
            case "DELIVRD" -> Delivery.DELIVERED;
            case "UNDELIV", "EXPIRED", "REJECTD", "DELETED" -> Delivery.UNDELIVERED;
            default -> null;
        };
    }

    /** The {@code message_state} value (SMPP 3.4, 5.2.28) under the name the receipt text uses. */
    private static @Nullable String stateName(byte value) {
        return value >= 1 && value <= TEXT_STATES.size() ? TEXT_STATES.get(value - 1) : null;
    }

    private static @Nullable String find(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
