package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(3));

    @Test
    void theWaitDoublesAfterEachFailedTryUpToTheLongest() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(3));
        assertThat(policy.delayAfter(60)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void theFifthFailedTryIsTheLast() {
        assertThat(policy.triesAgainAfter(4)).isTrue();
        assertThat(policy.triesAgainAfter(5)).isFalse();
    }
}
