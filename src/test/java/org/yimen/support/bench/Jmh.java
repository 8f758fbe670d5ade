package org.yimen.support.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a JMH benchmark class inside the test JVM (Surefire's class path cannot be handed to a forked JVM) and writes
 * the results to {@code target/benchmarks/<name>.txt}.
 */
public final class Jmh {

    private Jmh() {
    }

    public static void run(Class<?> benchmark) {
        try {
            Path out = Path.of("target", "benchmarks", benchmark.getSimpleName() + ".txt");
            Files.createDirectories(out.getParent());
            new Runner(new OptionsBuilder()
                    .include(benchmark.getName())
                    .forks(0)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(2))
                    .threads(1)
                    .resultFormat(ResultFormatType.TEXT)
                    .result(out.toString())
                    .build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
