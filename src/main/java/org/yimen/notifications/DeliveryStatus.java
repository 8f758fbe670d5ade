package org.yimen.notifications;

/** Where a message in the outbox stands. */
enum DeliveryStatus {
    /** Waiting for a dispatcher, now or after a failed try. */
    PENDING,
    /** Kept, not sent: no SMSC or SMTP server is configured for its channel. An administrator may release it. */
    HELD,
    /** Accepted by the SMSC or the SMTP server. */
    SENT,
    /** Given up: refused for good, out of attempts, or expired before it could be sent. */
    FAILED
}
