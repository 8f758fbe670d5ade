package org.yimen.shared;

import org.jspecify.annotations.Nullable;

/**
 * The one masking rule for personal data shown on screens, in exports and in logs: phone {@code 138****5678}.
 */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first three and the last four digits of a phone number; shorter numbers keep only the last two. */
    public static String phone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.strip();
        if (digits.length() >= 11) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        if (digits.length() <= 2) {
            return "*".repeat(digits.length());
        }
        return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
    }
}
