package org.yimen.reception;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.calendar.WorkingDays;
import org.yimen.org.Hall;
import org.yimen.org.Organisation;
import org.yimen.org.ServiceWindow;
import org.yimen.shared.Rejected;

/**
 * Reception statistics (取号统计) of a hall over a range of days, straight from the tickets: how many were issued,
 * served, missed (过号) and transferred, how long citizens waited and how long services took (average and 90th
 * percentile), and how the evaluation pads rated the visits, by line, window, officer, hour of issue and day.
 *
 * <p>A ticket row is one stay in one queue. Its <em>waiting time</em> runs from entering the queue to the call: the
 * issue, or the transfer that continued it on another line, or the rejoin after a no-show. Its <em>service time</em>
 * runs from the start of the service to its end; a visit finished straight from the call counts from the call.
 * Only finished visits ({@code DONE}) have a service time. A row is "issued" only where a number was drawn (a
 * transfer's continuation keeps the number and is not issued again); "no-shows" are tickets that ended as such (one
 * that rejoined and was served counts as served).
 */
@Service
@Transactional(readOnly = true)
class ReceptionStatistics {

    /** The longest range one report covers: a year, so a slip of the pen cannot scan a decade of tickets. */
    static final int MAX_DAYS = 366;

    /** How the rows of a report are grouped. */
    enum Dimension {
        TOTAL, LINE, WINDOW, OFFICER, HOUR, DAY
    }

    /** Ratings of the visits of a row: how many of each level (1 非常不满意 … 5 非常满意), and the low ones (1 and 2). */
    record Ratings(int rated, int low, @Nullable Double average, List<Integer> byLevel) {

        Ratings {
            byLevel = List.copyOf(byLevel);
        }

        /** Share of a level among the ratings, in percent with one decimal; null when nothing was rated. */
        public @Nullable Double share(int level) {
            return rated == 0 ? null : Math.round(byLevel.get(level - 1) * 1000.0 / rated) / 10.0;
        }

        /** Share of 满意 and 非常满意 (4 and 5), the satisfaction rate halls publish. */
        public @Nullable Double satisfied() {
            return rated == 0 ? null : Math.round((byLevel.get(3) + byLevel.get(4)) * 1000.0 / rated) / 10.0;
        }
    }

    /**
     * One row of a report. {@code key} is the line, window or staff id, the hour (0–23) or the date; times are in
     * minutes with one decimal, null where nothing was measured.
     */
    record Row(String key, String name, @Nullable Integer windowNumber, int issued, int called, int served,
            int noShows, int transferred, @Nullable Double waitAverage, @Nullable Double waitP90,
            @Nullable Double waitLongest, @Nullable Double serviceAverage, @Nullable Double serviceP90,
            Ratings ratings) {
    }

    /** A hall's report over a range of days, with the working days in it (from the calendar). */
    record Report(long hallId, String hallName, LocalDate from, LocalDate to, int workingDays, Row total,
            List<Row> byLine, List<Row> byWindow, List<Row> byOfficer, List<Row> byHour, List<Row> byDay) {

        /** Tickets issued per working day of the range; null when the range has none. */
        public @Nullable Double issuedPerWorkingDay() {
            return workingDays == 0 ? null : Math.round(total.issued() * 10.0 / workingDays) / 10.0;
        }
    }

    /**
     * Every group of the report in one pass over the hall's tickets of the range (grouping sets): six separate
     * queries would read them six times. A transfer's continuation looks its original up by id, only where it has one.
     */
    private static final String REPORT = """
            with v as (
                select t.line_id, t.window_id, t.officer_staff_id, t.state, t.seq, t.service_date,
                    extract(hour from t.issued_at at time zone :zone)::int as hour,
                    extract(epoch from t.called_at - case when t.rejoined then t.queued_at
                        when t.transferred_from is not null
                            then (select p.finished_at from rcp_ticket p where p.id = t.transferred_from)
                        else t.issued_at end)::float8 as wait_s,
                    case when t.state = 'DONE' then extract(epoch from t.finished_at
                        - case when t.started_at < t.finished_at then t.started_at else t.called_at end)::float8
                    end as service_s,
                    r.level
                from rcp_ticket t
                left join rcp_rating r on r.ticket_id = t.id
                where t.hall_id = :hall and t.service_date between :from and :to
            )
            select case when grouping(line_id) = 0 then 'LINE' when grouping(window_id) = 0 then 'WINDOW'
                    when grouping(officer_staff_id) = 0 then 'OFFICER' when grouping(hour) = 0 then 'HOUR'
                    when grouping(service_date) = 0 then 'DAY' else 'TOTAL' end as dimension,
                coalesce(line_id::text, window_id::text, officer_staff_id::text, hour::text,
                    service_date::text) as key,
                count(*) filter (where seq is not null) as issued,
                count(wait_s) as called,
                count(*) filter (where state = 'DONE') as served,
                count(*) filter (where state = 'NO_SHOW') as no_shows,
                count(*) filter (where state = 'TRANSFERRED') as transferred,
                avg(wait_s) as wait_avg,
                percentile_cont(0.9) within group (order by wait_s) as wait_p90,
                max(wait_s) as wait_max,
                avg(service_s) as service_avg,
                percentile_cont(0.9) within group (order by service_s) as service_p90,
                count(level) as rated,
                avg(level)::float8 as level_avg,
                count(*) filter (where level = 1) as l1,
                count(*) filter (where level = 2) as l2,
                count(*) filter (where level = 3) as l3,
                count(*) filter (where level = 4) as l4,
                count(*) filter (where level = 5) as l5
            from v
            group by grouping sets ((line_id), (window_id), (officer_staff_id), (hour), (service_date), ())""";

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final ServiceLines lines;
    private final WorkingDays workingDays;
    private final Clock clock;

