package org.yimen.reception;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.calendar.WorkingDays;

/** A hall of a test's own, with numbered windows, lines and devices, so tests never meet each other's queues. */
final class ReceptionFixture {

    private static final AtomicInteger sequence = new AtomicInteger();
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    final long hallId;
    private final List<Long> windows = new ArrayList<>();
    private final JdbcClient jdbc;
    private final ServiceLines lines;

    private ReceptionFixture(JdbcClient jdbc, ServiceLines lines, long hallId) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.hallId = hallId;
    }

    /**
     * 10:00 on the first working day from today on. Tests stay near the real date, since what they write goes to
     * the one audit trail, where records months old would look like candidates for the retention purge.
     */
    static ZonedDateTime workingMorning(WorkingDays workingDays) {
        LocalDate day = LocalDate.now(HALL);
        while (!workingDays.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(10, 0).atZone(HALL);
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

    /** A kiosk line open all day covering these catalog items (the demo catalog's codes, such as GAT-CRJ-001). */
    long line(String name, String prefix, List<String> itemCodes) {
        return lines.create(new LineForm(hallId, name, prefix, itemCodes, LocalTime.of(8, 30), LocalTime.of(17, 30),
                500, 8, true, true));
    }

    /**
     * An A/B post at the window with two new clerks; returns officer A's staff id (A is on duty unless absent).
     */
    long post(int windowNumber, String officerA, String officerB) {
        String code = "RCPD" + sequence.incrementAndGet() + "X" + ThreadLocalRandom.current().nextInt(1_000_000);
        long department = jdbc.sql("insert into org_department (code, name) values (?, ?) returning id")
                .params(code, "测试部门 " + code).query(Long.class).single();
        long a = staff(code + "A", officerA, department);
        long b = staff(code + "B", officerB, department);
        long post = jdbc.sql("insert into org_post (name, department_id, window_id, officer_a_id, officer_b_id)"
                + " values (?, ?, ?, ?, ?) returning id")
                .params(windowNumber + " 号岗", department, window(windowNumber), a, b).query(Long.class).single();
        // A on duty from the start, as creating the post through the organisation records it; without this row the
        // minutely acting sweep would record the first switch itself, into the audit trail, at any moment.
        jdbc.sql("insert into org_acting_switch (post_id, acting_staff_id, previous_staff_id, reason, switched_at)"
                + " values (?, ?, null, 'A', now())").params(post, a).update();
        return a;
    }

    private long staff(String number, String name, long department) {
        return jdbc.sql("insert into org_staff (staff_number, name, department_id, roles, username, password_hash,"
                + " created_at) values (?, ?, ?, '{CLERK}', ?, 'x', now()) returning id")
                .params(number, name, department, number.toLowerCase()).query(Long.class).single();
    }

    /** The window serves these lines, first to last. */
    ReceptionFixture serve(int windowNumber, Long... lineIds) {
        lines.assign(window(windowNumber), List.of(lineIds));
        return this;
    }
}
