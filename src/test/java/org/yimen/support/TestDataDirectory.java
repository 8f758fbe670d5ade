package org.yimen.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test JVM a fresh {@code yimen.data-dir}, so the embedded PostgreSQL every test context shares starts
 * empty. The server stops only when the JVM exits, after this session has closed, so a directory is removed by a
 * later session: one whose server's lock file nobody holds any more.
 */
public class TestDataDirectory implements LauncherSessionListener {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Path directory;
        try {
            Files.createDirectories(TARGET);
            removeLeftovers();
            directory = Files.createTempDirectory(TARGET, "test-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("yimen.data-dir", directory.toString());
    }

    private static void removeLeftovers() throws IOException {
        try (Stream<Path> directories = Files.list(TARGET)) {
            for (Path directory : directories.filter(d -> d.getFileName().toString().startsWith("test-data-"))
                    .toList()) {
                if (!inUse(directory.resolve("postgres").resolve("yimen.lock"))) {
                    delete(directory);
                }
            }
        }
    }

    private static boolean inUse(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); var lock = channel.tryLock()) {
            return lock == null;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover that cannot be removed now is tried again by the next session
        }
    }
}
