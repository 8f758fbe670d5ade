package org.yimen.org;

import java.time.Instant;
import java.util.Collection;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;
import org.yimen.shared.Rejected;

/**
 * The A/B post rule (AB岗, from the 住建厅 practice "办件人员A不在岗时，办件人员B可以代替"): officer A serves the post;
 * when A is absent officer B acts; when both are absent the head of the department acts; without a head the post is
 * vacant. A post needs two different officers.
 */
record AbPair(long officerA, long officerB, @Nullable Long head) {

    /** Who acts, and why. */
    record Acting(@Nullable Long staffId, ActingReason reason) {
    }

    AbPair {
        if (officerA == officerB) {
            throw Rejected.invalid("officerBId", "org.post.sameOfficer");
        }
    }

    Acting actingWhen(LongPredicate absent) {
        if (!absent.test(officerA)) {
            return new Acting(officerA, ActingReason.A);
        }
        if (!absent.test(officerB)) {
            return new Acting(officerB, ActingReason.B_FOR_ABSENT_A);
        }
        return head == null ? new Acting(null, ActingReason.VACANT) : new Acting(head, ActingReason.HEAD_FOR_BOTH_ABSENT);
    }

    /** The rule at one moment, given the absences recorded (cancelled ones left out by the caller). */
    Acting actingAt(Instant moment, Collection<AbsencePeriod> absences) {
        return actingWhen(staff -> absences.stream().anyMatch(a -> a.staffId() == staff && a.covers(moment)));
    }
}
