package org.yimen.reception;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A window called a ticket (or called it again). */
public record TicketCalled(long ticketId, long hallId, long windowId, String number, boolean recall,
        @Nullable Long officerStaffId, Instant at) {
}
