package org.yimen.reception;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.AuditTrail;
import org.yimen.org.Organisation;
import org.yimen.org.ServiceWindow;
import org.yimen.shared.Rejected;

/** Service lines of the halls and which windows serve them in which order; hall managers change them. */
@Service
@Transactional(readOnly = true)
class ServiceLines {

    /** A line a window serves, at its position in the window's order. */
    record WindowLine(long lineId, int position) {
    }

    static final RowMapper<ServiceLine> LINE = ServiceLines::line;

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final AuditTrail audit;

    ServiceLines(JdbcClient jdbc, Organisation organisation, AuditTrail audit) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.audit = audit;
    }

    Optional<ServiceLine> line(long id) {
        return jdbc.sql("select * from rcp_line where id = ?").param(id).query(LINE).optional();
    }

    ServiceLine require(long id) {
        return line(id).orElseThrow(() -> Rejected.notFound("reception.line.notFound"));
    }

    List<ServiceLine> ofHall(long hallId) {
        return jdbc.sql("select * from rcp_line where hall_id = ? order by prefix").param(hallId).query(LINE).list();
    }

    List<WindowLine> ofWindow(long windowId) {
        return jdbc.sql("""
                select lw.line_id, lw.position from rcp_line_window lw join rcp_line l on l.id = lw.line_id
                where lw.window_id = ? and l.active order by lw.position""")
                .param(windowId)
                .query((rs, row) -> new WindowLine(rs.getLong(1), rs.getInt(2)))
                .list();
    }

    /** Every line a window serves, active or not, first to last. */
    List<Long> allOfWindow(long windowId) {
        return jdbc.sql("select line_id from rcp_line_window where window_id = ? order by position")
                .param(windowId).query(Long.class).list();
    }

    /** The windows serving a line. */
    List<Long> windowsOf(long lineId) {
        return jdbc.sql("select window_id from rcp_line_window where line_id = ? order by window_id")
                .param(lineId).query(Long.class).list();
    }

    /** How many active windows serve the line, for the estimated wait. */
    int windowsServing(long lineId) {
        return jdbc.sql("""
                select count(*) from rcp_line_window lw join org_window w on w.id = lw.window_id
                where lw.line_id = ? and w.active""")
                .param(lineId).query(Integer.class).single();
    }

    @Transactional
    long create(LineForm form) {
        check(form, null);
        long id = jdbc.sql("""
                insert into rcp_line (hall_id, name, prefix, item_codes, opens_at, closes_at, daily_cap,
                    service_minutes, kiosk, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(form.hallId(), form.name().strip(), form.prefix(), form.codes().toArray(String[]::new),
                        form.opensAt(), form.closesAt(), form.dailyCap(),
                        form.serviceMinutes() == null ? 8 : form.serviceMinutes(), form.kiosk(), form.active())
                .query(Long.class).single();
        audit.record("reception.line.created", "reception-line", id, detail(form));
        return id;
    }

    @Transactional
    void update(long id, LineForm form) {
        var existing = require(id);
        if (form.hallId() != null && form.hallId() != existing.hallId()) {
            throw Rejected.invalid("hallId", "reception.line.hallFixed");
        }
        check(form, id);
        jdbc.sql("""
                update rcp_line set name = ?, prefix = ?, item_codes = ?, opens_at = ?, closes_at = ?, daily_cap = ?,
                    service_minutes = ?, kiosk = ?, active = ? where id = ?""")
                .params(form.name().strip(), form.prefix(), form.codes().toArray(String[]::new), form.opensAt(),
                        form.closesAt(), form.dailyCap(), form.serviceMinutes() == null ? 8 : form.serviceMinutes(),
                        form.kiosk(), form.active(), id)
                .update();
        audit.record("reception.line.updated", "reception-line", id, detail(form));
    }

    /** The lines a window serves, first to last; replaces what it served before. */
    @Transactional
    void assign(long windowId, List<Long> lineIds) {
        ServiceWindow window = organisation.window(windowId)
                .orElseThrow(() -> Rejected.notFound("reception.window.notFound"));
        if (lineIds.stream().distinct().count() != lineIds.size()) {
            throw Rejected.invalid("lineIds", "reception.window.duplicateLine");
        }
        for (long lineId : lineIds) {
            if (require(lineId).hallId() != window.hallId()) {
                throw Rejected.invalid("lineIds", "reception.window.otherHall");
            }
        }
        jdbc.sql("delete from rcp_line_window where window_id = ?").param(windowId).update();
        int position = 1;
        for (long lineId : lineIds) {
            jdbc.sql("insert into rcp_line_window (line_id, window_id, position) values (?, ?, ?)")
                    .params(lineId, windowId, position++).update();
        }
        audit.record("reception.window.linesAssigned", "window", windowId, Map.of("lines", lineIds));
    }

    /**
     * The windows that serve a line: a window newly named serves it after the lines it serves already; a window no
     * longer named stops serving it, the others keeping their order. Each window changed is recorded as by
     * {@link #assign}.
     */
    @Transactional
    void servedBy(long lineId, List<Long> windowIds) {
        require(lineId);
        var before = windowsOf(lineId);
        for (long windowId : windowIds.stream().distinct().toList()) {
            if (!before.contains(windowId)) {
                var served = new java.util.ArrayList<>(allOfWindow(windowId));
                served.add(lineId);
                assignChecked(windowId, served, "windowIds");
            }
        }
        for (long windowId : before) {
            if (!windowIds.contains(windowId)) {
                var served = new java.util.ArrayList<>(allOfWindow(windowId));
                served.remove(lineId);
                assign(windowId, served);
            }
        }
    }

    private void assignChecked(long windowId, List<Long> lineIds, String field) {
        var window = organisation.window(windowId);
        if (window.isEmpty()) {
            throw Rejected.invalid(field, "reception.window.notFound");
        }
        for (long lineId : lineIds) {
            if (require(lineId).hallId() != window.get().hallId()) {
                throw Rejected.invalid(field, "reception.window.otherHall");
            }
        }
        assign(windowId, lineIds);
    }

    private void check(LineForm form, Long id) {
        if (organisation.hall(form.hallId()).isEmpty()) {
            throw Rejected.invalid("hallId", "reception.hall.notFound");
        }
        if (!form.closesAt().isAfter(form.opensAt())) {
            throw Rejected.invalid("closesAt", "reception.line.hours");
        }
        if (taken("name", form.name().strip(), form.hallId(), id)) {
            throw Rejected.invalid("name", "reception.line.nameTaken");
        }
        if (taken("prefix", form.prefix(), form.hallId(), id)) {
            throw Rejected.invalid("prefix", "reception.line.prefixTaken");
        }
    }

    private boolean taken(String column, String value, long hallId, Long id) {
        return jdbc.sql("select exists (select 1 from rcp_line where hall_id = ? and " + column
                + " = ? and id <> ?)").params(hallId, value, id == null ? 0L : id).query(Boolean.class).single();
    }

    private static Map<String, Object> detail(LineForm form) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("name", form.name());
        detail.put("prefix", form.prefix());
        detail.put("hours", form.opensAt() + "-" + form.closesAt());
        detail.put("dailyCap", form.dailyCap());
        detail.put("active", form.active());
        return detail;
    }

    private static ServiceLine line(ResultSet rs, int row) throws SQLException {
        Array codes = rs.getArray("item_codes");
        return new ServiceLine(rs.getLong("id"), rs.getLong("hall_id"), rs.getString("name"), rs.getString("prefix"),
                codes == null ? List.of() : Arrays.asList((String[]) codes.getArray()),
                rs.getObject("opens_at", java.time.LocalTime.class), rs.getObject("closes_at", java.time.LocalTime.class),
                rs.getInt("daily_cap"), rs.getInt("service_minutes"), rs.getBoolean("kiosk"),
                rs.getBoolean("active"));
    }
}
