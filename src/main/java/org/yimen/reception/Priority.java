package org.yimen.reception;

/** Why a ticket goes before others, or not. */
public enum Priority {
    /** An ordinary ticket: called in order of issue. */
    NONE,
    /** 绿色通道: the elderly, disabled, pregnant, military, key-project enterprises (categories configurable). */
    GREEN_CHANNEL,
    /** A booked appointment, checked in at the hall. */
    APPOINTMENT;

    boolean priority() {
        return this != NONE;
    }
}
