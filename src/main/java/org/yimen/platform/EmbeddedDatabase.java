package org.yimen.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 server yimen starts itself when no external database is configured. Its files live in one
 * directory that survives restarts; a lock file keeps a second process away from it. Within one JVM, contexts that
 * point at the same directory share one server (tests start several contexts), and the last one to close stops it.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "yimen";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> running = new HashMap<>();

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private int users;

    private EmbeddedDatabase(Path directory, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * The server of this directory, started if it is not running in this JVM yet. {@code stopAtExit}: the server stops
     * itself when the JVM exits, for where nobody closes the context (tests); otherwise the last {@link #close} stops
     * it, so that it outlives everything in the context that still uses it while the context closes.
     */
    static synchronized EmbeddedDatabase acquire(Path dataDirectory, boolean stopAtExit) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        EmbeddedDatabase database = running.get(directory);
        if (database == null) {
            database = start(directory, stopAtExit);
            running.put(directory, database);
        }
        database.users++;
        return database;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        synchronized (EmbeddedDatabase.class) {
            if (--users > 0) {
                return;
            }
            running.remove(directory);
        }
        try (lockChannel) {
            postgres.close();
            lock.release();
            log.info("Embedded PostgreSQL in {} stopped", directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedDatabase start(Path directory, boolean stopAtExit) {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new EmbeddedDatabaseUnavailable(directory, "PostgreSQL refuses to run as root. Run yimen as an"
                    + " ordinary user, or point spring.datasource.url at an external PostgreSQL.");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve("yimen.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new EmbeddedDatabaseUnavailable(directory, "another yimen process is using this data"
                        + " directory. Stop it, or start this one with another --yimen.data-dir.");
            }
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopAtExit)
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .start();
            createDatabaseIfMissing(postgres);
            log.info("Embedded PostgreSQL in {} listening on port {} (started in {} ms)", directory,
                    postgres.getPort(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(directory, channel, lock, postgres);
        } catch (IOException | SQLException e) {
            closeQuietly(channel);
            throw new EmbeddedDatabaseUnavailable(directory, e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var result = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!result.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
        }
    }
}
