package org.yimen.calendar;

import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Working-day arithmetic as every deadline in yimen uses it: the precomputed calendar against walking day by day.
 * Run by {@link WorkingDaysBenchmarkRun} with {@code ./mvnw verify -Pbenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WorkingDaysBenchmark {

    private final WorkingDays fast = ShippedCalendar.workingDays();
    private final ShippedCalendar.Naive naive = new ShippedCalendar.Naive();
    private final LocalDate[] starts = new LocalDate[1024];
    private int next;

    @Setup
    public void pickStartDates() {
        var random = new Random(42);
        for (int i = 0; i < starts.length; i++) {
            starts[i] = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(3 * 365));
        }
    }

    private LocalDate start() {
        next = (next + 1) & (starts.length - 1);
        return starts[next];
    }

    @Benchmark
    public LocalDate add20WorkingDays() {
        return fast.addWorkingDays(start(), 20);
    }

    @Benchmark
    public LocalDate add20WorkingDaysDayByDay() {
        return naive.add(start(), 20);
    }

    @Benchmark
    public LocalDate add250WorkingDays() {
        return fast.addWorkingDays(start(), 250);
    }

    @Benchmark
    public LocalDate add250WorkingDaysDayByDay() {
        return naive.add(start(), 250);
    }

    @Benchmark
    public int countAYear() {
        LocalDate from = start();
        return fast.countWorkingDays(from, from.plusYears(1));
    }

    @Benchmark
    public int countAYearDayByDay() {
        LocalDate from = start();
        return naive.count(from, from.plusYears(1));
    }
}
