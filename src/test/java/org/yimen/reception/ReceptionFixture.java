package org.yimen.reception;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A hall of a test's own, with numbered windows, lines and devices, so tests never meet each other's queues. */
final class ReceptionFixture {

    private static final AtomicInteger sequence = new AtomicInteger();

    final long hallId;
    private final List<Long> windows = new ArrayList<>();
    private final JdbcClient jdbc;
    private final ServiceLines lines;

    private ReceptionFixture(JdbcClient jdbc, ServiceLines lines, long hallId) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.hallId = hallId;
    }

    static ReceptionFixture hall(JdbcClient jdbc, ServiceLines lines, int windowCount) {
        String code = "RCP" + sequence.incrementAndGet() + "X" + ThreadLocalRandom.current().nextInt(1_000_000);
        long hall = jdbc.sql("insert into org_hall (code, name) values (?, ?) returning id")
                .params(code, "测试大厅 " + code).query(Long.class).single();
        var fixture = new ReceptionFixture(jdbc, lines, hall);
        for (int number = 1; number <= windowCount; number++) {
            fixture.windows.add(jdbc.sql("""
                    insert into org_window (hall_id, number, name, active) values (?, ?, ?, true) returning id""")
                    .params(hall, number, number + " 号测试窗口").query(Long.class).single());
        }
        return fixture;
    }

    long window(int number) {
        return windows.get(number - 1);
    }

    long line(String name, String prefix) {
        return line(name, prefix, 500, LocalTime.of(8, 30), LocalTime.of(17, 30), true);
    }

    long line(String name, String prefix, int cap, LocalTime opens, LocalTime closes, boolean kiosk) {
        return lines.create(new LineForm(hallId, name, prefix, List.of(), opens, closes, cap, 8, kiosk, true));
    }

    /** The window serves these lines, first to last. */
    ReceptionFixture serve(int windowNumber, Long... lineIds) {
        lines.assign(window(windowNumber), List.of(lineIds));
        return this;
    }
}
