package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.yimen.notifications.NotificationsProperties.LongMessages;

class ShortMessagePartsTest {

    @Test
    void seventyChineseCharactersFitOneMessageWithoutHeader() {
        String text = "办".repeat(70);
        var parts = ShortMessageParts.of(text, LongMessages.UDH, 7);
        assertThat(parts).hasSize(1);
        assertThat(parts.getFirst().udh()).isFalse();
        assertThat(new String(parts.getFirst().shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo(text);
    }

    @Test
    void aLongerTextIsCutIntoNumberedPartsOfSixtySevenCharacters() {
        String text = "政务服务中心".repeat(25);
        var parts = ShortMessageParts.of(text, LongMessages.UDH, 0x1234);
        assertThat(parts).hasSize(3);
        var joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            byte[] pdu = parts.get(i).shortMessage();
            assertThat(parts.get(i).udh()).isTrue();
            assertThat(pdu.length).isLessThanOrEqualTo(140);
            assertThat(Arrays.copyOf(pdu, 6)).containsExactly(5, 0, 3, 0x34, 3, i + 1);
            joined.append(new String(pdu, 6, pdu.length - 6, StandardCharsets.UTF_16BE));
        }
        assertThat(joined.toString()).isEqualTo(text);
        assertThat(new String(parts.get(0).shortMessage(), 6, 134, StandardCharsets.UTF_16BE)).hasSize(67);
    }

    @Test
    void aCharacterOfTwoUnitsIsNeverCutInHalf() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        var parts = ShortMessageParts.of(text, LongMessages.UDH, 1);
        assertThat(parts).hasSize(2);
        String first = new String(parts.get(0).shortMessage(), 6, parts.get(0).shortMessage().length - 6,
                StandardCharsets.UTF_16BE);
        assertThat(first).isEqualTo("a".repeat(66));
        assertThat(new String(parts.get(1).shortMessage(), 6, parts.get(1).shortMessage().length - 6,
                StandardCharsets.UTF_16BE)).isEqualTo("😀" + "b".repeat(10));
    }

    @Test
    void payloadModeSendsTheWholeTextInOnePdu() {
        String text = "受理".repeat(60);
        var parts = ShortMessageParts.of(text, LongMessages.PAYLOAD, 1);
        assertThat(parts).hasSize(1);
        assertThat(parts.getFirst().shortMessage()).isEmpty();
        assertThat(new String(parts.getFirst().payload(), StandardCharsets.UTF_16BE)).isEqualTo(text);
    }
}
