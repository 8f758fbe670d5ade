package org.yimen.notifications;

import java.util.List;

/**
 * What a server answered when it took a message: its id for each part (one for an e-mail), and whether the SMSC was
 * asked for a delivery receipt of each.
 */
record Sent(List<String> ids, boolean receiptsRequested) {

    Sent {
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a sent message has at least one part");
        }
    }

    /** The ids as the outbox keeps them: comma-separated. */
    String providerId() {
        return String.join(",", ids);
    }

    int parts() {
        return ids.size();
    }
}
