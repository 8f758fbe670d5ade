package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientsTest {

    @Test
    void emailAddressesKeepTheirLocalPartAndLowerTheDomain() {
        assertThat(Recipients.email(" Li.Ming@Example.CN ")).contains("Li.Ming@example.cn");
        assertThat(Recipients.email("no-at-sign")).isEmpty();
        assertThat(Recipients.email("a@b")).isEmpty();
        assertThat(Recipients.maskEmail("Li.Ming@example.cn")).isEqualTo("L***@example.cn");
    }

    @Test
    void serverErrorsLoseTheRecipient() {
        assertThat(Recipients.maskIn("550 no such user li@example.cn", "li@example.cn", "l***@example.cn"))
                .isEqualTo("550 no such user l***@example.cn");
        assertThat(Recipients.maskIn("invalid destination 13908514321", "13908514321", "139****4321"))
                .isEqualTo("invalid destination 139****4321");
    }
}
