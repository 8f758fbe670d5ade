package org.yimen.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
import org.yimen.shared.Rejected;

/**
 * 到号提醒: a citizen who leaves a mobile number with a ticket gets one short message when at most
 * {@code yimen.reception.notify-ahead} people are ahead of it, so they need not sit in the hall meanwhile.
 *
 * <p>Only a call moves a ticket forward, so the call's transaction, after its call event (which holds the hall's
 * lock until commit, so it sees every call committed before it), looks at the first few waiting tickets of the line
 * and claims each one near enough that asked for a message, with {@code update ... where notified_at is null}. A
 * second window's transaction that reaches the same ticket waits for that row and then finds it claimed, so however
 * many windows call at once the message is written to the outbox exactly once, in the transaction that moved the
 * queue: a call rolled back sends nothing. The phone lives in a table of its own, never on the ticket row, because a
 * lock on a waiting ticket would make windows calling at that moment pass it over.
 *
 * <p>A ticket that is called before any committed call left it near enough (several windows calling at the same
 * instant) gets no message: its number is on the displays already.
 */
@Component
class TurnNotices {

    static final String CATEGORY = "reception.turn-near";
    static final String MESSAGE = "reception.sms.turnNear";
    /** A mainland mobile number (手机号), as stored: eleven digits. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

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
        String digits = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw Rejected.invalid("phone", "reception.issue.phone");
        }
        return Optional.of(digits);
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
     * After a call on a line (in the call's transaction, after its call event): one message to each waiting ticket
     * of the line now within the configured number of people of being called that asked for one and has not had it.
     * Returns how many were written to the outbox.
     */
    int afterCall(long lineId, LocalDate day, Instant now) {
        boolean anyPending = jdbc.sql("""
                select exists (select 1 from rcp_ticket_sms
                               where line_id = ? and service_date = ? and notified_at is null)""")
                .params(lineId, day).query(Boolean.class).single();
        if (!anyPending) {
            return 0;
        }
        record Waiting(long id, long hallId, String number) {
        }
        // The head of the line in the order it is called, as Tickets#peopleAhead counts it: priority first, then
        // ordinary tickets, each in order of their place in the queue.
        List<Waiting> head = jdbc.sql("""
                select id, hall_id, number from rcp_ticket
                where line_id = ? and service_date = ? and state = 'WAITING'
                order by (priority = 'NONE'), queued_at, id limit ?""")
                .params(lineId, day, properties.notifyAhead() + 1)
                .query((rs, row) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        int sent = 0;
        for (int ahead = 0; ahead < head.size(); ahead++) {
            Waiting ticket = head.get(ahead);
            record Claimed(byte[] phone, String masked) {
            }
            var claimed = jdbc.sql("""
                    update rcp_ticket_sms set notified_at = ?, people_ahead = ?
                    where ticket_id = ? and notified_at is null returning phone_sealed, phone_masked""")
                    .params(TicketRows.utc(now), ahead, ticket.id())
                    .query((rs, row) -> new Claimed(rs.getBytes(1), rs.getString(2))).optional();
            if (claimed.isEmpty()) {
                continue;
            }
            String hall = organisation.hall(ticket.hallId()).map(Hall::name).orElse("");
            // Written once: a second update of the row claimed in this transaction would check its reference to
            // the ticket, which a window may hold locked while it waits for this transaction's audit lock.
            long outboxId = notifications.sms(CATEGORY, personalData.open(claimed.get().phone()), MESSAGE,
                    ticket.number(), ahead, hall);
            var detail = new LinkedHashMap<String, Object>();
            detail.put("number", ticket.number());
            detail.put("ahead", ahead);
            detail.put("phone", claimed.get().masked());
            detail.put("message", outboxId);
            audit.record(Actor.system("reception"), "reception.ticket.turnNearSent", "ticket", ticket.id(), detail);
            sent++;
        }
        return sent;
    }
}
