package org.yimen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phonesKeepTheFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone(" 13812345678 ")).isEqualTo("138****5678");
        assertThat(Masking.phone("85281234")).isEqualTo("******34");
        assertThat(Masking.phone(null)).isEmpty();
    }

    @Test
    void idNumbersNeverShowTheBirthDate() {
        assertThat(Masking.idNumber("520102199001011234")).isEqualTo("520***********1234");
        assertThat(Masking.idNumber("52010219900101123X")).isEqualTo("520***********123X");
        // Old 15-digit cards: the birth date (YYMMDD) ends at the twelfth digit, so only three are kept.
        assertThat(Masking.idNumber("520102900101123")).isEqualTo("************123");
        assertThat(Masking.idNumber("USA110078052701")).isEqualTo("***********2701");
        assertThat(Masking.idNumber("EA1234567")).isEqualTo("*****4567");
        assertThat(Masking.idNumber("H123")).isEqualTo("****");
        assertThat(Masking.idNumber("")).isEmpty();
        assertThat(Masking.idNumber(null)).isEmpty();
    }

    @Test
    void freeTextHasEveryPhoneAndIdNumberMasked() {
        assertThat(Masking.inText("call 13812345678 or +86 13987654321, id 52010219900101123X."))
                .isEqualTo("call 138****5678 or +86 139****4321, id 520***********123X.");
        assertThat(Masking.inText("(phone)=(13812345678)")).isEqualTo("(phone)=(138****5678)");
        assertThat(Masking.inText("8613812345678")).isEqualTo("86138****5678");
    }

    @Test
    void freeTextLeavesOtherNumbersAlone() {
        assertThat(Masking.inText("order 123456789012 took 1381234567891 ns")).isEqualTo(
                "order 123456789012 took 1381234567891 ns");
        assertThat(Masking.inText("trace 4bf92f3577b34da6a3ce929d0e0e4736")).isEqualTo(
                "trace 4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Masking.inText("session 123456789012345678 row")).isEqualTo("session 123456789012345678 row");
    }
}
