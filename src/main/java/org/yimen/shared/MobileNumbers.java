package org.yimen.shared;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Mainland mobile numbers (手机号) as people type them: the one reading every module uses. */
public final class MobileNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s()\\-]");

    private MobileNumbers() {
    }

    /**
     * A mobile number as eleven digits (what an SMSC wants), from what people type: spaces, dashes, brackets and a
     * {@code +86}/{@code 0086}/{@code 86} prefix are dropped. Empty when it is no mobile number: blank, a landline
     * (which cannot receive a short message) or anything else.
     */
    public static Optional<String> parse(@Nullable String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(typed).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
