package org.yimen.reception;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.org.ActingOfficer;
import org.yimen.org.Hall;
import org.yimen.org.Organisation;
import org.yimen.org.Posts;
import org.yimen.org.ServiceWindow;
import org.yimen.shared.Rejected;

/**
 * The hall manager's view of today (大厅实况): per line how many wait and for how long the longest has waited, what
 * was issued and served so far; per window whether it is open or paused (and why), who is on duty (A, B or the head)
 * and which ticket it has had since when. Read from the database on every request, so any node answers alike.
 */
@Service
@Transactional(readOnly = true)
class HallLive {

    /** A line now: waiting tickets, since when the longest has waited (minutes), issued and served today. */
    record LineNow(long lineId, String prefix, String name, int waiting, @Nullable Long longestWaitMinutes,
            @Nullable String waitingSince, int issued, int served) {
    }

    /**
     * A window now. {@code officer} is whoever acts for its first staffed post (null: no post, or all vacant);
     * {@code current} the ticket it calls or serves, with the time of the call or of the start.
     */
    record WindowNow(long windowId, int number, String name, boolean active, @Nullable String pausedReason,
            @Nullable String pausedSince, @Nullable ActingOfficer officer, @Nullable String currentNumber,
            @Nullable TicketState currentState, @Nullable String currentSince, @Nullable Long currentMinutes,
            int served) {
    }

    /** The whole hall at one moment (hall time). */
    record HallNow(long hallId, String hallName, String at, List<LineNow> lines, List<WindowNow> windows) {

        public int waiting() {
            return lines.stream().mapToInt(LineNow::waiting).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final Posts posts;
    private final ReceptionHalls halls;
    private final Clock clock;

    HallLive(JdbcClient jdbc, Organisation organisation, Posts posts, ReceptionHalls halls, Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.posts = posts;
        this.halls = halls;
        this.clock = clock;
    }

    HallNow now(long hallId) {
        Hall hall = organisation.hall(hallId).orElseThrow(() -> Rejected.notFound("reception.hall.notFound"));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        var lines = jdbc.sql("""
                select l.id, l.prefix, l.name,
                    count(t.id) filter (where t.state = 'WAITING') as waiting,
                    min(t.queued_at) filter (where t.state = 'WAITING') as oldest,
                    count(t.id) filter (where t.seq is not null) as issued,
                    count(t.id) filter (where t.state = 'DONE') as served
                from rcp_line l
                left join rcp_ticket t on t.line_id = l.id and t.service_date = :today
                where l.hall_id = :hall and l.active
                group by l.id, l.prefix, l.name order by l.prefix""")
                .param("today", today).param("hall", hallId)
                .query((rs, row) -> {
                    Instant oldest = instant(rs, "oldest");
                    return new LineNow(rs.getLong("id"), rs.getString("prefix"), rs.getString("name"),
                            rs.getInt("waiting"), oldest == null ? null : minutes(oldest, now), time(oldest),
                            rs.getInt("issued"), rs.getInt("served"));
                })
                .list();
        // Served today per window in one pass over the hall's day (its index), not one scan per window.
        var served = new HashMap<Long, Integer>();
        jdbc.sql("""
                select window_id, count(*) from rcp_ticket
                where hall_id = ? and service_date = ? and state = 'DONE' and window_id is not null
                group by window_id""")
                .params(hallId, today)
                .query(rs -> {
                    served.put(rs.getLong(1), rs.getInt(2));
                });
        var windows = halls.windowsOf(hallId).stream()
                .map(w -> window(w, served.getOrDefault(w.id(), 0), now)).toList();
        return new HallNow(hallId, hall.name(),
                LocalTime.ofInstant(now, clock.getZone()).withNano(0).toString(), lines, windows);
    }

    private WindowNow window(ServiceWindow window, int served, Instant now) {
        record State(@Nullable String reason, @Nullable Instant pausedAt, @Nullable String number,
                @Nullable String ticketState, @Nullable Instant since) {
        }
        State state = jdbc.sql("""
                select p.reason, p.paused_at, c.number, c.state, coalesce(c.started_at, c.called_at) as since
                from (select 1) as one
                left join rcp_window_pause p on p.window_id = :window
                left join lateral (
                    select t.number, t.state, t.called_at, t.started_at from rcp_ticket t
                    where t.window_id = :window and t.state in ('CALLED', 'SERVING')
                    order by t.called_at desc limit 1) c on true""")
                .param("window", window.id())
                .query((rs, row) -> new State(rs.getString("reason"), instant(rs, "paused_at"),
                        rs.getString("number"), rs.getString("state"), instant(rs, "since")))
                .single();
        ActingOfficer officer = posts.actingAtWindow(window.id()).stream().filter(o -> !o.vacant()).findFirst()
                .orElse(null);
        return new WindowNow(window.id(), window.number(), window.name(), window.active(), state.reason(),
                time(state.pausedAt()), officer, state.number(),
                Optional.ofNullable(state.ticketState()).map(TicketState::valueOf).orElse(null), time(state.since()),
                state.since() == null ? null : minutes(state.since(), now), served);
    }

    private @Nullable String time(@Nullable Instant instant) {
        return instant == null ? null
                : LocalTime.ofInstant(instant, clock.getZone()).withSecond(0).withNano(0).toString();
    }

    private static long minutes(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toMinutes());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
