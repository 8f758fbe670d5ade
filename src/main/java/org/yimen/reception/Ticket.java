package org.yimen.reception;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.yimen.shared.Rejected;

/**
 * A queue ticket (排队号) and the visit it stands for: issued at a kiosk or by reception staff, waiting, called by a
 * window (and perhaps called again), served and finished, or marked a no-show (过号) that may rejoin once, or
 * transferred to another line or window, where it continues under the same number and keeps its priority and place.
 * Each transition refuses an illegal move with a message that names the ticket's current state. {@code itemCode} is the
 * catalog item the citizen chose, when they chose one rather than the line.
 */
public record Ticket(long id, String publicId, long hallId, long lineId, LocalDate serviceDate, String number,
        Priority priority, @Nullable String greenCategory, TicketState state, Instant issuedAt, Instant queuedAt,
        @Nullable Instant calledAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        @Nullable Long targetWindowId, @Nullable Long windowId, @Nullable Long officerStaffId, int recallCount,
        @Nullable Instant noShowAt, boolean rejoined, @Nullable Long transferredFrom, @Nullable String itemCode) {

    public Ticket {
        if ((priority == Priority.GREEN_CHANNEL) != (greenCategory != null)) {
            throw new IllegalArgumentException("a green-channel ticket, and only one, has a category");
        }
    }

    Ticket called(long window, @Nullable Long officer, Instant now) {
        require(TicketState.WAITING);
        return with(TicketState.CALLED, now, null, null, window, officer, 0, null, rejoined);
    }

    Ticket recalled(int maxRecalls) {
        require(TicketState.CALLED);
        if (recallCount >= maxRecalls) {
            throw Rejected.conflict(null, "reception.recall.limit", number, maxRecalls);
        }
        return with(state, calledAt, startedAt, finishedAt, windowId, officerStaffId, recallCount + 1, noShowAt,
                rejoined);
    }

    Ticket markedNoShow(Instant now) {
        require(TicketState.CALLED);
        return with(TicketState.NO_SHOW, calledAt, null, now, windowId, officerStaffId, recallCount, now, rejoined);
    }

    /** Back in the queue after a no-show: once, within the allowed time, at the end of its class. */
    Ticket rejoinedQueue(Instant now, Duration within) {
        require(TicketState.NO_SHOW);
        if (rejoined) {
            throw Rejected.conflict(null, "reception.rejoin.once", number);
        }
        if (noShowAt == null || noShowAt.plus(within).isBefore(now)) {
            throw Rejected.conflict(null, "reception.rejoin.tooLate", number, within.toMinutes());
        }
        return new Ticket(id, publicId, hallId, lineId, serviceDate, number, priority, greenCategory,
                TicketState.WAITING, issuedAt, now, null, null, null, targetWindowId, null, null, 0, noShowAt, true,
                transferredFrom, itemCode);
    }

    Ticket started(Instant now) {
        require(TicketState.CALLED);
        return with(TicketState.SERVING, calledAt, now, null, windowId, officerStaffId, recallCount, noShowAt,
                rejoined);
    }

    /** Service done; finishing straight from the call counts the service as started at once. */
    Ticket finished(Instant now) {
        require(TicketState.CALLED, TicketState.SERVING);
        return with(TicketState.DONE, calledAt, startedAt == null ? now : startedAt, now, windowId, officerStaffId,
                recallCount, noShowAt, rejoined);
    }

    Ticket transferred(Instant now) {
        require(TicketState.CALLED, TicketState.SERVING);
        return with(TicketState.TRANSFERRED, calledAt, startedAt, now, windowId, officerStaffId, recallCount,
                noShowAt, rejoined);
    }

    /**
     * The waiting ticket that continues this one on another line, or at one window: same number and public id, same
     * priority, and its old place in the queue, since the citizen has waited once already.
     */
    Ticket continuation(long toLine, @Nullable Long toWindow) {
        if (state != TicketState.TRANSFERRED) {
            throw new IllegalStateException("only a transferred ticket continues");
        }
        return new Ticket(0, publicId, hallId, toLine, serviceDate, number, priority, greenCategory,
                TicketState.WAITING, issuedAt, queuedAt, null, null, null, toWindow, null, null, 0, null, rejoined, id,
                itemCode);
    }

    boolean atWindow(long window) {
        return windowId != null && windowId == window
                && (state == TicketState.CALLED || state == TicketState.SERVING);
    }

    private void require(TicketState... allowed) {
        if (!Set.of(allowed).contains(state)) {
            throw new Rejected(Rejected.Kind.CONFLICT, "reception.ticket.wrongState", null, number,
                    new DefaultMessageSourceResolvable("reception.state." + state.name()));
        }
    }

    private Ticket with(TicketState next, @Nullable Instant called, @Nullable Instant started,
            @Nullable Instant finished, @Nullable Long window, @Nullable Long officer, int recalls,
            @Nullable Instant noShow, boolean rejoin) {
        return new Ticket(id, publicId, hallId, lineId, serviceDate, number, priority, greenCategory, next, issuedAt,
                queuedAt, called, started, finished, targetWindowId, window, officer, recalls, noShow, rejoin,
                transferredFrom, itemCode);
    }
}
