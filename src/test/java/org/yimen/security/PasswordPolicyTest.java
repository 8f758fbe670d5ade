package org.yimen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(
            new SecurityProperties(5, Duration.ofMinutes(15), Duration.ofMinutes(30), 10, null, null, 30,
                    Duration.ofMinutes(5)));

    @Test
    void theDemoPasswordMeetsThePolicy() {
        assertThat(policy.check("clerk1", "Yimen@2026")).isEmpty();
    }

    @Test
    void aShortPasswordIsRefused() {
        assertThat(policy.check("clerk1", "Ab1@xyz")).containsExactly("security.password.tooShort");
    }

    @Test
    void aPasswordOfOnlyTwoKindsOfCharacterIsRefused() {
        assertThat(policy.check("clerk1", "abcdefgh12")).containsExactly("security.password.tooSimple");
    }

    @Test
    void aPasswordContainingTheUsernameIsRefusedWhateverTheCase() {
        assertThat(policy.check("clerk1", "CLERK1-Window@")).containsExactly("security.password.containsUsername");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThat(policy.check("abc", "abc")).containsExactlyInAnyOrder("security.password.tooShort",
                "security.password.tooSimple", "security.password.containsUsername");
    }
}
