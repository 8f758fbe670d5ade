package org.yimen.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes sent and failed messages older than {@code yimen.notifications.retention} (180 days by default), with their
 * sealed recipient and text: the outbox is a means of sending, not an archive of who was told what. Pending and held
 * messages stay whatever their age, since someone may still send them. Once a day; the nodes share the database, so
 * each batch is its own short transaction that first takes an advisory lock, and a node that does not get it leaves
 * the work to the one that did.
 */
@Component
class OutboxRetention {

    /** What one run did: whether it held the lock, and how many messages went. */
    record Outcome(boolean ran, int removed) {
    }

    /** Advisory lock key of this job ("ntf" + "retain" as a number nobody else uses). */
    static final long LOCK_KEY = 0x6e74_6672_6574_01L;
    /** Rows one transaction removes: short locks, modest WAL, whatever the backlog. */
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration retention;

    OutboxRetention(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            NotificationsProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retention = properties.retention();
    }

    @Scheduled(cron = "${yimen.notifications.retention-cron:0 40 3 * * *}", zone = "${yimen.time-zone:Asia/Shanghai}")
    void daily() {
        var outcome = purge();
        if (outcome.removed() > 0) {
            log.info("Removed {} sent or failed message(s) older than {} from the outbox", outcome.removed(),
                    retention);
        }
    }

    /** Removes, batch by batch, the finished messages created before the retention, if no other node is at it. */
    Outcome purge() {
        Instant before = clock.instant().minus(retention);
        int removed = 0;
        while (true) {
            Integer batch = transaction.execute(status -> {
                boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY)
                        .query(Boolean.class).single();
                if (!locked) {
                    return null;
                }
                // Rows a dispatcher holds (a retry released meanwhile) are skipped, not waited for.
                return jdbc.sql("""
                        delete from ntf_outbox
                        where id in (select id from ntf_outbox
                                     where status in ('SENT', 'FAILED') and created_at < ?
                                     order by created_at, id limit ?
                                     for update skip locked)""")
                        .params(Outbox.utc(before), BATCH).update();
            });
            if (batch == null) {
                return new Outcome(removed > 0, removed);
            }
            removed += batch;
            if (batch < BATCH) {
                return new Outcome(true, removed);
            }
        }
    }
}
