package org.yimen.notifications;

/**
 * A gateway could not hand a message over. The message says why in terms an administrator can act on, with no
 * recipient in clear; {@link #permanent} failures (an address the server refuses) are not tried again, and after an
 * {@link #unavailable} one (no connection, no answer) the dispatcher stops its batch instead of failing every row.
 */
class DeliveryFailed extends Exception {

    enum Kind {
        UNAVAILABLE, TEMPORARY, PERMANENT
    }

    private final Kind kind;

    DeliveryFailed(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    DeliveryFailed(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    boolean permanent() {
        return kind == Kind.PERMANENT;
    }

    boolean unavailable() {
        return kind == Kind.UNAVAILABLE;
    }
}
