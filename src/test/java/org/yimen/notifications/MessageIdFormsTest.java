package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdFormsTest {

    @Test
    void aHexadecimalIdWithLettersHasOnlyItsDecimalForm() {
        assertThat(MessageIdForms.otherForms("A1B2C3")).containsExactly("10597059");
        assertThat(MessageIdForms.otherForms("00a1b2c3")).containsExactly("10597059");
    }

    @Test
    void anIdOfDecimalDigitsMayBeEitherSoItHasBothOtherForms() {
        assertThat(MessageIdForms.otherForms("10597059")).containsExactly("a1b2c3", "274296921");
    }

    @Test
    void partsAreComparedInLowerCaseWithoutLeadingZeros() {
        assertThat(MessageIdForms.folded("000A1B2C3")).isEqualTo("a1b2c3");
    }

    @Test
    void idsThatAreNoNumberOrWriteTheSameInBothBasesHaveNoOtherForm() {
        assertThat(MessageIdForms.otherForms("smsc-12")).isEmpty();
        assertThat(MessageIdForms.otherForms("9f-1")).isEmpty();
        assertThat(MessageIdForms.otherForms("0000")).isEmpty();
        assertThat(MessageIdForms.otherForms("7")).isEmpty();
        assertThat(MessageIdForms.otherForms("F".repeat(66))).isEmpty();
    }
}
