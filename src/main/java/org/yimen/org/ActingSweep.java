package org.yimen.org;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Absences recorded ahead of time begin and end while nobody touches them; every minute this sweep records the
 * switches those boundaries cause. Several nodes share one database, so only the node that obtains the advisory lock
 * sweeps; the others skip. Even if two sweeps did overlap, {@link ActingOfficers#reconcile} would record a switch once.
 */
@Component
class ActingSweep {

    /** What one run did: whether it held the lock, and how many switches it recorded. */
    record Outcome(boolean ran, int switches) {
    }

    /** Advisory lock key of this sweep ("org" + "acting" as a number nobody else uses). */
    static final long LOCK_KEY = 0x6f72_6761_6374_01L;

    private static final Logger log = LoggerFactory.getLogger(ActingSweep.class);

    private final JdbcClient jdbc;
    private final ActingOfficers acting;
    private final TransactionTemplate transaction;

    ActingSweep(JdbcClient jdbc, ActingOfficers acting, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.acting = acting;
        this.transaction = transaction;
    }

    @Scheduled(cron = "${yimen.org.acting-sweep-cron:0 * * * * *}")
    void everyMinute() {
        var outcome = sweep();
        if (outcome.switches() > 0) {
            log.info("Recorded {} acting-officer switch(es) at absence boundaries", outcome.switches());
        }
    }

    Outcome sweep() {
        var outcome = transaction.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class)
                    .single();
            return locked ? new Outcome(true, acting.reconcileAll()) : new Outcome(false, 0);
        });
        return outcome == null ? new Outcome(false, 0) : outcome;
    }
}