    ReceptionStatistics(JdbcClient jdbc, Organisation organisation, ServiceLines lines, WorkingDays workingDays,
            Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.lines = lines;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The report of a hall from one day to another (both included; today when left out). */
    Report report(long hallId, @Nullable LocalDate from, @Nullable LocalDate to) {
        Hall hall = organisation.hall(hallId).orElseThrow(() -> Rejected.notFound("reception.hall.notFound"));
        LocalDate today = LocalDate.now(clock);
        LocalDate first = from == null ? (to == null ? today : to) : from;
        LocalDate last = to == null ? (from == null ? today : from) : to;
        if (last.isBefore(first)) {
            throw Rejected.invalid("to", "reception.statistics.toBeforeFrom");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw Rejected.invalid("to", "reception.statistics.tooLong", MAX_DAYS);
        }
        var rows = new EnumMap<Dimension, List<Row>>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            rows.put(dimension, new ArrayList<>());
        }
        jdbc.sql(REPORT).param("hall", hallId).param("from", first).param("to", last)
                .param("zone", clock.getZone().getId())
                .query((rs, n) -> {
                    var dimension = Dimension.valueOf(rs.getString("dimension"));
                    // Tickets never called form a group without a window or officer: not a row of those tables.
                    if (dimension == Dimension.TOTAL || rs.getString("key") != null) {
                        rows.get(dimension).add(row(rs, dimension));
                    }
                    return dimension;
                })
                .list();
        var total = rows.get(Dimension.TOTAL).isEmpty() ? empty() : rows.get(Dimension.TOTAL).getFirst();
        return new Report(hallId, hall.name(), first, last, workingDays.countWorkingDays(first.minusDays(1), last),
                total, sorted(rows.get(Dimension.LINE), Comparator.comparing(Row::name)),
                sorted(rows.get(Dimension.WINDOW), Comparator.comparing(r -> r.windowNumber() == null ? 0
                        : r.windowNumber())),
                sorted(rows.get(Dimension.OFFICER), Comparator.comparing(Row::name)),
                sorted(rows.get(Dimension.HOUR), Comparator.comparingInt(r -> Integer.parseInt(r.key()))),
                sorted(rows.get(Dimension.DAY), Comparator.comparing(Row::key)));
    }

    private static List<Row> sorted(List<Row> rows, Comparator<Row> order) {
        return rows.stream().sorted(order).toList();
    }

    private static Row empty() {
        return new Row("all", "all", null, 0, 0, 0, 0, 0, null, null, null, null, null,
                new Ratings(0, 0, null, List.of(0, 0, 0, 0, 0)));
    }

    /** An hour of the day in which no ticket was issued. */
    static Row quietHour(int hour) {
        return new Row(String.valueOf(hour), hourName(hour), null, 0, 0, 0, 0, 0, null, null, null, null, null,
                new Ratings(0, 0, null, List.of(0, 0, 0, 0, 0)));
    }

    private static String hourName(int hour) {
        return "%02d:00–%02d:00".formatted(hour, hour + 1);
    }

    private Row row(ResultSet rs, Dimension dimension) throws SQLException {
        String key = dimension == Dimension.TOTAL ? "all" : rs.getString("key");
        String name = key;
        Integer windowNumber = null;
        if (dimension == Dimension.LINE) {
            name = lines.line(Long.parseLong(key)).map(l -> l.prefix() + " " + l.name()).orElse(key);
        } else if (dimension == Dimension.WINDOW) {
            var window = organisation.window(Long.parseLong(key));
            name = window.map(ServiceWindow::name).orElse(key);
            windowNumber = window.map(ServiceWindow::number).orElse(null);
        } else if (dimension == Dimension.OFFICER) {
            name = organisation.staff(Long.parseLong(key)).map(s -> s.name() + " (" + s.staffNumber() + ")")
                    .orElse(key);
        } else if (dimension == Dimension.HOUR) {
            name = hourName(Integer.parseInt(key));
        }
        var levels = List.of(rs.getInt("l1"), rs.getInt("l2"), rs.getInt("l3"), rs.getInt("l4"), rs.getInt("l5"));
        var ratings = new Ratings(rs.getInt("rated"), levels.get(0) + levels.get(1), rounded(rs, "level_avg", 1),
                levels);
        return new Row(key, name, windowNumber, rs.getInt("issued"), rs.getInt("called"), rs.getInt("served"),
                rs.getInt("no_shows"), rs.getInt("transferred"), minutes(rs, "wait_avg"), minutes(rs, "wait_p90"),
                minutes(rs, "wait_max"), minutes(rs, "service_avg"), minutes(rs, "service_p90"), ratings);
    }

    private static @Nullable Double minutes(ResultSet rs, String column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(seconds / 6.0) / 10.0;
    }

    private static @Nullable Double rounded(ResultSet rs, String column, int decimals) throws SQLException {
        double value = rs.getDouble(column);
        double scale = Math.pow(10, decimals);
        return rs.wasNull() ? null : Math.round(value * scale) / scale;
    }
}
