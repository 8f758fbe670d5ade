package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.notifications.NotificationsProperties.LongMessages;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/** Sent and failed messages leave the outbox after the retention; what may still be sent stays. */
@YimenIntegrationTest
class OutboxRetentionTest {

    @Autowired
    OutboxRetention retention;
    @Autowired
    Notifications notifications;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    SmppGateway smpp;
    @Autowired
    NotificationsProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TestClock clock;

    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactionManager);
    }

    @AfterEach
    void tearDown() {
        smpp.resetTarget();
        clock.reset();
    }

    long queue(String phone) {
        Long id = tx.execute(s -> notifications.sms("test.retention", phone, "notifications.test.sms", "测试"));
        return id == null ? 0 : id;
    }

    boolean exists(long id) {
        return jdbc.sql("select count(*) from ntf_outbox where id = ?").param(id).query(Integer.class).single() == 1;
    }

    @Test
    void finishedMessagesOlderThanTheRetentionGoAndEverythingElseStays() {
        assertThat(properties.retention()).isEqualTo(Duration.ofDays(180));
        ZonedDateTime now = ZonedDateTime.now(clock);
        long oldSent;
        long oldFailed;
        long oldPending;
        long oldHeld;
        long recentSent;
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.settings(LongMessages.UDH));
            clock.set(now.minusDays(181));
            oldSent = queue(OutboxRows.phone());
            dispatcher.dispatchDue();
            new OutboxRows(jdbc).awaitStatus(oldSent, "SENT");
            oldFailed = queue("0851-86812345");
            clock.set(now.minusDays(179));
            recentSent = queue(OutboxRows.phone());
            dispatcher.dispatchDue();
            new OutboxRows(jdbc).awaitStatus(recentSent, "SENT");
            // Queued long ago and not yet due: a dispatcher must not take it before the purge looks at it.
            clock.set(now.minusDays(181));
            oldPending = tx.execute(s -> {
                long id = notifications.sms("test.retention", OutboxRows.phone(), "notifications.test.sms", "测试");
                jdbc.sql("update ntf_outbox set next_attempt_at = ? where id = ?")
                        .params(Outbox.utc(now.plusDays(1).toInstant()), id).update();
                return id;
            });
        }
        smpp.target(null);
        oldHeld = queue(OutboxRows.phone());
        smpp.resetTarget();
        clock.set(now);

        var outcome = retention.purge();

        assertThat(outcome.ran()).isTrue();
        assertThat(outcome.removed()).isGreaterThanOrEqualTo(2);
        assertThat(exists(oldSent)).as("sent 181 days ago").isFalse();
        assertThat(exists(oldFailed)).as("failed 181 days ago").isFalse();
        assertThat(exists(recentSent)).as("sent 179 days ago").isTrue();
        assertThat(exists(oldPending)).as("still to be sent").isTrue();
        assertThat(exists(oldHeld)).as("held for an administrator").isTrue();
    }

    @Test
    void whileAnotherNodeHoldsTheLockThisOneLeavesTheWorkToIt() throws Exception {
        clock.set(ZonedDateTime.now(clock).minusDays(200));
        long old = queue("0851-86812345");
        clock.reset();
        var otherNode = new TransactionTemplate(transactionManager);
        var locked = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var holder = new Thread(() -> otherNode.executeWithoutResult(s -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(OutboxRetention.LOCK_KEY).query(Integer.class)
                    .single();
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        try {
            locked.await();
            assertThat(retention.purge()).isEqualTo(new OutboxRetention.Outcome(false, 0));
            assertThat(exists(old)).isTrue();
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(retention.purge().ran()).isTrue();
        assertThat(exists(old)).isFalse();
    }
}
