package org.yimen.reception;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each node's one listener on the {@code yimen_calls} channel: a dedicated PostgreSQL connection (outside the pool)
 * that {@code LISTEN}s, and a background thread that hands each notification to the displays connected here. If the
 * connection drops, the thread opens a new one after a pause and lets every display catch up on what it missed.
 */
@Component
class CallRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallRelay.class);
    private static final int POLL_MS = 5_000;
    private static final long RETRY_MS = 2_000;
    private static final int PROBE_EVERY_POLLS = 6;

    private final DataSource dataSource;
    private final DisplayHub hub;
    private volatile boolean running;
    private volatile @Nullable Connection connection;
    private @Nullable Thread thread;

    CallRelay(DataSource dataSource, DisplayHub hub) {
        this.dataSource = dataSource;
        this.hub = hub;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("yimen-call-relay").start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection listening = open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CallEvents.CHANNEL);
                }
                if (!first) {
                    log.info("Listening to {} again", CallEvents.CHANNEL);
                    hub.resync();
                }
                first = false;
                PGConnection pg = listening.unwrap(PGConnection.class);
                long quietPolls = 0;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MS);
                    if (notifications == null || notifications.length == 0) {
                        // A half-open connection (a dropped route, a failed-over server) can stay silent for
                        // ever; a query now and then finds out and sends us round the reconnect loop.
                        if (++quietPolls % PROBE_EVERY_POLLS == 0) {
                            try (Statement probe = listening.createStatement()) {
                                probe.setQueryTimeout(10);
                                probe.execute("select 1");
                            }
                        }
                        continue;
                    }
                    quietPolls = 0;
                    for (PGNotification notification : notifications) {
                        relay(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Lost the {} listener connection; retrying in {} ms: {}", CallEvents.CHANNEL, RETRY_MS,
                            e.toString());
                    sleep();
                }
            } finally {
                connection = null;
            }
        }
    }

    /** {@code <hall>:<call event>} (0: only the counts changed) or {@code <hall>:officer:<window>}. */
    private void relay(String payload) {
        String[] parts = payload.split(":");
        try {
            long hallId = Long.parseLong(parts[0]);
            if (parts.length == 3 && parts[1].equals(CallEvents.OFFICER)) {
                hub.officerChanged(hallId, Long.parseLong(parts[2]));
            } else {
                hub.relay(hallId, Long.parseLong(parts[1]));
            }
        } catch (RuntimeException e) {
            log.warn("Could not relay {} to the displays: {}", payload, e.toString());
        }
    }

    /** A connection of its own, so the pool's connections stay short-lived and the listener is never recycled. */
    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            var properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", "yimen-call-relay");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        Connection pooled = dataSource.getConnection();
        pooled.setAutoCommit(true);
        return pooled;
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing to break out of the wait; nothing to do
            }
        }
    }
}
