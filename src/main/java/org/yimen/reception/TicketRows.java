package org.yimen.reception;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets in and out of {@code rcp_ticket}. */
@Repository
class TicketRows {

    static final RowMapper<Ticket> TICKET = TicketRows::ticket;

    /**
     * The queue a waiting ticket stands in, as the windows call it: the tickets sent to one window (by a transfer to
     * that window), or its line's other tickets. {@link #condition()} selects the queue's tickets of
     * {@code rcp_ticket t} with one parameter, {@link #id()}.
     */
    record Queue(boolean window, long id) {

        static Queue of(Ticket ticket) {
            return ticket.targetWindowId() != null ? new Queue(true, ticket.targetWindowId())
                    : new Queue(false, ticket.lineId());
        }

        String condition() {
            return window ? "t.target_window_id = ?" : "t.line_id = ? and t.target_window_id is null";
        }
    }

    private final JdbcClient jdbc;

    TicketRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Ticket> find(long id) {
        return jdbc.sql("select * from rcp_ticket where id = ?").param(id).query(TICKET).optional();
    }

    Optional<Ticket> lock(long id) {
        return jdbc.sql("select * from rcp_ticket where id = ? for update").param(id).query(TICKET).optional();
    }

    /** The latest row of a citizen's ticket (a transfer continues it under the same public id). */
    Optional<Ticket> byPublicId(String publicId) {
        return jdbc.sql("select * from rcp_ticket where public_id = ? order by id desc limit 1").param(publicId)
                .query(TICKET).optional();
    }

    /** The ticket a window is calling or serving now, locked. */
    Optional<Ticket> currentAt(long windowId) {
        return jdbc.sql("""
                select * from rcp_ticket where window_id = ? and state in ('CALLED', 'SERVING')
                order by called_at desc limit 1 for update""")
                .param(windowId).query(TICKET).optional();
    }

    Optional<Ticket> byNumber(long hallId, LocalDate date, String number, TicketState state) {
        return jdbc.sql("""
                select * from rcp_ticket where hall_id = ? and service_date = ? and number = ? and state = ?
                order by id desc limit 1 for update""")
                .params(hallId, date, number, state.name()).query(TICKET).optional();
    }

    long insert(Ticket t, @Nullable Integer seq, String issuedBy) {
        return jdbc.sql("""
                insert into rcp_ticket (public_id, hall_id, line_id, service_date, seq, number, priority,
                    green_category, state, issued_at, queued_at, target_window_id, rejoined, transferred_from,
                    issued_by, item_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(t.publicId(), t.hallId(), t.lineId(), t.serviceDate(), seq, t.number(), t.priority().name(),
                        t.greenCategory(), t.state().name(), utc(t.issuedAt()), utc(t.queuedAt()),
                        t.targetWindowId(), t.rejoined(), t.transferredFrom(), issuedBy, t.itemCode())
                .query(Long.class).single();
    }

    /** Writes a transition, provided nobody moved the ticket meanwhile. */
    void save(Ticket t, TicketState expected) {
        int updated = jdbc.sql("""
                update rcp_ticket set state = ?, queued_at = ?, called_at = ?, started_at = ?, finished_at = ?,
                    window_id = ?, officer_staff_id = ?, recall_count = ?, no_show_at = ?, rejoined = ?
                where id = ? and state = ?""")
                .params(t.state().name(), utc(t.queuedAt()), utc(t.calledAt()), utc(t.startedAt()),
                        utc(t.finishedAt()), t.windowId(), t.officerStaffId(), t.recallCount(), utc(t.noShowAt()),
                        t.rejoined(), t.id(), expected.name())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("ticket " + t.id() + " is no longer " + expected);
        }
    }

    static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        return new Ticket(rs.getLong("id"), rs.getString("public_id"), rs.getLong("hall_id"), rs.getLong("line_id"),
                rs.getObject("service_date", LocalDate.class), rs.getString("number"),
                Priority.valueOf(rs.getString("priority")), rs.getString("green_category"),
                TicketState.valueOf(rs.getString("state")), instant(rs, "issued_at"), instant(rs, "queued_at"),
                instant(rs, "called_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                nullableLong(rs, "target_window_id"), nullableLong(rs, "window_id"),
                nullableLong(rs, "officer_staff_id"), rs.getInt("recall_count"), instant(rs, "no_show_at"),
                rs.getBoolean("rejoined"), nullableLong(rs, "transferred_from"), rs.getString("item_code"));
    }
}
