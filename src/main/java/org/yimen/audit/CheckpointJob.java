package org.yimen.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes a checkpoint of the chain head on schedule, on one node only (the one that wins an advisory lock). */
@Component
class CheckpointJob {

    private static final Logger log = LoggerFactory.getLogger(CheckpointJob.class);
    private static final long JOB_LOCK = 0x6175646974_02L;

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;
    private final Clock clock;

    CheckpointJob(JdbcClient jdbc, Checkpoints checkpoints, Clock clock) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    @Scheduled(cron = "${yimen.audit.checkpoint-cron:0 0 2 * * *}", zone = "${yimen.time-zone:Asia/Shanghai}")
    @Transactional
    public void scheduled() {
        boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(JOB_LOCK).query(Boolean.class).single();
        if (mine) {
            writeNow();
        }
    }

    /** Writes a checkpoint of the sealed chain's head, if there is a head. */
    @Transactional
    public Optional<Checkpoint> writeNow() {
        var head = jdbc.sql("""
                select link, hash, (select count(*) from audit_record where link is not null) as records
                from audit_record where link is not null order by link desc limit 1""")
                .query((rs, row) -> checkpoints.write(rs.getLong("link"), rs.getString("hash"), rs.getLong("records"),
                        Instant.now(clock)))
                .optional();
        head.ifPresent(c -> log.info("Audit checkpoint at place {} written to {}", c.seq(), checkpoints.directory()));
        return head;
    }
}
