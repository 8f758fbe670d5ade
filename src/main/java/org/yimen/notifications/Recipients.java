package org.yimen.notifications;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yimen.shared.Masking;
import org.yimen.shared.MobileNumbers;

/**
 * The two kinds of recipient, normalised, checked and masked: a mainland mobile number ({@link MobileNumbers}) and an
 * e-mail address.
 */
final class Recipients {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;]+");

    private Recipients() {
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
