package org.yimen.reception;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;
import org.yimen.support.bench.Load;

/**
 * Ticket issue, call-next and finish through {@link Tickets} on the embedded PostgreSQL: 20 windows call and finish
 * while kiosks issue, first as fast as everything answers (the most a node does), then at fixed offered rates (what
 * a hall's clerks and kiosks would see at that load). Every operation is a transaction of its own with its audit
 * record, display event and notification, exactly as from the workstation and the kiosk, without HTTP.
 */
@Tag("benchmark")
@YimenIntegrationTest
class ReceptionBenchmark {

    private static final int WINDOWS = 20;
    private static final int KIOSKS = 8;
    private static final int BACKLOG = 300;
    private static final Duration WARMUP = Duration.ofSeconds(10);
    private static final Duration MEASURE = Duration.ofSeconds(30);
    private static final String ISSUE = "issue";
    private static final String CALL = "call next";
    private static final String EMPTY = "call next, no one waiting";
    private static final String FINISH = "finish";

    @Autowired
    Tickets tickets;
    @Autowired
    ServiceLines lines;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    javax.sql.DataSource dataSource;

    private final Actor kiosk = Actor.system("benchmark-kiosk");
    private final Actor clerk = Actor.system("benchmark-window");

    @BeforeEach
    void workingMorning() {
        clock.set(ReceptionFixture.workingMorning(workingDays));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twentyWindowsAndKiosks() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, WINDOWS);
        List<Long> lineIds = new ArrayList<>();
        for (String prefix : new String[] {"A", "B", "C"}) {
            lineIds.add(hall.line("基准 " + prefix, prefix, 100_000, LocalTime.of(0, 0), LocalTime.of(23, 59), true));
        }
        for (int w = 1; w <= WINDOWS; w++) {
            int first = w % 3;
            hall.serve(w, lineIds.get(first), lineIds.get((first + 1) % 3), lineIds.get((first + 2) % 3));
        }
        for (int i = 0; i < BACKLOG; i++) {
            issue(lineIds);
        }
        String pool = jdbc.sql("show max_connections").query(String.class).single();
        System.out.println("BENCHMARK PostgreSQL max_connections " + pool + ", synchronous_commit "
                + jdbc.sql("show synchronous_commit").query(String.class).single() + ", fsync "
                + jdbc.sql("show fsync").query(String.class).single());

        var results = new ArrayList<Load.Result>();
        results.addAll(run("as fast as possible", hall, lineIds, null));
        for (int rate : new int[] {300, 500, 700}) {
            results.addAll(run("offered " + rate + "/s", hall, lineIds, rate));
        }
        long line = lineIds.getFirst();
        var day = java.time.LocalDate.ofInstant(clock.instant(), clock.getZone());
        explain("""
                select avg(extract(epoch from finished_at - coalesce(started_at, called_at))) / 60
                from (select finished_at, started_at, called_at from rcp_ticket
                      where line_id = ? and service_date = ? and state = 'DONE'
                      order by finished_at desc limit 50) latest
                having count(*) >= 5""", line, day);
        explain("""
                select count(*) from rcp_ticket t
                where t.line_id = ? and t.service_date = ? and t.state = 'WAITING' and t.id <> 0
                  and ((t.priority <> 'NONE' and 'NONE' = 'NONE')
                       or ((t.priority <> 'NONE') = ('NONE' <> 'NONE') and (t.queued_at, t.id) < (now(), 0)))""",
                line, day);
        Load.report("reception", "Reception: " + WINDOWS + " windows, " + KIOSKS + " kiosks", results);
    }

    /**
     * One run. With a rate, a third of it is issues (spread over the kiosks) and two thirds are calls and finishes
     * (each window calls and at once finishes, at the same pace as the others); without, everyone goes as fast as
     * answers come, and a window that finds no one waiting pauses 5 ms as a clerk would.
     */
    private List<Load.Result> run(String name, ReceptionFixture hall, List<Long> lineIds, @Nullable Integer rate) {
        Duration kioskPace = rate == null ? null : Duration.ofNanos(1_000_000_000L * 3 * KIOSKS / rate);
        Duration windowPace = rate == null ? null : Duration.ofNanos(1_000_000_000L * 3 * WINDOWS / rate);
        var sampler = new WaitSampler(jdbc, (com.zaxxer.hikari.HikariDataSource) dataSource);
        sampler.start();
        var mixed = Load.together(WARMUP, MEASURE, List.of(
                new Load.Callers("kiosk", KIOSKS, kioskPace, timer -> timer.time(ISSUE, () -> issue(lineIds))),
                new Load.Callers("window", WINDOWS, windowPace, timer -> {
                    long window = hall.window(1 + timer.thread());
                    var outcome = timer.time(CALL, () -> tickets.callNext(window, clerk),
                            o -> o instanceof CallOutcome.Called ? CALL : EMPTY);
                    if (outcome instanceof CallOutcome.Called) {
                        timer.time(FINISH, (Callable<Ticket>) () -> tickets.finish(window, clerk));
                    } else if (rate == null) {
                        Thread.sleep(5);
                    }
                })));
        sampler.stopAndPrint(name);
        var rows = new ArrayList<Load.Result>();
        rows.add(mixed.union(name + ": ticket operations", ISSUE, CALL, FINISH));
        for (String operation : new String[] {ISSUE, CALL, FINISH, EMPTY}) {
            rows.add(mixed.of(operation));
        }
        return rows;
    }

    private void explain(String sql, Object... params) {
        jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list()
                .forEach(l -> System.out.println("PLAN " + l));
    }

    /** What the database sessions are doing, sampled every 20 ms: a profile of where the time goes. */
    static final class WaitSampler extends Thread {
        private final JdbcClient jdbc;
        private final com.zaxxer.hikari.HikariDataSource pool;
        private final java.util.Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
        private long samples;
        private long awaiting;
        private long active;
        private volatile boolean stop;

        WaitSampler(JdbcClient jdbc, com.zaxxer.hikari.HikariDataSource pool) {
            this.jdbc = jdbc;
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop) {
                samples++;
                awaiting += pool.getHikariPoolMXBean().getThreadsAwaitingConnection();
                active += pool.getHikariPoolMXBean().getActiveConnections();
                jdbc.sql("""
                        select coalesce(wait_event_type, 'CPU') || ' ' || coalesce(wait_event, '') || ' | '
                            || case when state = 'active' then regexp_replace(left(query, 70), '\\s+', ' ', 'g')
                                    else state end
                        from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'""")
                        .query(String.class).list().forEach(k -> counts.merge(k, 1, Integer::sum));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopAndPrint(String name) {
            stop = true;
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("WAITS %s pool of %d: on average %.1f connections in use, %.1f threads waiting for one%n",
                    name, pool.getMaximumPoolSize(), (double) active / samples, (double) awaiting / samples);
            counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(25).forEach(e -> System.out.printf("WAITS %s %5.1f%% %s%n", name,
                            100.0 * e.getValue() / total, e.getKey()));
        }
    }

    private IssuedTicket issue(List<Long> lineIds) {
        var random = ThreadLocalRandom.current();
        long line = lineIds.get(random.nextInt(lineIds.size()));
        if (random.nextInt(10) == 0) {
            return tickets.issue(line, Priority.GREEN_CHANNEL, "ELDERLY", Tickets.Channel.STAFF, kiosk);
        }
        return tickets.issue(line, Priority.NONE, null, Tickets.Channel.KIOSK, kiosk);
    }
}
