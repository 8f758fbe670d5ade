package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yimen.reception.CallingPolicy.Candidate;

/** 叫号规则: who a window calls next. */
class CallingPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    private final CallingPolicy policy = new CallingPolicy(Duration.ofMinutes(20));

    private static Candidate ordinary(long id, int position, int minutesAgo) {
        return new Candidate(id, position, Priority.NONE, NOW.minus(Duration.ofMinutes(minutesAgo)));
    }

    private static Candidate green(long id, int position, int minutesAgo) {
        return new Candidate(id, position, Priority.GREEN_CHANNEL, NOW.minus(Duration.ofMinutes(minutesAgo)));
    }

    private static Candidate appointment(long id, int position, int minutesAgo) {
        return new Candidate(id, position, Priority.APPOINTMENT, NOW.minus(Duration.ofMinutes(minutesAgo)));
    }

    private long next(Candidate... candidates) {
        return policy.next(List.of(candidates), NOW).orElseThrow().ticketId();
    }

    @Test
    void nobodyWaitingMeansNothingToCall() {
        assertThat(policy.next(List.of(), NOW)).isEmpty();
    }

    @Test
    void greenChannelGoesBeforeOrdinaryTicketsIssuedEarlier() {
        assertThat(next(ordinary(1, 1, 10), green(2, 1, 1))).isEqualTo(2);
    }

    @Test
    void checkedInAppointmentsGoBeforeOrdinaryTickets() {
        assertThat(next(ordinary(1, 1, 10), appointment(2, 1, 1))).isEqualTo(2);
    }

    @Test
    void priorityTicketsAmongThemselvesGoInOrderOfIssue() {
        assertThat(next(green(1, 1, 2), appointment(2, 1, 5))).isEqualTo(2);
    }

    @Test
    void ordinaryTicketsGoInOrderOfIssue() {
        assertThat(next(ordinary(7, 1, 3), ordinary(5, 1, 9), ordinary(6, 1, 5))).isEqualTo(5);
    }

    @Test
    void sameMomentFallsBackToTheTicketId() {
        assertThat(next(ordinary(9, 1, 3), ordinary(4, 1, 3))).isEqualTo(4);
    }

    @Test
    void anOrdinaryTicketWaitingTooLongGoesBeforeFurtherPriorityTickets() {
        assertThat(next(green(1, 1, 30), ordinary(2, 1, 21))).isEqualTo(2);
    }

    @Test
    void anOrdinaryTicketJustUnderTheLimitStillWaitsForPriorityTickets() {
        assertThat(next(green(1, 1, 1), ordinary(2, 1, 19))).isEqualTo(1);
    }

    @Test
    void starvationRuleCanBeSwitchedOff() {
        var noRule = new CallingPolicy(Duration.ZERO);
        assertThat(noRule.next(List.of(green(1, 1, 1), ordinary(2, 1, 300)), NOW).orElseThrow().ticketId())
                .isEqualTo(1);
    }

    @Test
    void theWindowsFirstLineGoesBeforeItsSecondWithinTheSameClass() {
        assertThat(next(ordinary(1, 2, 15), ordinary(2, 1, 5))).isEqualTo(2);
        assertThat(next(green(1, 2, 15), green(2, 1, 5))).isEqualTo(2);
    }

    @Test
    void priorityOnTheSecondLineGoesBeforeOrdinaryOnTheFirst() {
        assertThat(next(ordinary(1, 1, 15), green(2, 2, 1))).isEqualTo(2);
    }

    @Test
    void starvingTicketsOfAnyLineGoBeforePriorityOfTheFirst() {
        assertThat(next(green(1, 1, 1), ordinary(2, 2, 25))).isEqualTo(2);
    }

    @Test
    void aTicketSentToThisWindowGoesBeforeItsLinesWithinTheSameClass() {
        assertThat(next(ordinary(1, 1, 15), ordinary(2, 0, 5))).isEqualTo(2);
    }

    @Test
    void aTransferredTicketKeepsItsPriorityAndPlace() {
        Instant issued = NOW.minus(Duration.ofMinutes(12));
        var green = new Ticket(10, "p", 1, 1, LocalDate.of(2026, 3, 10), "A012", Priority.GREEN_CHANNEL, "ELDERLY",
                TicketState.WAITING, issued, issued, null, null, null, null, null, null, 0, null, false, null, null);
        var transferred = green.called(5, null, NOW.minus(Duration.ofMinutes(2)))
                .transferred(NOW.minus(Duration.ofMinutes(1)));
        var continued = transferred.continuation(2, null);

        assertThat(continued.state()).isEqualTo(TicketState.WAITING);
        assertThat(continued.number()).isEqualTo("A012");
        assertThat(continued.priority()).isEqualTo(Priority.GREEN_CHANNEL);
        assertThat(continued.greenCategory()).isEqualTo("ELDERLY");
        assertThat(continued.queuedAt()).isEqualTo(issued);
        assertThat(continued.transferredFrom()).isEqualTo(10);
        // On its new line it goes before ordinary tickets issued earlier than the transfer.
        var candidate = new Candidate(11, 1, continued.priority(), continued.queuedAt());
        assertThat(next(ordinary(3, 1, 15), candidate)).isEqualTo(11);
    }
}
