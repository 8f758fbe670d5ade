package org.yimen.privacy;

import org.jspecify.annotations.Nullable;
import org.yimen.shared.Rejected;

/**
 * Why someone needs a full value (查看目的), stated before it is shown and kept in the audit trail with the read:
 * 2 to 200 characters, so "x" or a pasted document will not do.
 */
public record Purpose(String text) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 200;

    public Purpose(@Nullable String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.codePointCount(0, stripped.length()) < MIN_LENGTH
                || stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
            throw Rejected.invalid("purpose", "privacy.purpose.length");
        }
        this.text = stripped;
    }
}
