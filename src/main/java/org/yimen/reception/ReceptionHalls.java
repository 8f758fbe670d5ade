package org.yimen.reception;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yimen.org.Organisation;
import org.yimen.org.ServiceWindow;

/** The halls that have service lines, and the windows serving them, for choosing on staff pages. */
@Component
class ReceptionHalls {

    private final JdbcClient jdbc;
    private final Organisation organisation;

    ReceptionHalls(JdbcClient jdbc, Organisation organisation) {
        this.jdbc = jdbc;
        this.organisation = organisation;
    }

    List<WorkstationPages.HallWindows> withWindows() {
        return jdbc.sql("select distinct hall_id from rcp_line order by hall_id").query(Long.class).list().stream()
                .flatMap(id -> organisation.hall(id).stream())
                .map(hall -> new WorkstationPages.HallWindows(hall, windowsOf(hall.id())))
                .toList();
    }

    List<org.yimen.org.Hall> halls() {
        return withWindows().stream().map(WorkstationPages.HallWindows::hall).toList();
    }

    /** Every hall, with lines or not yet, for setting reception up. */
    List<org.yimen.org.Hall> all() {
        return jdbc.sql("select id from org_hall order by id").query(Long.class).list().stream()
                .flatMap(id -> organisation.hall(id).stream())
                .toList();
    }

    /** Every window of a hall, by number, whether it serves a line yet or not. */
    List<ServiceWindow> allWindowsOf(long hallId) {
        return jdbc.sql("select id from org_window where hall_id = ? order by number").param(hallId)
                .query(Long.class).list().stream()
                .flatMap(id -> organisation.window(id).stream())
                .toList();
    }

    /** Windows of the hall that serve at least one of its lines, by number. */
    List<ServiceWindow> windowsOf(long hallId) {
        return jdbc.sql("""
                select distinct lw.window_id from rcp_line_window lw join rcp_line l on l.id = lw.line_id
                where l.hall_id = ?""")
                .param(hallId).query(Long.class).list().stream()
                .flatMap(id -> organisation.window(id).stream())
                .sorted(java.util.Comparator.comparingInt(ServiceWindow::number))
                .toList();
    }
}
