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
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.audit.VerificationReport.Kind;
import org.yimen.support.AuditRecords;
import org.yimen.support.YimenIntegrationTest;

/**
 * The trail as an auditor relies on it: one unforked chain whatever the concurrency, refused changes, and every kind
 * of tampering found at the right record. Tampering happens inside a transaction that is rolled back, so the shared
 * database is left as it was.
 */
@YimenIntegrationTest
class AuditTrailTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerification verification;
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

    @Test
    void concurrentWritersExtendOneUnforkedChain() throws Exception {
        long mark = AuditRecords.head(jdbc);
        int writers = 8;
        int each = 25;
        var start = new CountDownLatch(1);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    audit.record(Actor.system("writer-" + writer), "test.concurrent", "probe", writer * 100 + i,
                            Map.of("i", i));
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(writers)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }
        var written = AuditRecords.since(jdbc, mark);
        assertThat(written).hasSize(writers * each);
        assertThat(written).extracting(AuditRecords.Recorded::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(mark + 1, mark + writers * each)
                        .boxed().toList());
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRecords() {
        long seq = audit.record(Actor.system("test"), "test.immutable", "probe", 1, Map.of());
        assertThatThrownBy(() -> jdbc.sql("update audit_record set action = 'x' where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_record where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_record").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("cannot be truncated");
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
        assertThat(report.verifiedUpTo()).isEqualTo(target - 1);
        assertThat(report.breach().seq()).isEqualTo(target);
        assertThat(report.breach().kind()).isEqualTo(Kind.CONTENT_CHANGED);
    }

    @Test
    void aMissingRecordIsNamed() {
        long target = someRecordsAndPickTheMiddle();
        var report = tampered(sql -> sql.accept("delete from audit_record where seq = " + target));
        assertThat(report.breach().kind()).isEqualTo(Kind.MISSING_RECORD);
        assertThat(report.breach().seq()).isEqualTo(target);
    }

    @Test
    void aRecordWhoseHashWasRecomputedStillBreaksTheLinkAfterIt() {
        long target = someRecordsAndPickTheMiddle();
        var report = tampered(sql -> {
            sql.accept("update audit_record set action = 'test.forged' where seq = " + target);
            rehash(target);
        });
        assertThat(report.breach().kind()).isEqualTo(Kind.BROKEN_LINK);
        assertThat(report.breach().seq()).isEqualTo(target + 1);
    }

    @Test
    void aRewriteOfTheWholeChainDisagreesWithTheLastCheckpoint() throws Exception {
        long target = someRecordsAndPickTheMiddle();
        var checkpoint = checkpointJob.writeNow().orElseThrow();
        assertThat(verification.verify().intact()).isTrue();
        var report = tampered(sql -> {
            sql.accept("update audit_record set action = 'test.forged' where seq = " + target);
            for (long seq = target; seq <= checkpoint.seq(); seq++) {
                rehash(seq);
            }
        });
        assertThat(report.breach().kind()).isEqualTo(Kind.CHECKPOINT_DISAGREES);
        assertThat(report.breach().explanation()).contains("rewritten");
    }

    @Test
    void aForgedCheckpointFileIsRefused() throws Exception {
        audit.record(Actor.system("test"), "test.checkpoint", "probe", 1, Map.of());
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
            clock.set(java.time.ZonedDateTime.now(clock.getZone()).minusDays(200));
            long old = audit.record(Actor.system("test"), "test.old", "probe", 1, Map.of());
            clock.reset();
            long young = audit.record(Actor.system("test"), "test.young", "probe", 2, Map.of());
            long mark = AuditRecords.head(jdbc);

            // other tests may have recorded under an old test clock too: count only ours
            assertThat(retention.purge()).isPositive();
            assertThat(jdbc.sql("select seq from audit_record where seq in (?, ?)").params(old, young)
                    .query(Long.class).list()).containsExactly(young);
            AuditRecords.assertRecorded(jdbc, mark, "audit.purged", "audit-trail", "all");
            tx.setRollbackOnly();
        });
    }

    private long someRecordsAndPickTheMiddle() {
        long first = audit.record(Actor.system("test"), "test.chain", "probe", 1, Map.of("i", 1));
        audit.record(Actor.system("test"), "test.chain", "probe", 2, Map.of("i", 2));
        audit.record(Actor.system("test"), "test.chain", "probe", 3, Map.of("i", 3));
        return first + 1;
    }

    /** Recomputes a record's own hash from its (possibly changed) content and its stored link. */
    private void rehash(long seq) {
        var record = jdbc.sql("select * from audit_record where seq = ?").param(seq)
                .query((rs, row) -> AuditVerification.read(rs)).single();
        String previous = seq == 1 ? ChainHash.GENESIS
                : jdbc.sql("select hash from audit_record where seq = ?").param(seq - 1).query(String.class).single();
        var relinked = new AuditRecord(record.seq(), record.occurredAt(), record.actor(), record.action(),
                record.targetType(), record.targetId(), record.detail(), record.clientAddress(), record.algorithm(),
                previous, "");
        jdbc.sql("update audit_record set prev_hash = ?, hash = ? where seq = ?")
                .params(previous, ChainHash.of(relinked), seq).update();
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
