package org.yimen.reception;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * 叫号规则: which waiting ticket a window calls next.
 *
 * <ol>
 * <li>An ordinary ticket that has waited longer than {@code starvationAfter} goes first, so priority tickets never
 * starve ordinary ones (configurable; zero switches the rule off);</li>
 * <li>then green-channel (绿色通道) and checked-in appointment tickets;</li>
 * <li>then ordinary tickets in order of their place in the queue.</li>
 * </ol>
 * Within each of these, the window's stated order of lines decides (a ticket transferred to this very window comes
 * before its lines), then the place in the queue, then the ticket id.
 */
final class CallingPolicy {

    /** A ticket a window could call: its line's position in the window's order (0: sent to this window). */
    record Candidate(long ticketId, int position, Priority priority, Instant queuedAt) {
    }

    private final Duration starvationAfter;

    CallingPolicy(Duration starvationAfter) {
        this.starvationAfter = starvationAfter;
    }

    Optional<Candidate> next(Collection<Candidate> candidates, Instant now) {
        return candidates.stream().min(order(now));
    }

    Comparator<Candidate> order(Instant now) {
        return Comparator.<Candidate>comparingInt(c -> rank(c, now))
                .thenComparingInt(Candidate::position)
                .thenComparing(Candidate::queuedAt)
                .thenComparingLong(Candidate::ticketId);
    }

    /** 0: an ordinary ticket waiting too long; 1: a priority ticket; 2: an ordinary ticket. */
    int rank(Candidate candidate, Instant now) {
        if (candidate.priority().priority()) {
            return 1;
        }
        return starving(candidate, now) ? 0 : 2;
    }

    private boolean starving(Candidate candidate, Instant now) {
        return !starvationAfter.isZero() && candidate.queuedAt().plus(starvationAfter).isBefore(now);
    }
}
