package org.yimen.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * A booked place in a slot of a line (预约), from {@code startsAt} to {@code endsAt}, perhaps for one catalog item the
 * line covers; the phone stays sealed and is not part of this view.
 */
public record Appointment(long id, String code, long hallId, long lineId, LocalDate serviceDate, LocalTime startsAt,
        LocalTime endsAt, String name, State state, Instant bookedAt, @Nullable Long ticketId,
        @Nullable String itemCode) {

    public enum State {
        BOOKED, CANCELLED, CHECKED_IN, NO_SHOW
    }
}
