package org.yimen.support.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed-loop load generator: {@code threads} callers repeat one operation as fast as it answers, first for a
 * warm-up that is thrown away, then for the measured period; every operation's latency is kept, so percentiles are
 * exact. Bounded in time, local only.
 */
public final class Load {

    /** What one run measured. */
    public record Result(String name, int threads, long operations, long errors, double seconds, double perSecond,
            double p50Millis, double p99Millis, double maxMillis) {

        public String row() {
            return "| %s | %d | %,d | %,.0f | %.2f | %.2f | %.2f | %d |".formatted(name, threads, operations,
                    perSecond, p50Millis, p99Millis, maxMillis, errors);
        }
    }

    private Load() {
    }

    public static Result run(String name, int threads, Duration warmup, Duration measure, Callable<?> operation) {
        drive(threads, warmup, operation);
        List<long[]> latencies = new ArrayList<>();
        long[] errors = new long[1];
        long started = System.nanoTime();
        long count = drive(threads, measure, operation, latencies, errors);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        var result = new Result(name, threads, count, errors[0], seconds, count / seconds, percentile(all, 0.50),
                percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.println("BENCHMARK " + result.row());
        return result;
    }

    /** Appends the rows to {@code target/benchmarks/<file>.md}, under a table header. */
    public static void report(String file, String title, List<Result> results) {
        var lines = new ArrayList<String>();
        lines.add("## " + title);
        lines.add("");
        lines.add("| Operation | Threads | Operations | Per second | p50 ms | p99 ms | max ms | Errors |");
        lines.add("|---|---|---|---|---|---|---|---|");
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

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
