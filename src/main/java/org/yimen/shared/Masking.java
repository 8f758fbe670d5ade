package org.yimen.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one masking rule for personal data shown on screens, in exports and in logs (个人信息脱敏): phone
 * {@code 138****5678}, identity document {@code 520***********1234}.
 */
public final class Masking {

    /**
     * An 11-digit mainland mobile number, optionally behind {@code +86}/{@code 0086}/{@code 86}, not part of a longer
     * run of digits.
     */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:(?:\\+|00)?86[- ]?)?(1[3-9][0-9]{9})(?![0-9])");

    /**
     * An 18-character 居民身份证号 (or 2023 外国人永久居留身份证号): six region digits, a birth date from 1800 on, three
     * sequence digits and the check character. Requiring a plausible date keeps long technical numbers unmasked.
     */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])([0-9]{6}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx])"
                    + "(?![0-9A-Za-z])");

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

    /**
     * Masks an identity document number so that the birth date is never shown: 18 characters or more keep the first
     * three (the province and city) and the last four ({@code 520***********1234}); shorter documents keep only the
     * last four ({@code *****5678}), except the old 15-digit 居民身份证, which keeps only the last three because its
     * last four would include a digit of the birth date. Four characters or fewer are starred entirely.
     */
    public static String idNumber(@Nullable String number) {
        if (number == null || number.isBlank()) {
            return "";
        }
        String value = number.strip().replace(" ", "");
        int length = value.length();
        if (length >= 18) {
            return value.substring(0, 3) + "*".repeat(length - 7) + value.substring(length - 4);
        }
        if (length == 15 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "*".repeat(12) + value.substring(12);
        }
        if (length <= 4) {
            return "*".repeat(length);
        }
        return "*".repeat(length - 4) + value.substring(length - 4);
    }

    /**
     * Masks every mainland mobile number and 18-character ID number found in free text (log lines, exception
     * messages, exports), leaving the rest as it is.
     */
    public static String inText(@Nullable String text) {
        if (text == null || text.length() < 11) {
            return text == null ? "" : text;
        }
        String result = replace(ID_NUMBER, text, Masking::idNumber);
        return replace(MOBILE, result, Masking::phone);
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> mask) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        var out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, matcher.start(1)).append(mask.apply(matcher.group(1)));
            last = matcher.end(1);
        } while (matcher.find());
        return out.append(text, last, text.length()).toString();
    }
}
