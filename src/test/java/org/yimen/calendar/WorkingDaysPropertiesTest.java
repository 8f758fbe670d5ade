package org.yimen.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast calendar agrees with walking day by day, over 2024–2027 (three published years and one not) and time
 * limits up to 400 working days, which run well into years nobody has published.
 */
class WorkingDaysPropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2027, 12, 31);

    private final WorkingDays fast = ShippedCalendar.workingDays();
    private final ShippedCalendar.Naive naive = new ShippedCalendar.Naive();

    @Provide
    Arbitrary<LocalDate> dates() {
        int span = (int) ChronoUnit.DAYS.between(FIRST, LAST);
        return Arbitraries.integers().between(0, span).map(FIRST::plusDays);
    }

    @Property
    void isWorkingDayAgreesWithLookingTheDateUp(@ForAll("dates") LocalDate date) {
        assertThat(fast.isWorkingDay(date)).isEqualTo(naive.isWorkingDay(date));
    }

    @Property
    void addingAgreesWithWalkingDayByDay(@ForAll("dates") LocalDate start,
            @ForAll @IntRange(min = 0, max = 400) int days) {
        var result = fast.dueDate(start, days);
        LocalDate expected = naive.add(start, days);

        assertThat(result.due()).isEqualTo(expected);
        var unpublished = IntStream.rangeClosed(start.getYear(), expected.getYear())
                .filter(year -> !naive.published(year)).boxed().toList();
        assertThat(result.unpublishedYears()).isEqualTo(unpublished);
        assertThat(result.published()).isEqualTo(unpublished.isEmpty());
    }

    @Property
    void countingAgreesWithWalkingDayByDay(@ForAll("dates") LocalDate from, @ForAll("dates") LocalDate to) {
        assertThat(fast.countWorkingDays(from, to)).isEqualTo(naive.count(from, to));
    }

    @Property
    void countingTheDaysAddedGivesBackTheSameNumber(@ForAll("dates") LocalDate start,
            @ForAll @IntRange(min = 0, max = 400) int days) {
        LocalDate due = fast.addWorkingDays(start, days);

        assertThat(fast.countWorkingDays(start, due)).isEqualTo(days);
        if (days > 0) {
            assertThat(fast.isWorkingDay(due)).isTrue();
            // and it is the first date that far: the day before has one fewer
            assertThat(fast.countWorkingDays(start, due.minusDays(1))).isEqualTo(days - 1);
        }
    }

    @Property
    void countsAddUpOverConsecutiveRanges(@ForAll("dates") LocalDate a, @ForAll("dates") LocalDate b,
            @ForAll("dates") LocalDate c) {
        assertThat(fast.countWorkingDays(a, b) + fast.countWorkingDays(b, c)).isEqualTo(fast.countWorkingDays(a, c));
    }
}
