package org.yimen.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.support.YimenIntegrationTest;
import org.yimen.support.bench.Load;

/**
 * Audited transactions side by side on the embedded PostgreSQL: each does some work of its own (statements on a
 * table of its own rows, as a business change would) and records one or three audit records. Shows what the audit
 * trail costs writers that run at once, and how fast the one sealer links their records into the chain.
 */
@Tag("benchmark")
@YimenIntegrationTest
class AuditBenchmark {

    private static final Duration WARMUP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(15);

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditSealer sealer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void auditedTransactionsSideBySide() {
        jdbc.sql("create table if not exists audit_bench_probe (id int primary key, n bigint not null default 0)")
                .update();
        jdbc.sql("insert into audit_bench_probe (id) select g from generate_series(1, 1000) g on conflict do nothing")
                .update();
        var results = new ArrayList<Load.Result>();
        for (int threads : new int[] {1, 8, 20}) {
            results.add(Load.run("6 statements, 1 record", threads, WARMUP, MEASURE, () -> change(1)));
        }
        for (int threads : new int[] {1, 8, 20}) {
            results.add(Load.run("6 statements, 3 records", threads, WARMUP, MEASURE, () -> change(3)));
        }
        results.add(Load.run("1 record, no other work", 20, WARMUP, MEASURE, () -> change(0)));
        results.add(sealingABacklog(20_000));
        Load.report("audit", "Audited transactions", results);
    }

    /**
     * How fast one sealer links records into the chain: a backlog is written while another transaction holds the
     * sealers' lock (as a sealer at work on another node would), then sealed in one go.
     */
    private Load.Result sealingABacklog(int records) {
        sealer.seal();
        var held = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        try (var holder = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            var holding = holder.submit(() -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("select pg_advisory_xact_lock(?)").param(AuditSealer.LOCK).query((rs, row) -> 1).single();
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            held.await();
            for (int t = 0; t < records / 200; t++) {
                transactions.executeWithoutResult(tx -> {
                    for (int i = 0; i < 200; i++) {
                        audit.record(Actor.system("benchmark"), "benchmark.backlog", "probe", i, Map.of("i", i));
                    }
                });
            }
            release.countDown();
            holding.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long started = System.nanoTime();
        int sealed = sealer.seal();
        double seconds = (System.nanoTime() - started) / 1e9;
        var result = new Load.Result("seal a backlog of " + sealed + " records (one sealer)", 1, sealed, 0, seconds,
                sealed / seconds, 0, 0, seconds * 1000);
        System.out.println("BENCHMARK " + result.row());
        return result;
    }

    /** A transaction of six statements on rows of its own and {@code records} audit records (at least one). */
    private Object change(int records) {
        return transactions.execute(tx -> {
            int row = 1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1000);
            if (records > 0) {
                for (int i = 0; i < 3; i++) {
                    jdbc.sql("update audit_bench_probe set n = n + 1 where id = ?").param(row).update();
                    jdbc.sql("select n from audit_bench_probe where id = ?").param(row).query(Long.class).single();
                }
            }
            for (int i = 0; i < Math.max(1, records); i++) {
                audit.record(Actor.system("benchmark"), "benchmark.change", "probe", row, Map.of("i", i));
            }
            return row;
        });
    }
}
