package org.yimen.reception;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A visit at a window ended with service done: what evaluation pads and statistics start from. */
public record VisitServed(long ticketId, long hallId, long lineId, long windowId, @Nullable Long officerStaffId,
        Instant calledAt, Instant finishedAt) {
}
