package org.yimen.reception;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yimen.org.ActingOfficerSwitched;

/**
 * A/B switches (AB岗) reach the window screens at once. The organisation publishes {@link ActingOfficerSwitched} in
 * the transaction that records the switch (an absence recorded, begun, ended or cancelled); the windows of that post
 * are announced on the displays' channel in the same transaction, so once it commits every node's screens of those
 * windows show the officer now on duty, without waiting for the window's next call, and a switch rolled back is
 * never shown.
 */
@Component
class OfficerSwitches {

    private final JdbcClient jdbc;
    private final CallEvents events;

    OfficerSwitches(JdbcClient jdbc, CallEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void announce(ActingOfficerSwitched switched) {
        // Which window a post sits at is the organisation's own data, read here so the organisation needs to know
        // nothing of screens.
        record Window(long hallId, long windowId) {
        }
        jdbc.sql("select w.hall_id, w.id from org_post p join org_window w on w.id = p.window_id where p.id = ?")
                .param(switched.postId())
                .query((rs, row) -> new Window(rs.getLong(1), rs.getLong(2))).list()
                .forEach(window -> events.officerChanged(window.hallId(), window.windowId()));
    }
}
