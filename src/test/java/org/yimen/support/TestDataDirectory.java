package org.yimen.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test JVM a fresh {@code yimen.data-dir}, so the embedded PostgreSQL every test context shares starts
 * empty, and removes it afterwards.
 */
public class TestDataDirectory implements LauncherSessionListener {

    private Path directory;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Files.createDirectories(Path.of("target"));
            directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("yimen.data-dir", directory.toString());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // leftover test data in target/ is harmless
        }
    }
}
