package org.yimen.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.yimen.support.YimenIntegrationTest;

/** Log lines written through the application's logging configuration never carry a full phone or ID number. */
@YimenIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingTest.class);

    @Test
    void phoneAndIdNumbersInMessagesAndExceptionsAreMasked(CapturedOutput output) {
        log.info("Citizen called from {} with ID {}", "13812345678", "52010219900101123X");
        log.warn("Lookup failed", new IllegalStateException("no case for 13812345678 / 52010219900101123X",
                new RuntimeException("cause mentions +86 13987654321")));

        String captured = output.getAll();
        assertThat(captured).contains("Citizen called from 138****5678 with ID 520***********123X")
                .contains("no case for 138****5678 / 520***********123X")
                .contains("cause mentions +86 139****4321")
                .contains("at org.yimen.privacy.LogMaskingTest")
                .doesNotContain("13812345678").doesNotContain("52010219900101123X").doesNotContain("13987654321");
    }
}
