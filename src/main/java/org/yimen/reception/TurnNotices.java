package org.yimen.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;
import org.yimen.notifications.Notifications;
import org.yimen.org.Hall;
import org.yimen.org.Organisation;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.Masking;
import org.yimen.shared.MobileNumbers;
import org.yimen.shared.Rejected;

/**
 * 到号提醒: a citizen who leaves a mobile number with a ticket, at the kiosk or with reception staff, gets one short
 * message when at most {@code yimen.reception.notify-ahead} people are ahead of it, so they need not sit in the hall
 * meanwhile.
 *
 * <p>Only a call moves a ticket forward, so the call's transaction, after its call event (which holds the hall's
 * lock until commit, so it sees every call committed before it), looks at the first few waiting tickets of the queue
 * it called from (the line, or the tickets sent to that one window) and claims each one near enough that asked for a
 * message, with {@code update ... where notified_at is null}. A second window's transaction that reaches the same
 * ticket waits for that row and then finds it claimed, so however many windows call at once the message is written to
 * the outbox exactly once, in the transaction that moved the queue: a call rolled back sends nothing. The phone lives
 * in a table of its own, never on the ticket row, because a lock on a waiting ticket would make windows calling at
 * that moment pass it over.
 *
 * <p>One message per wait in a queue. A transfer ends the wait in one queue and starts one in another (a line, or a
 * single window) under the same number: the reminder goes along as a new row for the ticket that continues it, so the
 * citizen is told once more, when the new queue has them near, even if the old queue had told them already. The
 * transfer itself sends it when it puts the ticket that near (the transfer keeps the ticket's place, so it often
 * lands near the head); otherwise a call of the new queue does. Each row is claimed at most once, so no wait is ever
 * told twice. A no-show who rejoins the queue keeps the reminder of the ticket it had: told once in all.
 *
 * <p>The number in the message is exact when it is written: calls, transfers and every ticket that goes in ahead of
 * waiting ones (a new green-channel or appointment ticket, a priority no-show rejoining) move a hall's queues one at a
 * time, in the order of the hall's lock, taken before the ticket enters the queue. So the message counts every ticket
 * they left ahead and none that one still in flight is about to put there; an ordinary ticket goes to the back and
 * changes no one's count. Two transfers into one queue at the same instant are thus one after the other: the second
 * may put its ticket ahead of the first, which it keeps its place for, as a later transfer or a green-channel ticket
 * may at any time; the message the first had stays as it was, since each wait is told once.
 *
 * <p>A ticket that is called before any committed call left it near enough (several windows calling at the same
 * instant) gets no message: its number is on the displays already.
 */
@Component
class TurnNotices {

    static final String CATEGORY = "reception.turn-near";
    static final String MESSAGE = "reception.sms.turnNear";

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final Notifications notifications;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final ReceptionProperties properties;

    TurnNotices(JdbcClient jdbc, PersonalData personalData, Notifications notifications, Organisation organisation,
            AuditTrail audit, ReceptionProperties properties) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.notifications = notifications;
        this.organisation = organisation;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * The mobile number a citizen typed, as eleven digits ({@code 139 0851 4321}, {@code +86 13908514321} are fine);
     * empty when they left the field blank; refused, naming the field, when it is no mainland mobile number.
     */
    static Optional<String> mobile(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(MobileNumbers.parse(typed)
                .orElseThrow(() -> Rejected.invalid("phone", "reception.issue.phone")));
    }

    /** Keeps the number, sealed, for the ticket just issued (in the issuing transaction); returns it masked. */
    String register(Ticket ticket, String mobile) {
        var sealed = personalData.seal(mobile);
        String masked = Masking.phone(mobile);
        jdbc.sql("""
                insert into rcp_ticket_sms (ticket_id, line_id, service_date, phone_sealed, phone_masked)
                values (?, ?, ?, ?, ?)""")
                .params(ticket.id(), ticket.lineId(), ticket.serviceDate(), sealed.ciphertext(), masked).update();
        return masked;
    }

    /** The reminder a citizen asked for with a ticket: to which number (masked), when, and whether it went out. */
    record Reminder(String phone, int whenAhead, boolean sent) {
    }

    Optional<Reminder> reminder(long ticketId) {
        return jdbc.sql("select phone_masked, notified_at is not null from rcp_ticket_sms where ticket_id = ?")
                .param(ticketId)
                .query((rs, row) -> new Reminder(rs.getString(1), properties.notifyAhead(), rs.getBoolean(2)))
                .optional();
    }

