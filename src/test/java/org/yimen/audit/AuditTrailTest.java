package org.yimen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.audit.VerificationReport.Kind;
import org.yimen.support.AuditRecords;
import org.yimen.support.YimenIntegrationTest;

/**
 * The trail as an auditor relies on it: one unforked chain whatever the concurrency of writers and sealers, refused
 * changes, and every kind of tampering found at the right record. Tampering happens inside a transaction that is rolled back, so the shared
 * database is left as it was.
 */
@YimenIntegrationTest
class AuditTrailTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerification verification;
    @Autowired
    AuditSealer sealer;
    @Autowired
    CheckpointJob checkpointJob;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RetentionJob retention;
    @Autowired
    org.yimen.support.TestClock clock;

    /** Writers on several nodes while sealers on several nodes run at once: every record gets one place, no fork. */
    @Test
    void concurrentWritersAndSealersExtendOneUnforkedChain() throws Exception {
        long mark = AuditRecords.head(jdbc);
        int writers = 8;
        int each = 25;
        int sealers = 3;
        var start = new CountDownLatch(1);
        var writing = new java.util.concurrent.atomic.AtomicInteger(writers);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    audit.record(Actor.system("writer-" + writer), "test.concurrent", "probe", writer * 100 + i,
                            Map.of("i", i));
                }
                writing.decrementAndGet();
                return null;
            });
        }
        for (int n = 0; n < sealers; n++) {
            tasks.add(() -> {
                start.await();
                while (writing.get() > 0) {
                    sealer.seal();
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(writers + sealers)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }
        sealer.seal();
        var written = AuditRecords.since(jdbc, mark).stream().filter(r -> r.action().equals("test.concurrent"))
                .toList();
        assertThat(written).hasSize(writers * each);
        var links = jdbc.sql("select link from audit_record where seq > ? and action = 'test.concurrent'")
                .param(mark).query(Long.class).list();
        assertThat(links).doesNotContainNull().doesNotHaveDuplicates().hasSize(writers * each);
        var report = verification.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.unsealed()).isZero();
    }

    @Test
    void theScheduledSealerLinksACommittedRecordWithinMoments() throws Exception {
        long mark = AuditRecords.head(jdbc);
        audit.record(Actor.system("test"), "test.sealedSoon", "probe", 1, Map.of());
        long seq = AuditRecords.assertRecorded(jdbc, mark, "test.sealedSoon", "probe", 1).seq();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        Long link = null;
        while (link == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            link = jdbc.sql("select link from audit_record where seq = ?").param(seq).query(Long.class).optional()
                    .orElse(null);
        }
        assertThat(link).as("sealed by the scheduled sealer").isNotNull();
    }

    /** A transaction that commits late takes the next free place after records numbered above it: no gap, no fork. */
    @Test
    void aRecordCommittedAfterLaterOnesWereSealedTakesTheNextPlace() throws Exception {
        long mark = AuditRecords.head(jdbc);
        try (var other = Executors.newSingleThreadExecutor()) {
            transactions.executeWithoutResult(tx -> {
                audit.record(Actor.system("test"), "test.early", "probe", 1, Map.of());
                appendAsACommitWould(); // numbered now, committed only at the end of this block
                try {
                    other.submit(() -> {
                        audit.record(Actor.system("test"), "test.later", "probe", 2, Map.of());
                        sealer.seal();
                    }).get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        sealer.seal();
        var early = AuditRecords.assertRecorded(jdbc, mark, "test.early", "probe", 1);
        var later = AuditRecords.assertRecorded(jdbc, mark, "test.later", "probe", 2);
        assertThat(early.seq()).isLessThan(later.seq());
        assertThat(linkOf(early.seq())).isGreaterThan(linkOf(later.seq()));
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRecords() {
        long mark = AuditRecords.head(jdbc);
        audit.record(Actor.system("test"), "test.immutable", "probe", 1, Map.of());
        long seq = AuditRecords.assertRecorded(jdbc, mark, "test.immutable", "probe", 1).seq();
        assertThatThrownBy(() -> jdbc.sql("update audit_record set action = 'x' where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_record where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_record").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("cannot be truncated");
        // sealing fills the chain columns once and changes nothing the record says
        assertThatThrownBy(() -> jdbc.sql("""
                update audit_record set link = -1, algorithm = 'SHA-256', prev_hash = 'x', hash = 'y', action = 'x'
                where seq = ?""").param(seq).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("cannot be changed or deleted");
        sealer.seal();
        assertThatThrownBy(() -> jdbc.sql("update audit_record set hash = 'y' where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("cannot be changed or deleted");
        // even the purge switch cannot reach a record younger than 180 days
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("select set_config('yimen.audit_purge', 'on', true)").query(String.class).single();
            jdbc.sql("delete from audit_record where seq = ?").param(seq).update();
        })).isInstanceOf(DataAccessException.class);
    }

    @Test
    void changedContentIsFoundAtTheRecordThatWasChanged() {
        long target = someRecordsAndPickTheMiddle();
        var report = tampered(sql -> sql.accept(
                "update audit_record set detail = '{\"i\":999}' where seq = " + target));
        assertThat(report.intact()).isFalse();
        assertThat(report.verifiedUpTo()).isEqualTo(linkOf(target) - 1);
        assertThat(report.breach().seq()).isEqualTo(target);
        assertThat(report.breach().link()).isEqualTo(linkOf(target));
        assertThat(report.breach().kind()).isEqualTo(Kind.CONTENT_CHANGED);
    }

    @Test
    void aMissingRecordIsNamed() {
        long target = someRecordsAndPickTheMiddle();
        var report = tampered(sql -> sql.accept("delete from audit_record where seq = " + target));
        assertThat(report.breach().kind()).isEqualTo(Kind.MISSING_RECORD);
        assertThat(report.breach().link()).isEqualTo(linkOf(target));
    }

    @Test
    void aRecordWhoseHashWasRecomputedStillBreaksTheLinkAfterIt() {
        long target = someRecordsAndPickTheMiddle();
        long link = linkOf(target);
        var report = tampered(sql -> {
            sql.accept("update audit_record set action = 'test.forged' where seq = " + target);
            rehash(link);
        });
        assertThat(report.breach().kind()).isEqualTo(Kind.BROKEN_LINK);
        assertThat(report.breach().link()).isEqualTo(link + 1);
    }

    @Test
    void aRewriteOfTheWholeChainDisagreesWithTheLastCheckpoint() throws Exception {
        long target = someRecordsAndPickTheMiddle();
        var checkpoint = checkpointJob.writeNow().orElseThrow();
        assertThat(verification.verify().intact()).isTrue();
        var report = tampered(sql -> {
            sql.accept("update audit_record set action = 'test.forged' where seq = " + target);
            for (long link = linkOf(target); link <= checkpoint.seq(); link++) {
                rehash(link);
            }
        });
        assertThat(report.breach().kind()).isEqualTo(Kind.CHECKPOINT_DISAGREES);
        assertThat(report.breach().explanation()).contains("rewritten");
    }

    @Test
    void aForgedCheckpointFileIsRefused() throws Exception {
        audit.record(Actor.system("test"), "test.checkpoint", "probe", 1, Map.of());
        sealer.seal();
        var real = checkpointJob.writeNow().orElseThrow();
        var forged = checkpoints.directory().resolve("checkpoint-forged.json");
        Files.writeString(forged, """
                {"seq":%d,"hash":"%s","count":%d,"writtenAt":"%s","signature":"%s"}"""
                .formatted(real.seq(), "f".repeat(64), real.count(), real.writtenAt(), "0".repeat(64)));
        try {
            var report = verification.verify();
            assertThat(report.breach().kind()).isEqualTo(Kind.CHECKPOINT_FORGED);
        } finally {
            Files.delete(forged);
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void aPurgeRemovesOnlyRecordsPastTheRetentionAndSaysSo() {
        transactions.executeWithoutResult(tx -> {
            long mark = AuditRecords.head(jdbc);
            clock.set(java.time.ZonedDateTime.now(clock.getZone()).minusDays(200));
            audit.record(Actor.system("test"), "test.old", "probe", 1, Map.of());
            clock.reset();
            audit.record(Actor.system("test"), "test.young", "probe", 2, Map.of());
            appendAsACommitWould();
            sealer.seal();
            long old = AuditRecords.assertRecorded(jdbc, mark, "test.old", "probe", 1).seq();
            long young = AuditRecords.assertRecorded(jdbc, mark, "test.young", "probe", 2).seq();

            // other tests may have recorded under an old test clock too: count only ours
            assertThat(retention.purge()).isPositive();
            assertThat(jdbc.sql("select seq from audit_record where seq in (?, ?)").params(old, young)
                    .query(Long.class).list()).containsExactly(young);
            AuditRecords.assertRecorded(jdbc, mark, "audit.purged", "audit-trail", "all");
            tx.setRollbackOnly();
        });
    }

    /**
     * A record's time is when it was made, so a transaction that records early and commits late puts an older record
     * after younger ones. The purge must not take such a record out of the middle of the chain, where the gap would
     * look like tampering: around the retention boundary it removes only what lies before the first record it keeps.
     */
    @Test
    void aPurgeNeverOpensAGapInTheChain() {
        transactions.executeWithoutResult(tx -> {
            long mark = AuditRecords.head(jdbc);
            var retained = java.time.ZonedDateTime.now(clock.getZone()).minus(AuditProperties.MINIMUM_RETENTION);
            clock.set(retained.minusDays(20));
            audit.record(Actor.system("test"), "test.old", "probe", 1, Map.of());
            clock.set(retained.plusMinutes(5));
            audit.record(Actor.system("test"), "test.kept", "probe", 2, Map.of());
            clock.set(retained.minusMinutes(5));
            audit.record(Actor.system("test"), "test.late", "probe", 3, Map.of());
            clock.reset();
            appendAsACommitWould();
            sealer.seal();
            long old = AuditRecords.assertRecorded(jdbc, mark, "test.old", "probe", 1).seq();
            long kept = AuditRecords.assertRecorded(jdbc, mark, "test.kept", "probe", 2).seq();
            long late = AuditRecords.assertRecorded(jdbc, mark, "test.late", "probe", 3).seq();

            retention.purge();
            assertThat(jdbc.sql("select seq from audit_record where seq in (?, ?, ?) order by seq")
                    .params(old, kept, late).query(Long.class).list()).containsExactly(kept, late);
            tx.setRollbackOnly();
        });
    }

    @Test
    void aTransactionsRecordsAreAppendedWhenItCommitsAndNeverWhenItRollsBack() {
        long mark = AuditRecords.head(jdbc);
        transactions.executeWithoutResult(tx -> {
            audit.record(Actor.system("test"), "test.rolledBack", "probe", 1, Map.of());
            tx.setRollbackOnly();
        });
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            audit.record(Actor.system("test"), "test.failed", "probe", 1, Map.of());
            throw new IllegalStateException("the change fails");
        })).isInstanceOf(IllegalStateException.class);
        transactions.executeWithoutResult(tx -> {
            for (int i = 1; i <= 3; i++) {
                audit.record(Actor.system("test"), "test.committed", "probe", i, Map.of("i", i));
            }
        });
        var written = AuditRecords.since(jdbc, mark).stream()
                .filter(r -> r.action().startsWith("test.") && r.targetType().equals("probe")).toList();
        assertThat(written).extracting(AuditRecords.Recorded::action)
                .containsExactly("test.committed", "test.committed", "test.committed");
        assertThat(written).extracting(AuditRecords.Recorded::targetId).containsExactly("1", "2", "3");
        assertThat(written.get(2).seq() - written.get(0).seq()).as("one transaction's records stay together")
                .isEqualTo(2);
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void aTransactionStillRunningDoesNotHoldUpOtherWriters() throws Exception {
        long mark = AuditRecords.head(jdbc);
        try (var other = Executors.newSingleThreadExecutor()) {
            transactions.executeWithoutResult(tx -> {
                audit.record(Actor.system("test"), "test.slow", "probe", 1, Map.of());
                try {
                    // Before, the first record took the chain lock until this transaction's end: this waited for ever.
                    other.submit(() -> audit.record(Actor.system("test"), "test.quick", "probe", 2, Map.of()))
                            .get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertThat(AuditRecords.since(jdbc, mark)).extracting(AuditRecords.Recorded::action)
                .containsSubsequence("test.quick", "test.slow");
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void anInnerTransactionOfItsOwnCommitsItsRecordsWhateverTheOuterOneDoes() {
        long mark = AuditRecords.head(jdbc);
        var inner = new TransactionTemplate(transactions.getTransactionManager());
        inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(tx -> {
            audit.record(Actor.system("test"), "test.outer", "probe", 1, Map.of());
            inner.executeWithoutResult(t -> audit.record(Actor.system("test"), "test.inner", "probe", 2, Map.of()));
            audit.record(Actor.system("test"), "test.outer", "probe", 3, Map.of());
            tx.setRollbackOnly();
        });
        assertThat(AuditRecords.since(jdbc, mark)).extracting(AuditRecords.Recorded::action)
                .contains("test.inner").doesNotContain("test.outer");
    }

    @Test
    void aRecordMadeJustBeforeTheCommitIsAppendedToo() {
        long mark = AuditRecords.head(jdbc);
        transactions.executeWithoutResult(tx -> {
            audit.record(Actor.system("test"), "test.first", "probe", 1, Map.of());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    audit.record(Actor.system("test"), "test.beforeCommit", "probe", 2, Map.of());
                }
            });
        });
        AuditRecords.assertRecorded(jdbc, mark, "test.first", "probe", 1);
        AuditRecords.assertRecorded(jdbc, mark, "test.beforeCommit", "probe", 2);
        assertThat(verification.verify().intact()).isTrue();
    }

    /** Appends what the current transaction has recorded so far, as its commit would, so it can read them back. */
    private static void appendAsACommitWould() {
        TransactionSynchronizationUtils.triggerBeforeCommit(false);
    }

    private long someRecordsAndPickTheMiddle() {
        long mark = AuditRecords.head(jdbc);
        audit.record(Actor.system("test"), "test.chain", "probe", 1, Map.of("i", 1));
        audit.record(Actor.system("test"), "test.chain", "probe", 2, Map.of("i", 2));
        audit.record(Actor.system("test"), "test.chain", "probe", 3, Map.of("i", 3));
        sealer.seal();
        return AuditRecords.assertRecorded(jdbc, mark, "test.chain", "probe", 2).seq();
    }

    private long linkOf(long seq) {
        return jdbc.sql("select link from audit_record where seq = ?").param(seq).query(Long.class).single();
    }

    /** Recomputes the own hash of the record at a place of the chain from its (possibly changed) content. */
    private void rehash(long link) {
        var record = jdbc.sql("select * from audit_record where link = ?").param(link)
                .query((rs, row) -> AuditVerification.read(rs)).single();
        String previous = link == 1 ? ChainHash.GENESIS
                : jdbc.sql("select hash from audit_record where link = ?").param(link - 1).query(String.class).single();
        var relinked = new AuditRecord(record.seq(), link, record.occurredAt(), record.actor(), record.action(),
                record.targetType(), record.targetId(), record.detail(), record.clientAddress(), record.algorithm(),
                previous, "");
        jdbc.sql("update audit_record set prev_hash = ?, hash = ? where link = ?")
                .params(previous, ChainHash.of(relinked), link).update();
    }

    /** Tampers as someone with direct database access would (triggers off), verifies, then rolls everything back. */
    private VerificationReport tampered(Consumer<Consumer<String>> tampering) {
        return transactions.execute(tx -> {
            jdbc.sql("alter table audit_record disable trigger user").update();
            tampering.accept(statement -> jdbc.sql(statement).update());
            var report = verification.verify();
            tx.setRollbackOnly();
            return report;
        });
    }
}
