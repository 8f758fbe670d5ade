package org.yimen.support.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A closed-loop load generator: {@code threads} callers repeat one operation as fast as it answers, first for a
 * warm-up that is thrown away, then for the measured period; every operation's latency is kept, so percentiles are
 * exact. Bounded in time, local only. {@link #together} runs several kinds of caller at once, closed-loop or at a
 * fixed rate, and keeps every operation's latency by name.
 */
public final class Load {

    /** What one run measured. */
    public record Result(String name, int threads, long operations, long errors, double seconds, double perSecond,
            double p50Millis, double p99Millis, double maxMillis, double cpuMillisPerOperation) {

        /** A result without a CPU figure. */
        public Result(String name, int threads, long operations, long errors, double seconds, double perSecond,
                double p50Millis, double p99Millis, double maxMillis) {
            this(name, threads, operations, errors, seconds, perSecond, p50Millis, p99Millis, maxMillis, Double.NaN);
        }

        public String row() {
            return "| %s | %d | %,d | %,.0f | %.2f | %.2f | %.2f | %s | %d |".formatted(name, threads, operations,
                    perSecond, p50Millis, p99Millis, maxMillis,
                    Double.isNaN(cpuMillisPerOperation) ? "–" : "%.2f".formatted(cpuMillisPerOperation), errors);
        }
    }

    private Load() {
    }

    public static Result run(String name, int threads, Duration warmup, Duration measure, Callable<?> operation) {
        drive(threads, warmup, operation);
        List<long[]> latencies = new ArrayList<>();
        long[] errors = new long[1];
        long started = System.nanoTime();
        long busyBefore = busyMachineMillis();
        long count = drive(threads, measure, operation, latencies, errors);
        long busy = busyMachineMillis() - busyBefore;
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        var result = new Result(name, threads, count, errors[0], seconds, count / seconds, percentile(all, 0.50),
                percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                busyBefore < 0 || count == 0 ? Double.NaN : (double) busy / count);
        System.out.println("BENCHMARK " + result.row());
        return result;
    }

    /** Appends the rows to {@code target/benchmarks/<file>.md}, under a table header. */
    public static void report(String file, String title, List<Result> results) {
        var lines = new ArrayList<String>();
        lines.add("## " + title);
        lines.add("");
        lines.add("| Operation | Threads | Operations | Per second | p50 ms | p99 ms | max ms | CPU ms/op | Errors |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        results.forEach(r -> lines.add(r.row()));
        lines.add("");
        try {
            Path out = Path.of("target", "benchmarks", file + ".md");
            Files.createDirectories(out.getParent());
            Files.write(out, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU time the whole machine spent busy (the JVM, PostgreSQL and the kernel on their behalf) from Linux's
     * {@code /proc/stat}, in milliseconds; -1 where that is not available. Divided by the operations of a run it is
     * the cost of one operation, a figure that varies less between runs than the rate on a shared machine.
     */
    private static long busyMachineMillis() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            // user nice system idle iowait irq softirq steal, in ticks of 10 ms.
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[i]);
            }
            return busy * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void drive(int threads, Duration duration, Callable<?> operation) {
        drive(threads, duration, operation, new ArrayList<>(), new long[1]);
    }

    private static long drive(int threads, Duration duration, Callable<?> operation, List<long[]> latencies,
            long[] errors) {
        var stop = new AtomicBoolean();
        var done = new CountDownLatch(threads);
        long[] counts = new long[threads];
        long[][] perThread = new long[threads][];
        long[] errorCounts = new long[threads];
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int index = t;
                pool.submit(() -> {
                    long[] mine = new long[1 << 16];
                    int n = 0;
                    while (!stop.get()) {
                        long begin = System.nanoTime();
                        try {
                            operation.call();
                        } catch (Exception e) {
                            errorCounts[index]++;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - begin;
                    }
                    perThread[index] = Arrays.copyOf(mine, n);
                    counts[index] = n;
                    done.countDown();
                    return null;
                });
            }
            try {
                Thread.sleep(duration);
                stop.set(true);
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        latencies.addAll(Arrays.asList(perThread));
        errors[0] = Arrays.stream(errorCounts).sum();
        return Arrays.stream(counts).sum();
    }

    /**
     * One kind of caller in a {@link #together} run: {@code threads} threads repeating {@code step}, either as fast
     * as it answers ({@code pace} null, a closed loop) or each thread starting one step every {@code pace} (an open
     * loop at a fixed rate; a step that starts late is timed from when it should have started, so falling behind
     * shows in the latencies instead of hiding in a lower rate).
     */
    public record Callers(String name, int threads, @Nullable Duration pace, Step step) {
    }

    /** One repetition of a caller; it times its operations with the {@link Timer} it is given. */
    @FunctionalInterface
    public interface Step {
        void run(Timer timer) throws Exception;
    }

    /** Times the operations of one thread, by name. */
    public static final class Timer {

        private final Map<String, long[]> latencies = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private final Map<String, Long> errors = new HashMap<>();
        private final int thread;
        private long due;

        private Timer(int thread) {
            this.thread = thread;
        }

        /** The number of this thread among its caller's threads, from 0: the same in the warm-up and the run. */
        public int thread() {
            return thread;
        }

        /**
         * Runs and times one operation; {@code named} names it by its result (for example "no one waiting"). An
         * operation that throws counts as an error of {@code operation} and the exception goes on to end the step.
         */
        public <T> T time(String operation, Callable<T> call, Function<? super T, String> named) throws Exception {
            long begin = due != 0 ? due : System.nanoTime();
            due = 0;
            T result;
            try {
                result = call.call();
            } catch (Exception e) {
                errors.merge(operation, 1L, Long::sum);
                throw e;
            }
            add(named.apply(result), System.nanoTime() - begin);
            return result;
        }

        public <T> T time(String operation, Callable<T> call) throws Exception {
            return time(operation, call, result -> operation);
        }

        private void add(String operation, long nanos) {
            int n = counts.getOrDefault(operation, 0);
            long[] mine = latencies.computeIfAbsent(operation, o -> new long[1 << 12]);
            if (n == mine.length) {
                mine = Arrays.copyOf(mine, n * 2);
                latencies.put(operation, mine);
            }
            mine[n] = nanos;
            counts.put(operation, n + 1);
        }
    }

    /** What a {@link #together} run measured: one result per operation, and any union of operations. */
    public static final class Mixed {

        private final Map<String, long[]> latencies;
        private final Map<String, Long> errors;
        private final Map<String, Integer> threads;
        private final double seconds;

        private Mixed(Map<String, long[]> latencies, Map<String, Long> errors, Map<String, Integer> threads,
                double seconds) {
            this.latencies = latencies;
            this.errors = errors;
            this.threads = threads;
            this.seconds = seconds;
        }

        public List<String> operations() {
            var names = new java.util.TreeSet<>(latencies.keySet());
            names.addAll(errors.keySet());
            return List.copyOf(names);
        }

        public Result of(String operation) {
            return union(operation, operation);
        }

        /** The operations taken together under one name (their count, rate and percentiles). */
        public Result union(String name, String... operations) {
            long[] all = Arrays.stream(operations).map(o -> latencies.getOrDefault(o, new long[0]))
                    .flatMapToLong(Arrays::stream).sorted().toArray();
            long errorCount = Arrays.stream(operations).mapToLong(o -> errors.getOrDefault(o, 0L)).sum();
            int threadCount = Arrays.stream(operations).mapToInt(o -> threads.getOrDefault(o, 0)).max().orElse(0);
            var result = new Result(name, threadCount, all.length, errorCount, seconds, all.length / seconds,
                    percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
            System.out.println("BENCHMARK " + result.row());
            return result;
        }
    }

    /**
     * Runs several kinds of caller at once, first for a warm-up that is thrown away, then for the measured period.
     * The {@code threads} of a result is the number of threads that performed that operation.
     */
    public static Mixed together(Duration warmup, Duration measure, List<Callers> callers) {
        drive(warmup, callers);
        long started = System.nanoTime();
        List<Timer> timers = drive(measure, callers);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, List<long[]>> parts = new HashMap<>();
        Map<String, Long> errors = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        for (Timer timer : timers) {
            timer.counts.forEach((operation, n) -> {
                parts.computeIfAbsent(operation, o -> new ArrayList<>())
                        .add(Arrays.copyOf(timer.latencies.get(operation), n));
                threads.merge(operation, 1, Integer::sum);
            });
            timer.errors.forEach((operation, n) -> errors.merge(operation, n, Long::sum));
        }
        Map<String, long[]> latencies = new HashMap<>();
        parts.forEach((operation, arrays) -> latencies.put(operation,
                arrays.stream().flatMapToLong(Arrays::stream).toArray()));
        return new Mixed(latencies, errors, threads, seconds);
    }

    private static List<Timer> drive(Duration duration, List<Callers> callers) {
        var stop = new AtomicBoolean();
        int total = callers.stream().mapToInt(Callers::threads).sum();
        var done = new CountDownLatch(total);
        List<Timer> timers = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newFixedThreadPool(total)) {
            for (Callers caller : callers) {
                for (int t = 0; t < caller.threads(); t++) {
                    int index = t;
                    // Paced threads start spread over one interval, not all at once.
                    long offset = caller.pace() == null ? 0 : caller.pace().toNanos() * t / caller.threads();
                    pool.submit(() -> {
                        var timer = new Timer(index);
                        long next = System.nanoTime() + offset;
                        try {
                            while (!stop.get()) {
                                if (caller.pace() != null) {
                                    long wait = next - System.nanoTime();
                                    if (wait > 0) {
                                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                                    }
                                    timer.due = next;
                                    next += caller.pace().toNanos();
                                }
                                try {
                                    caller.step().run(timer);
                                } catch (InterruptedException e) {
                                    throw e;
                                } catch (Exception e) {
                                    // counted by the timer; the caller goes on
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            timers.add(timer);
                            done.countDown();
                        }
                        return null;
                    });
                }
            }
            try {
                Thread.sleep(duration);
                stop.set(true);
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return timers;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
