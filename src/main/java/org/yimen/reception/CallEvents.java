package org.yimen.reception;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yimen.org.ActingOfficer;
import org.yimen.org.ServiceWindow;

/**
 * The call events displays follow, and their announcement to every node. {@code NOTIFY} is transactional: PostgreSQL
 * delivers it only when the transaction that wrote the call commits, and never for one that rolls back, so a display
 * never shows a call that did not happen.
 */
@Repository
class CallEvents {

    static final String CHANNEL = "yimen_calls";
    /** The middle part of an officer change's payload: {@code <hall>:officer:<window>}. */
    static final String OFFICER = "officer";
    /** Advisory lock namespace of a hall's event inserts ("rcph"): ids of one hall follow commit order. */
    private static final int HALL_LOCK = 0x72636868;

    private static final RowMapper<CallEvent> EVENT = CallEvents::event;

    private final JdbcClient jdbc;

    CallEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a call in the current transaction and announces it to all nodes once it commits. */
    long append(Ticket ticket, ServiceWindow window, ServiceLine line, @Nullable ActingOfficer officer,
            boolean recall, Instant now) {
        lockHall(ticket.hallId());
        long id = jdbc.sql("""
                insert into rcp_call_event (hall_id, window_id, window_number, ticket_id, number, line_name, recall,
                    officer_name, officer_no, acting, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(ticket.hallId(), window.id(), window.number(), ticket.id(), ticket.number(), line.name(),
                        recall, officer == null ? null : officer.name(), officer == null ? null : officer.staffNumber(),
                        officer == null ? null : officer.reason().name(), TicketRows.utc(now))
                .query(Long.class).single();
        announce(ticket.hallId(), id);
        return id;
    }

    /**
     * Takes the hall's lock until the current transaction ends, as every call does: waits for the hall's calls in
     * flight to commit, and holds back those that come after.
     */
    void lockHall(long hallId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?, ?)").params(HALL_LOCK, (int) hallId)
                .query(Integer.class).single();
    }

    /** Tells displays of the hall that waiting counts changed (no event to replay). */
    void queueChanged(long hallId) {
        announce(hallId + ":0");
    }

    /**
     * Tells the window's screens, on every node, that the officer on duty changed (an A/B switch), once the current
     * transaction commits. Nothing to replay: a screen that connects is told who is on duty now.
     */
    void officerChanged(long hallId, long windowId) {
        announce(hallId + ":" + OFFICER + ":" + windowId);
    }

    private void announce(long hallId, long eventId) {
        announce(hallId + ":" + eventId);
    }

    private void announce(String payload) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query((rs, row) -> 1).single();
    }

    Optional<CallEvent> find(long id) {
        return jdbc.sql("select * from rcp_call_event where id = ?").param(id).query(EVENT).optional();
    }

    /** What a display missed: the hall's events after the last one it saw, oldest first. */
    List<CallEvent> after(long hallId, long lastSeen, int limit) {
        return jdbc.sql("select * from rcp_call_event where hall_id = ? and id > ? order by id limit ?")
                .params(hallId, lastSeen, limit).query(EVENT).list();
    }

    /** The hall's latest events, newest first. */
    List<CallEvent> latest(long hallId, int limit) {
        return jdbc.sql("select * from rcp_call_event where hall_id = ? order by id desc limit ?")
                .params(hallId, limit).query(EVENT).list();
    }

    Optional<CallEvent> latestAt(long windowId) {
        return jdbc.sql("select * from rcp_call_event where window_id = ? order by id desc limit 1")
                .param(windowId).query(EVENT).optional();
    }

    private static CallEvent event(ResultSet rs, int row) throws SQLException {
        return new CallEvent(rs.getLong("id"), rs.getLong("hall_id"), rs.getLong("window_id"),
                rs.getInt("window_number"), rs.getLong("ticket_id"), rs.getString("number"),
                rs.getString("line_name"), rs.getBoolean("recall"), rs.getString("officer_name"),
                rs.getString("officer_no"), rs.getString("acting"), rs.getTimestamp("occurred_at").toInstant());
    }
}
