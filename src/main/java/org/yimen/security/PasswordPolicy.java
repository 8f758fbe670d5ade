package org.yimen.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * 口令策略: at least {@code passwordMinLength} characters, three of the four kinds (upper case, lower case, digit,
 * symbol), and not containing the username. Answers the message keys of every rule broken, so a form can show all.
 */
@Component
class PasswordPolicy {

    private final SecurityProperties properties;

    PasswordPolicy(SecurityProperties properties) {
        this.properties = properties;
    }

    List<String> check(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password.length() < properties.passwordMinLength()) {
            problems.add("security.password.tooShort");
        }
        int kinds = (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3) {
            problems.add("security.password.tooSimple");
        }
        if (!username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            problems.add("security.password.containsUsername");
        }
        return problems;
    }
}
