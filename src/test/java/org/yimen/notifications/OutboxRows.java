package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reading outbox rows in tests, and waiting for a dispatcher (this node's scheduled one may take a row first). */
final class OutboxRows {

    /** An outbox row as a test checks it. */
    record Row(String status, int attempts, @Nullable String lastError, @Nullable String providerId,
            @Nullable Integer parts, String recipientMasked, boolean hasText, OffsetDateTime nextAttemptAt) {
    }

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Row row(long id) {
        return jdbc.sql("""
                select status, attempts, last_error, provider_id, parts, recipient_masked,
                    body_sealed is not null as has_text, next_attempt_at
                from ntf_outbox where id = ?""")
                .param(id).query(Row.class).single();
    }

    /** Waits until the row is in a status (SENT, FAILED…), at most ten seconds. */
    Row awaitStatus(long id, String status) {
        await(() -> row(id).status().equals(status), "message " + id + " " + status);
        return row(id);
    }

    Row awaitAttempts(long id, int attempts) {
        await(() -> row(id).attempts() >= attempts, "message " + id + " tried " + attempts + " times");
        return row(id);
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A mobile number no other test uses. */
    static String phone() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The settings of this context with another SMSC, for a second, separately built dispatcher. */
    static NotificationsProperties withSmpp(NotificationsProperties p, NotificationsProperties.Smpp smpp) {
        return new NotificationsProperties(p.dispatchInterval(), p.batchSize(), p.maxAttempts(), p.retryDelay(),
                p.maxRetryDelay(), p.smsSignature(), p.mailFrom(), smpp, p.codes(), p.retention());
    }
}
