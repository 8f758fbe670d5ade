package org.yimen.notifications;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a text becomes {@code submit_sm} PDUs. Chinese needs UCS2 (data_coding 8, two bytes a character), so one short
 * message holds 70 characters (140 bytes). A longer text is sent either as concatenated parts, each 67 characters
 * behind a six-byte user data header (IEI 00: 8-bit reference, total, sequence number) with the UDHI bit set in
 * esm_class, or whole in the {@code message_payload} parameter for SMSCs that split it themselves. A character
 * outside the basic plane (two UTF-16 units) is never cut in half.
 */
final class ShortMessageParts {

    /** One {@code submit_sm}: its {@code short_message}, or the whole text as {@code message_payload}. */
    record Part(byte[] shortMessage, byte[] payload, boolean udh) {
    }

    static final int SINGLE_BYTES = 140;
    static final int UDH_BYTES = 6;
    static final int UNITS_PER_PART = (SINGLE_BYTES - UDH_BYTES) / 2;
    static final int MAX_PARTS = 255;

    private ShortMessageParts() {
    }

    static List<Part> of(String text, NotificationsProperties.LongMessages mode, int reference) {
        byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
        if (ucs2.length <= SINGLE_BYTES) {
            return List.of(new Part(ucs2, new byte[0], false));
        }
        if (mode == NotificationsProperties.LongMessages.PAYLOAD) {
            return List.of(new Part(new byte[0], ucs2, false));
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + UNITS_PER_PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        if (chunks.size() > MAX_PARTS) {
            throw new IllegalArgumentException("a short message of " + text.length() + " characters is too long");
        }
        List<Part> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            var out = new ByteArrayOutputStream(SINGLE_BYTES);
            out.write(UDH_BYTES - 1);
            out.write(0x00);
            out.write(0x03);
            out.write(reference & 0xFF);
            out.write(chunks.size());
            out.write(i + 1);
            out.writeBytes(chunks.get(i).getBytes(StandardCharsets.UTF_16BE));
            parts.add(new Part(out.toByteArray(), new byte[0], true));
        }
        return List.copyOf(parts);
    }
}