    /**
     * Carries the reminder of a transferred ticket over to the ticket that continues it (in the transfer's
     * transaction), not yet sent: the new queue has its own wait. Returns the number, masked, if there was one.
     */
    Optional<String> carryOver(Ticket transferred, Ticket continued) {
        // The sealed number is copied as it is: it is never opened here.
        return jdbc.sql("""
                insert into rcp_ticket_sms (ticket_id, line_id, service_date, phone_sealed, phone_masked)
                select ?, ?, service_date, phone_sealed, phone_masked from rcp_ticket_sms where ticket_id = ?
                returning phone_masked""")
                .params(continued.id(), continued.lineId(), transferred.id()).query(String.class).optional();
    }

    /**
     * After a transfer (in its transaction, behind the hall's lock, taken before the ticket entered the queue): the
     * message of the ticket it put into a new queue, if that queue has it near enough already. Nobody else moves nearer: the ticket goes in ahead
     * of them or behind them. Returns whether it was written to the outbox.
     */
    boolean afterTransfer(Ticket continued, Instant now) {
        var head = head(TicketRows.Queue.of(continued), continued.serviceDate());
        for (int ahead = 0; ahead < head.size(); ahead++) {
            if (head.get(ahead).id() == continued.id()) {
                return claim(head.get(ahead), ahead, now);
            }
        }
        return false;
    }

    /**
     * After a call (in the call's transaction, after its call event): one message to each waiting ticket of the
     * queue it was called from now within the configured number of people of being called that asked for one and has
     * not had it. Returns how many were written to the outbox.
     */
    int afterCall(Ticket called, Instant now) {
        var queue = TicketRows.Queue.of(called);
        LocalDate day = called.serviceDate();
        boolean anyPending = queue.window()
                ? jdbc.sql("""
                        select exists (select 1 from rcp_ticket t join rcp_ticket_sms s on s.ticket_id = t.id
                                       where t.target_window_id = ? and t.service_date = ? and t.state = 'WAITING'
                                         and s.notified_at is null)""")
                        .params(queue.id(), day).query(Boolean.class).single()
                : jdbc.sql("""
                        select exists (select 1 from rcp_ticket_sms
                                       where line_id = ? and service_date = ? and notified_at is null)""")
                        .params(queue.id(), day).query(Boolean.class).single();
        if (!anyPending) {
            return 0;
        }
        var head = head(queue, day);
        int sent = 0;
        for (int ahead = 0; ahead < head.size(); ahead++) {
            if (claim(head.get(ahead), ahead, now)) {
                sent++;
            }
        }
        return sent;
    }

    private record Waiting(long id, long hallId, String number) {
    }

    /**
     * The head of a queue in the order it is called, as Tickets#peopleAhead counts it: priority first, then ordinary
     * tickets, each in order of their place in the queue; as many as can be near enough.
     */
    private List<Waiting> head(TicketRows.Queue queue, LocalDate day) {
        return jdbc.sql("""
                select t.id, t.hall_id, t.number from rcp_ticket t
                where %s and t.service_date = ? and t.state = 'WAITING'
                order by (t.priority = 'NONE'), t.queued_at, t.id limit ?""".formatted(queue.condition()))
                .params(queue.id(), day, properties.notifyAhead() + 1)
                .query((rs, row) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    /** Claims the ticket's message if it asked for one not yet sent, and writes it to the outbox. */
    private boolean claim(Waiting ticket, int ahead, Instant now) {
        record Claimed(byte[] phone, String masked) {
        }
        var claimed = jdbc.sql("""
                update rcp_ticket_sms set notified_at = ?, people_ahead = ?
                where ticket_id = ? and notified_at is null returning phone_sealed, phone_masked""")
                .params(TicketRows.utc(now), ahead, ticket.id())
                .query((rs, row) -> new Claimed(rs.getBytes(1), rs.getString(2))).optional();
        if (claimed.isEmpty()) {
            return false;
        }
        String hall = organisation.hall(ticket.hallId()).map(Hall::name).orElse("");
        // Written once: a second update of the row claimed in this transaction would check its reference to the
        // ticket, which a window may hold locked while it waits for the hall's lock this transaction holds. (A row a transfer
        // carried over and claims at once refers to the ticket the transfer has just inserted, which nobody else
        // sees yet.)
        long outboxId = notifications.sms(CATEGORY, personalData.open(claimed.get().phone()), MESSAGE,
                ticket.number(), ahead, hall);
        var detail = new LinkedHashMap<String, Object>();
        detail.put("number", ticket.number());
        detail.put("ahead", ahead);
        detail.put("phone", claimed.get().masked());
        detail.put("message", outboxId);
        audit.record(Actor.system("reception"), "reception.ticket.turnNearSent", "ticket", ticket.id(), detail);
        return true;
    }
}
