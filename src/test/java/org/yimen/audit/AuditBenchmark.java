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
 * table of its own rows, as a business change would) and records one or three audit records, committed or not.
 * Shows what the one chain costs writers that run at once.
 */
@Tag("benchmark")
@YimenIntegrationTest
class AuditBenchmark {

    private static final Duration WARMUP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(15);

    @Autowired
    AuditTrail audit;
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
        Load.report("audit", "Audited transactions", results);
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
