package org.yimen.notifications;

import java.time.Duration;

/**
 * When to try a message again: after {@code retryDelay}, doubling with every failed try up to {@code maxRetryDelay},
 * and not at all after {@code maxAttempts} tries.
 */
record RetryPolicy(int maxAttempts, Duration retryDelay, Duration maxRetryDelay) {

    static RetryPolicy of(NotificationsProperties properties) {
        return new RetryPolicy(properties.maxAttempts(), properties.retryDelay(), properties.maxRetryDelay());
    }

    /** Whether a message that has now failed {@code attempts} times is tried again. */
    boolean triesAgainAfter(int attempts) {
        return attempts < maxAttempts;
    }

    /** The wait after the {@code attempts}-th failed try (1 for the first). */
    Duration delayAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = retryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
