package org.yimen.notifications;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The other representation of an SMSC message id. Some SMSCs answer {@code submit_sm} with the id in hexadecimal and
 * write it in decimal in the delivery receipt, or the reverse. An id of decimal digits may be either, so it has two
 * other forms (its value in hexadecimal, and the value of its digits read as hexadecimal, in decimal); an id with the
 * letters a-f only the decimal one; anything else (letters beyond f, dashes) none. Forms are folded the way the outbox
 * indexes parts, lower case without leading zeros, and only forms that differ from the id itself count: for 0-9 both
 * bases write the same, which says nothing.
 */
final class MessageIdForms {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private MessageIdForms() {
    }

    /** An id as parts are compared: lower case, without leading zeros. */
    static String folded(String id) {
        return id.toLowerCase(Locale.ROOT).replaceFirst("^0+", "");
    }

    /** The folded other forms of an id; empty when it is no number in either base. */
    static List<String> otherForms(String id) {
        List<String> forms = new ArrayList<>(2);
        String self = folded(id);
        if (self.isEmpty() || id.length() > Receipt.MAX_ID_LENGTH) {
            return forms;
        }
        if (DECIMAL.matcher(id).matches()) {
            add(forms, self, new BigInteger(id, 10).toString(16));
        }
        if (HEX.matcher(id).matches()) {
            add(forms, self, new BigInteger(id, 16).toString(10));
        }
        return forms;
    }

    private static void add(List<String> forms, String self, String form) {
        if (!form.equals(self) && form.length() <= Receipt.MAX_ID_LENGTH && !forms.contains(form)) {
            forms.add(form);
        }
    }
}
