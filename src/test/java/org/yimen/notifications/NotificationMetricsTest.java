package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.notifications.NotificationMetrics.Outcome;
import org.yimen.notifications.NotificationsProperties.LongMessages;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/** Operations watch the outbox in Prometheus: what was queued, sent, held, failed, delivered, and what waits. */
@YimenIntegrationTest
class NotificationMetricsTest {

    @Autowired
    MeterRegistry registry;
    @Autowired
    Notifications notifications;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    SmppGateway smpp;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TestClock clock;

    TransactionTemplate tx;
    OutboxRows rows;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactionManager);
        rows = new OutboxRows(jdbc);
    }

    @AfterEach
    void tearDown() {
        smpp.resetTarget();
        clock.reset();
    }

    double count(Outcome outcome) {
        return registry.get(NotificationMetrics.name(outcome)).tag("channel", "sms").counter().count();
    }

    Map<Outcome, Double> counts() {
        var counts = new EnumMap<Outcome, Double>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, count(outcome));
        }
        return counts;
    }

    double pending() {
        return registry.get(NotificationMetrics.PREFIX + "pending").tag("channel", "sms").gauge().value();
    }

    long queue(String phone) {
        Long id = tx.execute(s -> notifications.sms("test.metrics", phone, "notifications.test.sms", "测试"));
        return id == null ? 0 : id;
    }

    @Test
    void sendingAMessageCountsItQueuedSentAndDelivered() {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.transceiver(LongMessages.UDH));
            dispatcher.dispatchDue(); // whatever earlier tests left due goes first, so only this message counts
            var before = counts();
            String phone = OutboxRows.phone();
            long id = queue(phone);
            assertThat(count(Outcome.QUEUED) - before.get(Outcome.QUEUED)).isEqualTo(1);

            dispatcher.dispatchDue();
            rows.awaitStatus(id, "SENT");
            assertThat(count(Outcome.SENT) - before.get(Outcome.SENT)).isEqualTo(1);

            smsc.sendReceipt(smsc.receivedBy(phone).getFirst(), "DELIVRD", false);
            OutboxRows.await(() -> {
                dispatcher.dispatchDue();
                return count(Outcome.DELIVERED) > before.get(Outcome.DELIVERED);
            }, "the delivery counted");
            assertThat(count(Outcome.DELIVERED) - before.get(Outcome.DELIVERED)).isEqualTo(1);
            assertThat(count(Outcome.FAILED)).isEqualTo(before.get(Outcome.FAILED));
            assertThat(count(Outcome.UNDELIVERED)).isEqualTo(before.get(Outcome.UNDELIVERED));
        }
    }

    @Test
    void heldAndFailedMessagesAreCountedAndARolledBackOneIsNot() {
        smpp.target(null);
        var before = counts();
        queue(OutboxRows.phone());
        queue("0851-86812345");
        tx.executeWithoutResult(s -> {
            notifications.sms("test.metrics", OutboxRows.phone(), "notifications.test.sms", "测试");
            s.setRollbackOnly();
        });

        assertThat(count(Outcome.QUEUED) - before.get(Outcome.QUEUED)).isEqualTo(2);
        assertThat(count(Outcome.HELD) - before.get(Outcome.HELD)).isEqualTo(1);
        assertThat(count(Outcome.FAILED) - before.get(Outcome.FAILED)).as("a landline").isEqualTo(1);
    }

    @Test
    void thePendingGaugeCountsMessagesWaitingInTheOutbox() {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.settings(LongMessages.UDH));
            dispatcher.dispatchDue();
            double before = pending();
            // Due tomorrow, so no dispatcher sends it while the gauge is read (the test clock stands still).
            long id = tx.execute(s -> {
                long queued = notifications.sms("test.metrics", OutboxRows.phone(), "notifications.test.sms", "测试");
                jdbc.sql("update ntf_outbox set next_attempt_at = ? where id = ?")
                        .params(Outbox.utc(Instant.now(clock).plusSeconds(86_400)), queued).update();
                return queued;
            });
            assertThat(pending() - before).isEqualTo(1);

            jdbc.sql("update ntf_outbox set next_attempt_at = ? where id = ?")
                    .params(Outbox.utc(clock.instant()), id).update();
            dispatcher.dispatchDue();
            rows.awaitStatus(id, "SENT");
            assertThat(pending()).isEqualTo(before);
        }
    }
}
