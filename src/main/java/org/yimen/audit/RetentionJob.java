package org.yimen.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes records older than the retention, when the hall has switched purging on. It says so to the database for
 * its own transaction only, and the database still refuses anything younger than 180 days. The purge itself is
 * recorded, so the trail shows where it now begins and why.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final long JOB_LOCK = 0x6175646974_03L;

    private final JdbcClient jdbc;
    private final AuditProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    RetentionJob(JdbcClient jdbc, AuditProperties properties, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 2 * * *", zone = "${yimen.time-zone:Asia/Shanghai}")
    @Transactional
    public void scheduled() {
        if (properties.purge()
                && jdbc.sql("select pg_try_advisory_xact_lock(?)").param(JOB_LOCK).query(Boolean.class).single()) {
            purge();
        }
    }

    /** Removes what is older than the retention; returns how many records went. */
    @Transactional
    public int purge() {
        var before = OffsetDateTime.ofInstant(Instant.now(clock).minus(properties.retention()), ZoneOffset.UTC);
        jdbc.sql("select set_config('yimen.audit_purge', 'on', true)").query(String.class).single();
        // The chain's order is the order of sealing, and a record is sealed a moment after it was made, so near the
        // boundary an older record can follow a younger one. Removing it would leave an empty place in the chain
        // that verification reports as tampering: nothing after the first record kept near the boundary goes (an
        // hour is longer than any transaction and its sealing). The next purge takes such a record once the
        // boundary has passed the younger one. Records not sealed yet are never removed.
        int removed = jdbc.sql("""
                delete from audit_record
                where occurred_at < :before
                  and link < coalesce((select min(link) from audit_record
                                       where occurred_at >= :before and occurred_at < :before + interval '1 hour'),
                                      9223372036854775807)""")
                .param("before", before).update();
        jdbc.sql("select set_config('yimen.audit_purge', 'off', true)").query(String.class).single();
        if (removed > 0) {
            audit.record(Actor.system("audit.retention"), "audit.purged", "audit-trail", "all",
                    java.util.Map.of("removed", removed, "olderThan", before.toString()));
            log.info("Removed {} audit records older than {}", removed, before);
        }
        return removed;
    }
}
