package org.yimen.notifications;

/** What a server answered when it took a message: its id(s) for the message, and in how many parts it went. */
record Sent(String providerId, int parts) {
}
