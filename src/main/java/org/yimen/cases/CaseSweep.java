package org.yimen.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.shared.Rejected;

/**
 * The clock rules nobody triggers by hand, every minute: a consulted department silent past its deadline consents
 * (超时默认), a 容缺 case whose pledge passed with materials missing is terminated, an online application unexamined
 * for 5 working days counts as accepted. Only the node holding the advisory lock sweeps; each case is its own
 * transaction, and the case's row version makes a rule apply once even if two sweeps ever met.
 */
@Component
class CaseSweep {

    /** What one run did. */
    record Outcome(boolean ran, int deemedConsents, int terminated, int deemedAccepted) {
    }

    /** Advisory lock key of this sweep ("cases" + "sweep" as a number nobody else uses). */
    static final long LOCK_KEY = 0x6361_7365_7377_01L;

    private static final Logger log = LoggerFactory.getLogger(CaseSweep.class);

    private final JdbcClient jdbc;
    private final Cases cases;
    private final TransactionTemplate outer;
    private final TransactionTemplate perCase;

    CaseSweep(JdbcClient jdbc, Cases cases, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.outer = new TransactionTemplate(transactions);
        this.perCase = new TransactionTemplate(transactions);
        perCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(cron = "${yimen.cases.sweep-cron:30 * * * * *}")
    void everyMinute() {
        var outcome = sweep();
        if (outcome.deemedConsents() + outcome.terminated() + outcome.deemedAccepted() > 0) {
            log.info("Case clocks: {} silent opinion(s) taken as consent, {} case(s) terminated, {} online "
                    + "application(s) deemed accepted", outcome.deemedConsents(), outcome.terminated(),
                    outcome.deemedAccepted());
        }
    }

    Outcome sweep() {
        Outcome outcome = outer.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class)
                    .single();
            if (!locked) {
                return new Outcome(false, 0, 0, 0);
            }
            int consents = 0;
            int terminated = 0;
            int accepted = 0;
            for (long id : cases.dueForSweep()) {
                try {
                    int[] did = perCase.execute(s -> new int[] {cases.deemSilentConsent(id).size(),
                            cases.terminateIfPledgeMissed(id) ? 1 : 0, cases.deemAcceptedIfUnexamined(id) ? 1 : 0});
                    consents += did[0];
                    terminated += did[1];
                    accepted += did[2];
                } catch (Rejected conflict) {
                    // Someone changed the case meanwhile; the next run looks again.
                    log.debug("Case {} changed during the sweep: {}", id, conflict.getMessage());
                }
            }
            return new Outcome(true, consents, terminated, accepted);
        });
        return outcome == null ? new Outcome(false, 0, 0, 0) : outcome;
    }
}
