package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yimen.shared.Rejected;

/** A ticket's way from waiting to done, and the moves it refuses. */
class TicketTest {

    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");

    private static Ticket waiting() {
        return new Ticket(1, "pub", 1, 1, LocalDate.of(2026, 3, 10), "A001", Priority.NONE, null,
                TicketState.WAITING, T0, T0, null, null, null, null, null, null, 0, null, false, null, null);
    }

    @Test
    void aCalledTicketIsServedAndFinished() {
        var called = waiting().called(3, 42L, T0.plusSeconds(60));
        var serving = called.started(T0.plusSeconds(90));
        var done = serving.finished(T0.plusSeconds(600));
        assertThat(called.windowId()).isEqualTo(3);
        assertThat(called.officerStaffId()).isEqualTo(42);
        assertThat(done.state()).isEqualTo(TicketState.DONE);
        assertThat(done.startedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void finishingStraightFromTheCallCountsTheServiceAsStartedThen() {
        var done = waiting().called(3, null, T0).finished(T0.plusSeconds(300));
        assertThat(done.startedAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void aTicketCannotBeCalledTwice() {
        var called = waiting().called(3, null, T0);
        assertThatThrownBy(() -> called.called(4, null, T0))
                .isInstanceOfSatisfying(Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo("reception.ticket.wrongState");
                    assertThat(r.kind()).isEqualTo(Rejected.Kind.CONFLICT);
                });
    }

    @Test
    void recallsAreLimited() {
        var called = waiting().called(3, null, T0);
        var twice = called.recalled(2).recalled(2);
        assertThat(twice.recallCount()).isEqualTo(2);
        assertThatThrownBy(() -> twice.recalled(2))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("reception.recall.limit"));
    }

    @Test
    void aNoShowRejoinsOnceWithinTheAllowedTimeAtTheEndOfTheQueue() {
        var noShow = waiting().called(3, null, T0).markedNoShow(T0.plusSeconds(60));
        var back = noShow.rejoinedQueue(T0.plusSeconds(600), Duration.ofMinutes(30));
        assertThat(back.state()).isEqualTo(TicketState.WAITING);
        assertThat(back.queuedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(back.windowId()).isNull();
        var again = back.called(3, null, T0.plusSeconds(700)).markedNoShow(T0.plusSeconds(800));
        assertThatThrownBy(() -> again.rejoinedQueue(T0.plusSeconds(900), Duration.ofMinutes(30)))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("reception.rejoin.once"));
    }

    @Test
    void aNoShowCannotRejoinAfterTheAllowedTime() {
        var noShow = waiting().called(3, null, T0).markedNoShow(T0);
        assertThatThrownBy(() -> noShow.rejoinedQueue(T0.plus(Duration.ofMinutes(31)), Duration.ofMinutes(30)))
                .isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("reception.rejoin.tooLate"));
    }

    @Test
    void onlyACalledTicketCanBeMarkedNoShow() {
        var serving = waiting().called(3, null, T0).started(T0);
        assertThatThrownBy(() -> serving.markedNoShow(T0)).isInstanceOf(Rejected.class);
    }

    @Test
    void aWaitingTicketCannotBeTransferred() {
        assertThatThrownBy(() -> waiting().transferred(T0)).isInstanceOf(Rejected.class);
    }
}
