package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * Calling is atomic: 20 windows call while kiosks keep issuing, 5,000 tickets in all, and every ticket is called
 * exactly once, by one window, with one audit record and one display event, and every line's numbers run without
 * gaps or duplicates.
 */
@YimenIntegrationTest
class CallingConcurrencyTest {

    private static final Logger log = LoggerFactory.getLogger(CallingConcurrencyTest.class);
    private static final int WINDOWS = 20;
    private static final int ISSUERS = 4;
    private static final int TICKETS = 5_000;

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

    @BeforeEach
    void workingMorning() {
        clock.set(ReceptionFixture.workingMorning(workingDays));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twentyWindowsCallingWhileTicketsAreIssuedCallEveryTicketExactlyOnce() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, WINDOWS);
        var lineIds = List.of(hall.line("综合受理", "A", 10_000, java.time.LocalTime.of(8, 0),
                        java.time.LocalTime.of(18, 0), true),
                hall.line("公安出入境", "B", 10_000, java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0), true),
                hall.line("社保", "C", 10_000, java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0), true));
        for (int w = 1; w <= WINDOWS; w++) {
            // Three different orders, so windows compete for the same queues from different sides.
            int first = w % 3;
            hall.serve(w, lineIds.get(first), lineIds.get((first + 1) % 3), lineIds.get((first + 2) % 3));
        }
        Actor kiosk = Actor.system("concurrency-kiosk");
        Actor clerk = Actor.system("concurrency-window");
        Map<Long, Long> calledBy = new ConcurrentHashMap<>();
        List<String> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger issued = new AtomicInteger();
        AtomicBoolean issuing = new AtomicBoolean(true);

        ExecutorService pool = Executors.newFixedThreadPool(WINDOWS + ISSUERS);
        long started = System.nanoTime();
        List<Future<?>> issuers = new ArrayList<>();
        for (int i = 0; i < ISSUERS; i++) {
            issuers.add(pool.submit(() -> {
                while (true) {
                    int n = issued.getAndIncrement();
                    if (n >= TICKETS) {
                        return null;
                    }
                    long line = lineIds.get(n % 3);
                    if (n % 10 == 0) {
                        tickets.issue(line, Priority.GREEN_CHANNEL, "ELDERLY", Tickets.Channel.STAFF, kiosk);
                    } else {
                        tickets.issue(line, Priority.NONE, null, Tickets.Channel.KIOSK, kiosk);
                    }
                }
            }));
        }
        List<Future<Integer>> windows = new ArrayList<>();
        for (int w = 1; w <= WINDOWS; w++) {
            long window = hall.window(w);
            windows.add(pool.submit(() -> {
                int calls = 0;
                while (true) {
                    if (tickets.callNext(window, clerk) instanceof CallOutcome.Called called) {
                        calls++;
                        Long before = calledBy.putIfAbsent(called.ticket().id(), window);
                        if (before != null) {
                            duplicates.add(called.ticket().number() + " by " + before + " and " + window);
                        }
                        tickets.finish(window, clerk);
                    } else if (!issuing.get() && waiting(hall.hallId) == 0) {
                        return calls;
                    } else {
                        // An idle window waits a little before asking again, as a clerk would.
                        Thread.sleep(5);
                    }
                }
            }));
        }
        for (Future<?> issuer : issuers) {
            issuer.get(5, TimeUnit.MINUTES);
        }
        issuing.set(false);
        int totalCalls = 0;
        for (Future<Integer> window : windows) {
            totalCalls += window.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("{} windows called {} tickets issued by {} kiosks in {} ms ({} ticket operations per second)",
                WINDOWS, TICKETS, ISSUERS, took.toMillis(), 3L * TICKETS * 1000 / Math.max(1, took.toMillis()));

        assertThat(duplicates).as("tickets called twice").isEmpty();
        assertThat(totalCalls).isEqualTo(TICKETS);
        assertThat(calledBy).hasSize(TICKETS);
        assertThat(jdbc.sql("select count(*) from rcp_ticket where hall_id = ? and state = 'DONE'")
                .param(hall.hallId).query(Integer.class).single()).isEqualTo(TICKETS);
        assertThat(jdbc.sql("""
                select count(*) from rcp_ticket t
                where t.hall_id = ? and (select count(*) from rcp_call_event e where e.ticket_id = t.id) <> 1""")
                .param(hall.hallId).query(Integer.class).single()).as("tickets without exactly one call event")
                .isZero();
        assertThat(jdbc.sql("""
                select count(*) from rcp_ticket t
                where t.hall_id = ? and (select count(*) from audit_record a where a.action = 'reception.ticket.called'
                    and a.target_type = 'ticket' and a.target_id = t.id::text) <> 1""")
                .param(hall.hallId).query(Integer.class).single()).as("tickets without exactly one call record")
                .isZero();
        for (long line : lineIds) {
            var numbers = jdbc.sql("select count(*), count(distinct seq), min(seq), max(seq) from rcp_ticket"
                    + " where line_id = ?").param(line)
                    .query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)}).single();
            assertThat(numbers[0]).as("no duplicate numbers").isEqualTo(numbers[1]);
            assertThat(numbers[2]).isEqualTo(1);
            assertThat(numbers[3]).as("no gaps").isEqualTo(numbers[0]);
        }
    }

    private int waiting(long hallId) {
        return jdbc.sql("select count(*) from rcp_ticket where hall_id = ? and state = 'WAITING'").param(hallId)
                .query(Integer.class).single();
    }
}
