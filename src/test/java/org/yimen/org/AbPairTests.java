package org.yimen.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yimen.shared.Rejected;

class AbPairTests {

    private static final long A = 1;
    private static final long B = 2;
    private static final long HEAD = 9;
    private static final Instant NINE = Instant.parse("2026-05-06T01:00:00Z");
    private static final Instant NOON = Instant.parse("2026-05-06T04:00:00Z");

    private final AbPair post = new AbPair(A, B, HEAD);

    @Test
    void officerAActsWhenPresent() {
        assertThat(post.actingAt(NINE, List.of())).isEqualTo(new AbPair.Acting(A, ActingReason.A));
    }

    @Test
    void officerBActsWhenAIsAbsent() {
        var absences = List.of(new AbsencePeriod(A, NINE, NOON));
        assertThat(post.actingAt(NINE.plusSeconds(60), absences))
                .isEqualTo(new AbPair.Acting(B, ActingReason.B_FOR_ABSENT_A));
    }

    @Test
    void headActsWhenBothAreAbsent() {
        var absences = List.of(new AbsencePeriod(A, NINE, NOON), new AbsencePeriod(B, NINE, NOON));
        assertThat(post.actingAt(NINE, absences))
                .isEqualTo(new AbPair.Acting(HEAD, ActingReason.HEAD_FOR_BOTH_ABSENT));
    }

    @Test
    void postIsVacantWhenBothAreAbsentAndThereIsNoHead() {
        var headless = new AbPair(A, B, null);
        assertThat(headless.actingWhen(staff -> true)).isEqualTo(new AbPair.Acting(null, ActingReason.VACANT));
    }

    @Test
    void officerBAloneAbsentChangesNothing() {
        var absences = List.of(new AbsencePeriod(B, NINE, NOON));
        assertThat(post.actingAt(NINE, absences)).isEqualTo(new AbPair.Acting(A, ActingReason.A));
    }

    @Test
    void absenceBeginsAtItsStartInclusive() {
        var absences = List.of(new AbsencePeriod(A, NINE, NOON));
        assertThat(post.actingAt(NINE.minusNanos(1), absences).reason()).isEqualTo(ActingReason.A);
        assertThat(post.actingAt(NINE, absences).reason()).isEqualTo(ActingReason.B_FOR_ABSENT_A);
    }

    @Test
    void absenceIsOverAtItsEndExclusive() {
        var absences = List.of(new AbsencePeriod(A, NINE, NOON));
        assertThat(post.actingAt(NOON.minusNanos(1), absences).reason()).isEqualTo(ActingReason.B_FOR_ABSENT_A);
        assertThat(post.actingAt(NOON, absences).reason()).isEqualTo(ActingReason.A);
    }

    @Test
    void anotherOfficersAbsenceDoesNotCount() {
        var absences = List.of(new AbsencePeriod(77, NINE, NOON));
        assertThat(post.actingAt(NINE, absences).reason()).isEqualTo(ActingReason.A);
    }

    @Test
    void officerBMustDifferFromOfficerA() {
        assertThatThrownBy(() -> new AbPair(A, A, HEAD))
                .isInstanceOfSatisfying(Rejected.class, rejected -> {
                    assertThat(rejected.field()).isEqualTo("officerBId");
                    assertThat(rejected.code()).isEqualTo("org.post.sameOfficer");
                    assertThat(rejected.kind()).isEqualTo(Rejected.Kind.INVALID);
                });
    }

    @Test
    void absenceMustEndAfterItStarts() {
        assertThatThrownBy(() -> new AbsencePeriod(A, NOON, NINE))
                .isInstanceOfSatisfying(Rejected.class, rejected -> {
                    assertThat(rejected.field()).isEqualTo("endsAt");
                    assertThat(rejected.code()).isEqualTo("org.absence.endsNotAfterStart");
                });
        assertThatThrownBy(() -> new AbsencePeriod(A, NINE, NINE)).isInstanceOf(Rejected.class);
    }
}
