package org.yimen.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in policy ({@code yimen.security.*}).
 *
 * @param maxFailures failed sign-ins within {@code failureWindow} that lock the account
 * @param failureWindow how far back failures are counted
 * @param lockDuration how long a locked account stays locked
 * @param passwordMinLength shortest acceptable password
 * @param initialAdminUsername with an external database: the first administrator, created at start-up when no
 *     administrator exists yet
 * @param initialAdminPassword that administrator's password (give it through the environment, never in a file)
 * @param signInAttemptsPerAddress sign-in attempts one client address may make per {@code signInWindow}, whatever
 *     the usernames (the per-account lockout cannot see password spraying across many accounts)
 * @param signInWindow the window of that limit
 */
@ConfigurationProperties("yimen.security")
record SecurityProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("30m") Duration lockDuration, @DefaultValue("10") int passwordMinLength,
        @Nullable String initialAdminUsername, @Nullable String initialAdminPassword,
        @DefaultValue("30") int signInAttemptsPerAddress, @DefaultValue("5m") Duration signInWindow) {
}
