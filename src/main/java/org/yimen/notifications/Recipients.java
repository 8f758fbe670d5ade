package org.yimen.notifications;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yimen.shared.Masking;

/** The two kinds of recipient: a mainland mobile number and an e-mail address, normalised, checked and masked. */
final class Recipients {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s()\\-]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;]+");

    private Recipients() {
    }

    /**
     * A mainland mobile number as the SMSC wants it (11 digits), from what people type: spaces, dashes, brackets and
     * a {@code +86}/{@code 0086}/{@code 86} prefix are dropped. Empty when it is no mobile number (a landline
     * cannot receive a short message).
     */
    static Optional<String> mobile(@Nullable String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(phone).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** An e-mail address with surrounding blanks removed and the domain in lower case; empty when it is none. */
    static Optional<String> email(@Nullable String address) {
        if (address == null) {
            return Optional.empty();
        }
        String value = address.strip();
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            return Optional.empty();
        }
        int at = value.lastIndexOf('@');
        return Optional.of(value.substring(0, at + 1) + value.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    static String maskPhone(String phone) {
        return Masking.phone(phone);
    }

    /** The first character of the local part and the domain: {@code w***@example.cn}. */
    static String maskEmail(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        String masked = address.substring(0, address.offsetByCodePoints(0, 1)) + "***" + address.substring(at);
        return masked.length() > 100 ? masked.substring(0, 100) : masked;
    }

    /** Masks phone numbers in free text, and the given recipient wherever it appears (error texts of servers). */
    static String maskIn(@Nullable String text, String recipient, String masked) {
        if (text == null) {
            return "";
        }
        String result = recipient.isEmpty() ? text : text.replace(recipient, masked);
        return Masking.inText(result);
    }
}
