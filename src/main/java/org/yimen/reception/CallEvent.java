package org.yimen.reception;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A call as displays show it: "请 A012 号到 3 号窗口办理", with the officer on duty at the window then. */
record CallEvent(long id, long hallId, long windowId, int windowNumber, long ticketId, String number,
        String lineName, boolean recall, @Nullable String officerName, @Nullable String officerNumber,
        @Nullable String acting, Instant occurredAt) {
}
