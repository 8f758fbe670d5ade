package org.yimen.reception;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yimen.org.ActingOfficer;
import org.yimen.org.ActingReason;

/** What displays show, in the display's language; the spoken text is always Chinese, the hall's language. */
@Component
class DisplayViews {

    /** A call on a display: what it says, what it speaks, and the officer on duty then. */
    record CallView(long id, long windowId, int window, String windowLabel, String number, String line, String text,
            String speech,
            boolean recall, @Nullable String officerName, @Nullable String officerNumber, @Nullable String acting,
            String time) {
    }

    /**
     * The officer on duty at a window as its screen shows them (公开在岗): name and staff number, or the vacant text,
     * and why they act when it is not officer A.
     */
    record OfficerView(long windowId, String name, String staffNumber, @Nullable String acting, boolean vacant) {
    }

    /** Waiting tickets of one line today. */
    record LineCount(long lineId, String name, String prefix, int waiting) {
    }

    private static final Locale SPOKEN = Locale.SIMPLIFIED_CHINESE;
    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final Clock clock;

    DisplayViews(MessageSource messages, JdbcClient jdbc, Tickets tickets, Clock clock) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clock = clock;
    }

    CallView call(CallEvent event, Locale locale) {
        Object[] args = {event.number(), event.windowNumber()};
        String text = messages.getMessage(event.recall() ? "reception.call.textAgain" : "reception.call.text", args,
                locale);
        String speech = messages.getMessage(event.recall() ? "reception.call.textAgain" : "reception.call.text",
                new Object[] {spoken(event.number()), event.windowNumber()}, SPOKEN);
        String acting = event.acting() == null || event.acting().equals("A") ? null
                : messages.getMessage("reception.acting." + event.acting(), null, event.acting(), locale);
        String windowLabel = messages.getMessage("reception.board.windowNumber", new Object[] {event.windowNumber()},
                locale);
        return new CallView(event.id(), event.windowId(), event.windowNumber(), windowLabel, event.number(),
                event.lineName(), text,
                speech, event.recall(), event.officerName(), event.officerNumber(), acting,
                LocalTime.ofInstant(event.occurredAt(), clock.getZone()).withNano(0).toString());
    }

    /** Who is on duty at the window now (A, B or the head), or null when nobody can act. */
    @Nullable ActingOfficer officerAt(long windowId) {
        return tickets.actingAt(windowId);
    }

    OfficerView officer(long windowId, @Nullable ActingOfficer officer, Locale locale) {
        if (officer == null || officer.name() == null) {
            return new OfficerView(windowId, messages.getMessage("reception.windowScreen.vacant", null, locale), "—",
                    null, true);
        }
        String acting = officer.reason() == ActingReason.A ? null
                : messages.getMessage("reception.acting." + officer.reason().name(), null, locale);
        return new OfficerView(windowId, officer.name(), officer.staffNumber() == null ? "—" : officer.staffNumber(),
                acting, false);
    }

    /** "A012" spoken digit by digit (A 零一二), as halls announce numbers. */
    static String spoken(String number) {
        var spoken = new StringBuilder();
        for (char c : number.toCharArray()) {
            spoken.append(Character.isDigit(c) ? DIGITS[c - '0'] : String.valueOf(c) + " ");
        }
        return spoken.toString().strip();
    }

    List<LineCount> waiting(long hallId) {
        return jdbc.sql("""
                select l.id, l.name, l.prefix, count(t.id) as waiting
                from rcp_line l
                left join rcp_ticket t on t.line_id = l.id and t.service_date = ? and t.state = 'WAITING'
                where l.hall_id = ? and l.active
                group by l.id, l.name, l.prefix order by l.prefix""")
                .params(LocalDate.now(clock), hallId)
                .query((rs, row) -> new LineCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }
}
