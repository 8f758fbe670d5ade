package org.yimen.notifications;

/** How a message reaches its recipient. */
enum Channel {
    /** A short message (短信) through the SMSC, over SMPP. */
    SMS,
    /** An e-mail through the SMTP server. */
    EMAIL
}
