package org.yimen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MobileNumbersTest {

    @Test
    void mobileNumbersAreTakenAsPeopleTypeThem() {
        assertThat(MobileNumbers.parse("139 0851 4321")).contains("13908514321");
        assertThat(MobileNumbers.parse("+86 139-0851-4321")).contains("13908514321");
        assertThat(MobileNumbers.parse("008613908514321")).contains("13908514321");
        assertThat(MobileNumbers.parse("8613908514321")).contains("13908514321");
    }

    @Test
    void landlinesAndShortNumbersAreNoMobileNumbers() {
        assertThat(MobileNumbers.parse("0851-86812345")).isEmpty();
        assertThat(MobileNumbers.parse("12345")).isEmpty();
        assertThat(MobileNumbers.parse("12908514321")).isEmpty();
        assertThat(MobileNumbers.parse(null)).isEmpty();
    }
}
