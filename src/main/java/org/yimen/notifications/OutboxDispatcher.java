package org.yimen.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.privacy.PersonalData;

/**
 * Drains the outbox. Every node runs it: a batch is claimed with {@code FOR UPDATE SKIP LOCKED}, sent, and its
 * outcome recorded in the same transaction, so while one node sends a row no other node sees it, and once the
 * transaction commits the row is no longer due. A message is therefore handed to the SMSC or SMTP server once, except
 * when a node dies between the server's answer and its commit (then it is sent again: at least once, never lost).
 *
 * <p>A failed try is recorded with the error and tried again after a growing delay ({@link RetryPolicy}); after the
 * last one, or a refusal no retry can change, the row is {@code FAILED}. When the server cannot be reached at all,
 * the batch stops at that row instead of failing every other one. Sending runs on a thread of its own, so a slow
 * server never delays the other scheduled work of the node.
 *
 * <p>Each run also applies the delivery receipts any node has filed ({@link DeliveryReceipts}).
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

    /** Batches one run sends at most before it lets the next tick continue. */
    static final int MAX_BATCHES_PER_RUN = 50;

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** One batch: how many rows were claimed, how many of them were dealt with, and whether it stopped early. */
    record Batch(int claimed, int handled, boolean stopped) {
    }

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final PersonalData personalData;
    private final Clock clock;
    private final int batchSize;
    private final RetryPolicy retry;
    private final SmppGateway sms;
    private final SmtpGateway email;
    private final DeliveryReceipts receipts;
    private final NotificationMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean started;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "notifications-dispatch");
        thread.setDaemon(true);
        return thread;
    });

    OutboxDispatcher(Outbox outbox, PlatformTransactionManager transactionManager, PersonalData personalData,
            Clock clock, NotificationsProperties properties, SmppGateway sms, SmtpGateway email,
            DeliveryReceipts receipts, NotificationMetrics metrics) {
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.personalData = personalData;
        this.clock = clock;
        this.batchSize = properties.batchSize();
        this.retry = RetryPolicy.of(properties);
        this.sms = sms;
        this.email = email;
        this.receipts = receipts;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${yimen.notifications.dispatch-interval:PT5S}", initialDelayString = "PT10S")
    void tick() {
        if (started && running.compareAndSet(false, true)) {
            worker.execute(() -> {
                try {
                    dispatchDue();
                } catch (RuntimeException e) {
                    log.warn("Dispatching notifications failed: {}", e.toString());
                } finally {
                    running.set(false);
                }
            });
        }
    }

    /** Sends what is due now, batch by batch, and returns how many messages were sent or given up. */
    int dispatchDue() {
        Instant now = clock.instant();
        sms.keepBound();
        transactions.executeWithoutResult(status -> {
            var expired = outbox.expire(now);
            expired.forEach(channel -> metrics.count(channel, NotificationMetrics.Outcome.FAILED, 1));
            int heldSms = sms.ready() ? 0 : outbox.hold(Channel.SMS);
            int heldEmail = email.ready() ? 0 : outbox.hold(Channel.EMAIL);
            metrics.count(Channel.SMS, NotificationMetrics.Outcome.HELD, heldSms);
            metrics.count(Channel.EMAIL, NotificationMetrics.Outcome.HELD, heldEmail);
            if (expired.size() + heldSms + heldEmail > 0) {
                log.info("Notifications: {} expired before sending, {} held (no server configured)", expired.size(),
                        heldSms + heldEmail);
            }
        });
        transactions.executeWithoutResult(status -> receipts.apply(now).forEach(decided -> metrics.count(Channel.SMS,
                decided == Delivery.DELIVERED ? NotificationMetrics.Outcome.DELIVERED
                        : NotificationMetrics.Outcome.UNDELIVERED, 1)));
        int handled = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            Batch batch = dispatchBatch();
            handled += batch.handled();
            if (batch.stopped() || batch.claimed() < batchSize) {
                break;
            }
        }
        return handled;
    }

    /** Claims one batch of due messages, sends them and records each outcome, all in one transaction. */
    Batch dispatchBatch() {
        boolean smsReady = sms.ready();
        boolean emailReady = email.ready();
        if (!smsReady && !emailReady) {
            return new Batch(0, 0, false);
        }
        Batch batch = transactions.execute(status -> {
            var rows = outbox.claimDue(clock.instant(), batchSize, smsReady, emailReady);
            int handled = 0;
            for (var row : rows) {
                if (!deliver(row)) {
                    return new Batch(rows.size(), handled, true);
                }
                handled++;
            }
            return new Batch(rows.size(), handled, false);
        });
        return batch == null ? new Batch(0, 0, false) : batch;
    }

    /** Sends one claimed row and records the outcome; false when the server cannot be reached (stop the batch). */
    private boolean deliver(Outbox.Claimed row) {
        String recipient = "";
        try {
            recipient = personalData.open(row.recipientSealed());
            String text = open(row.bodySealed());
            if (text == null) {
                outbox.markFailed(row.id(), row.attempts(), "notifications.error.textGone");
                metrics.count(row.channel(), NotificationMetrics.Outcome.FAILED, 1);
                return true;
            }
            Sent sent = switch (row.channel()) {
                case SMS -> sms.send(recipient, text, (int) row.id());
                case EMAIL -> email.send(recipient, String.valueOf(open(row.subjectSealed())), text);
            };
            outbox.markSent(row.id(), clock.instant(), sent.providerId(), sent.parts());
            if (sent.receiptsRequested()) {
                outbox.expectReceipts(row.id(), sent.ids());
            }
            metrics.count(row.channel(), NotificationMetrics.Outcome.SENT, 1);
            log.info("{} {} ({}) to {} sent: {}", row.channel(), row.id(), row.category(), row.recipientMasked(),
                    sent.providerId());
            return true;
        } catch (DeliveryFailed e) {
            int attempts = row.attempts() + 1;
            String error = Recipients.maskIn(e.getMessage(), recipient, row.recipientMasked());
            if (e.permanent() || !retry.triesAgainAfter(attempts)) {
                outbox.markFailed(row.id(), attempts, error);
                metrics.count(row.channel(), NotificationMetrics.Outcome.FAILED, 1);
                log.warn("{} {} ({}) to {} failed after {} tries: {}", row.channel(), row.id(), row.category(),
                        row.recipientMasked(), attempts, error);
            } else {
                outbox.retryLater(row.id(), attempts, clock.instant().plus(retry.delayAfter(attempts)), error);
                log.warn("{} {} ({}) to {} not sent, try {} of {}: {}", row.channel(), row.id(), row.category(),
                        row.recipientMasked(), attempts, retry.maxAttempts(), error);
            }
            return !e.unavailable();
        } catch (RuntimeException e) {
            // A value that cannot be opened (a missing key) may open again once the keys are back: retry.
            int attempts = row.attempts() + 1;
            String error = Recipients.maskIn(e.toString(), recipient, row.recipientMasked());
            if (retry.triesAgainAfter(attempts)) {
                outbox.retryLater(row.id(), attempts, clock.instant().plus(retry.delayAfter(attempts)), error);
            } else {
                outbox.markFailed(row.id(), attempts, error);
                metrics.count(row.channel(), NotificationMetrics.Outcome.FAILED, 1);
            }
            log.warn("{} {} could not be prepared: {}", row.channel(), row.id(), error);
            return true;
        }
    }

    private @Nullable String open(byte @Nullable [] sealed) {
        return sealed == null ? null : personalData.open(sealed);
    }

    @Override
    public void start() {
        started = true;
    }

    /** Stops early when the node shuts down, so no send is begun while the database may already be going away. */
    @Override
    public void stop() {
        started = false;
        worker.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
