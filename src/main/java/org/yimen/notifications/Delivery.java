package org.yimen.notifications;

/** What the SMSC's delivery receipts (状态报告) said about a short message it took: reached the handset or not. */
enum Delivery {
    /** Every part reached the handset. */
    DELIVERED,
    /** A part did not and will not: undeliverable, expired (a phone off for days), rejected or deleted. */
    UNDELIVERED
}
