package org.yimen.reception;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;
import org.yimen.calendar.WorkingDays;
import org.yimen.org.ActingOfficer;
import org.yimen.org.Organisation;
import org.yimen.org.Posts;
import org.yimen.org.ServiceWindow;
import org.yimen.shared.Rejected;

/**
 * Queue tickets from issue to the end of the visit. Issuing numbers each line's tickets per day without gaps or
 * duplicates (a counter row incremented in the issuing transaction, which a refusal rolls back). Calling is atomic:
 * the heads of the window's queues are read with {@code FOR UPDATE SKIP LOCKED}, {@link CallingPolicy} picks one, and
 * it is marked called in the same transaction, so windows calling at once never receive the same ticket and a ticket
 * another window holds for a moment is simply left to it. Every change of a ticket goes to the audit trail in its own
 * transaction and every call to the displays. A call also sends the one short message of each ticket of its queue that
 * it moved near enough and whose citizen asked for one, and a transfer the message of the ticket it puts into a new
 * queue near enough ({@link TurnNotices}).
 */
@Service
@Transactional
public class Tickets {

    /** Advisory lock namespace of a window's actions ("rcpw"): one call at a time per window. */
    private static final int WINDOW_LOCK = 0x72637077;
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final TicketRows rows;
    private final ServiceLines lines;
    private final CallEvents events;
    private final Organisation organisation;
    private final Posts posts;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final ReceptionProperties properties;
    private final TurnNotices turnNotices;
    private final Clock clock;

    Tickets(JdbcClient jdbc, TicketRows rows, ServiceLines lines, CallEvents events, Organisation organisation,
            Posts posts, WorkingDays workingDays, AuditTrail audit, ApplicationEventPublisher publisher,
            ReceptionProperties properties, TurnNotices turnNotices, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.lines = lines;
        this.events = events;
        this.organisation = organisation;
        this.posts = posts;
        this.workingDays = workingDays;
        this.audit = audit;
        this.publisher = publisher;
        this.properties = properties;
        this.turnNotices = turnNotices;
        this.clock = clock;
    }

    /** Who issues a ticket: a kiosk (ordinary tickets on kiosk lines only) or reception staff. */
    public enum Channel {
        KIOSK, STAFF
    }

    // Issuing

    /**
     * Issues the next number of a line today. Refused when the hall is closed today (not a working day), the line is
     * outside its hours or inactive, or its daily cap is reached.
     */
    public IssuedTicket issue(long lineId, Priority priority, @Nullable String greenCategory, Channel channel,
            Actor actor) {
        return issue(lineId, priority, greenCategory, channel, null, null, actor);
    }

    /**
     * Issues a ticket for a catalog item the line covers (the citizen chose the item at the kiosk, which led to the
     * line, or named it at the desk), with a mobile number for one short message when the turn is near (到号提醒);
     * either may be null. Refused, naming the field, for an item the line does not cover or a number that is no
     * mainland mobile number.
     */
    IssuedTicket issue(long lineId, Priority priority, @Nullable String greenCategory, Channel channel,
            @Nullable String itemCode, @Nullable String phone, Actor actor) {
        ServiceLine line = lines.require(lineId);
        if (channel == Channel.KIOSK && (priority != Priority.NONE || !line.kiosk())) {
            throw Rejected.conflict("lineId", "reception.issue.notAtKiosk", line.name());
        }
        if (priority == Priority.APPOINTMENT) {
            throw Rejected.invalid("priority", "reception.issue.appointmentCheckIn");
        }
        String category = null;
        if (priority == Priority.GREEN_CHANNEL) {
            if (greenCategory == null || !properties.greenCategories().contains(greenCategory)) {
                throw Rejected.invalid("category", "reception.issue.unknownCategory");
            }
            category = greenCategory;
        }
        String item = itemCode == null || itemCode.isBlank() ? null : itemCode.strip();
        if (item != null && !line.itemCodes().contains(item)) {
            throw Rejected.invalid("itemCode", "reception.issue.itemNotOnLine", item, line.name());
        }
        String mobile = TurnNotices.mobile(phone).orElse(null);
        return issueOpen(line, priority, category, channel, item, mobile, actor);
    }

    /**
     * The priority ticket of a booked appointment checked in today ({@link Appointments#checkIn}), for the item it
     * was booked for if any, with the booking's mobile number for the turn-near message; the line must be open as
     * for any ticket.
     */
    IssuedTicket issueForAppointment(long lineId, @Nullable String itemCode, @Nullable String mobile, Channel channel,
            Actor actor) {
        return issueOpen(lines.require(lineId), Priority.APPOINTMENT, null, channel, itemCode, mobile, actor);
    }

    private IssuedTicket issueOpen(ServiceLine line, Priority priority, @Nullable String category, Channel channel,
            @Nullable String itemCode, @Nullable String mobile, Actor actor) {
        long lineId = line.id();
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        requireOpen(line, today, now);
        if (priority != Priority.NONE) {
            // It goes in ahead of waiting tickets, so behind the hall's lock like a transfer: a call in flight counts
            // who is near without it (see TurnNotices). An ordinary ticket goes to the back and needs no lock.
            events.lockHall(line.hallId());
        }
        int sequence = jdbc.sql("""
                insert into rcp_counter (line_id, service_date, last_number) values (?, ?, 1)
                on conflict (line_id, service_date) do update set last_number = rcp_counter.last_number + 1
                returning last_number""")
                .params(lineId, today).query(Integer.class).single();
        if (sequence > line.dailyCap()) {
            // Thrown inside the transaction: the counter goes back, so the next number stays without a gap.
            throw Rejected.conflict("lineId", "reception.issue.capReached", line.name(), line.dailyCap());
        }
        var draft = new Ticket(0, publicId(), line.hallId(), lineId, today, line.number(sequence), priority, category,
                TicketState.WAITING, now, now, null, null, null, null, null, null, 0, null, false, null, itemCode);
        long id = rows.insert(draft, sequence, channel.name());
        Ticket ticket = rows.find(id).orElseThrow();
        var detail = detail(ticket);
        detail.put("channel", channel.name());
        if (itemCode != null) {
            detail.put("item", itemCode);
        }
        if (mobile != null) {
            detail.put("sms", turnNotices.register(ticket, mobile));
        }
        audit.record(actor, "reception.ticket.issued", "ticket", id, detail);
        events.queueChanged(line.hallId());
        int ahead = peopleAhead(ticket);
        return new IssuedTicket(ticket, line, ahead, estimatedMinutes(ticket, line, ahead));
    }

    private void requireOpen(ServiceLine line, LocalDate today, Instant now) {
        if (!line.active()) {
            throw Rejected.conflict("lineId", "reception.issue.lineInactive", line.name());
        }
        if (!workingDays.isWorkingDay(today)) {
            throw Rejected.conflict("lineId", "reception.issue.hallClosed", today.toString());
        }
        LocalTime time = LocalTime.ofInstant(now, clock.getZone());
        if (!line.openAt(time)) {
            throw Rejected.conflict("lineId", "reception.issue.lineClosed", line.name(), line.opensAt().toString(),
                    line.closesAt().toString());
        }
    }

    // Calling

    /** Calls the next ticket for a window by the calling policy, or says that no one is waiting for it. */
    public CallOutcome callNext(long windowId, Actor actor) {
        ServiceWindow window = lockWindow(windowId);
        pauseOf(windowId).ifPresent(reason -> {
            throw Rejected.conflict(null, "reception.window.pausedRefusal", reason);
        });
        rows.currentAt(windowId).ifPresent(current -> {
            throw Rejected.conflict(null, "reception.call.finishCurrent", current.number());
        });
        Instant now = now();
        var policy = new CallingPolicy(properties.starvationAfter());
        var candidates = candidates(windowId, LocalDate.ofInstant(now, clock.getZone()));
        var chosen = policy.next(candidates, now);
        if (chosen.isEmpty()) {
            return new CallOutcome.NoOneWaiting();
        }
        Ticket waiting = rows.find(chosen.get().ticketId()).orElseThrow();
        Ticket called = waiting.called(windowId, staffId(actor), now);
        rows.save(called, TicketState.WAITING);
        announce(called, window, false, actor, "reception.ticket.called");
        // After the call event, whose hall lock lets this see every call committed before it.
        turnNotices.afterCall(called, now);
        publisher.publishEvent(new TicketCalled(called.id(), called.hallId(), windowId, called.number(), false,
                called.officerStaffId(), now));
        return new CallOutcome.Called(called);
    }

    /**
     * The head of each queue segment the window may call (per line in the window's order, priority and ordinary
     * apart, plus tickets sent to this window), each locked; rows another window holds are skipped, not waited for.
     * Line ids come from the database, never from the request, so they are written into the statement as numbers.
     */
    private List<CallingPolicy.Candidate> candidates(long windowId, LocalDate today) {
        var segments = new StringBuilder("(0, null::bigint)");
        for (var line : lines.ofWindow(windowId)) {
            segments.append(", (").append(line.position()).append(", ").append(line.lineId()).append(")");
        }
        return jdbc.sql("""
                select c.id, s.position, c.priority, c.queued_at
                from (values %s) as s(position, line_id)
                cross join (values (false), (true)) as p(prioritised)
                cross join lateral (
                    select t.id, t.priority, t.queued_at from rcp_ticket t
                    where t.state = 'WAITING' and t.service_date = :today
                      and (t.priority <> 'NONE') = p.prioritised
                      and case when s.line_id is null then t.target_window_id = :window
                               else t.line_id = s.line_id and t.target_window_id is null end
                    order by t.queued_at, t.id
                    limit 1
                    for update of t skip locked) c""".formatted(segments))
                .param("today", today)
                .param("window", windowId)
                .query((rs, row) -> new CallingPolicy.Candidate(rs.getLong(1), rs.getInt(2),
                        Priority.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Calls the window's current ticket again (重呼), a limited number of times. */
    public Ticket recall(long windowId, Actor actor) {
        ServiceWindow window = lockWindow(windowId);
        Ticket current = current(windowId);
        Ticket recalled = current.recalled(properties.maxRecalls());
        rows.save(recalled, current.state());
        announce(recalled, window, true, actor, "reception.ticket.recalled");
        publisher.publishEvent(new TicketCalled(recalled.id(), recalled.hallId(), windowId, recalled.number(), true,
                recalled.officerStaffId(), now()));
        return recalled;
    }

    /** The called citizen did not come (过号). */
    public Ticket noShow(long windowId, Actor actor) {
        lockWindow(windowId);
        Ticket current = current(windowId);
        return change(current, current.markedNoShow(now()), actor, "reception.ticket.noShow");
    }

    /** A no-show citizen is back: the ticket rejoins the queue once, within the allowed time. */
    public Ticket rejoin(long hallId, String number, Actor actor) {
        LocalDate today = LocalDate.now(clock);
        Ticket ticket = rows.byNumber(hallId, today, number.strip().toUpperCase(), TicketState.NO_SHOW)
                .orElseThrow(() -> Rejected.invalid("number", "reception.rejoin.notFound", number));
        if (ticket.priority() != Priority.NONE) {
            // Back ahead of the ordinary tickets waiting, so behind the hall's lock as a new priority ticket.
            events.lockHall(hallId);
        }
        Ticket back = change(ticket, ticket.rejoinedQueue(now(), properties.rejoinWithin()), actor,
                "reception.ticket.rejoined");
        events.queueChanged(hallId);
        return back;
    }

    public Ticket start(long windowId, Actor actor) {
        lockWindow(windowId);
        Ticket current = current(windowId);
        return change(current, current.started(now()), actor, "reception.ticket.started");
    }

    public Ticket finish(long windowId, Actor actor) {
        lockWindow(windowId);
        Ticket current = current(windowId);
        Ticket done = change(current, current.finished(now()), actor, "reception.ticket.finished");
        publisher.publishEvent(new VisitServed(done.id(), done.hallId(), done.lineId(), windowId,
                done.officerStaffId(), done.calledAt() == null ? done.finishedAt() : done.calledAt(),
                done.finishedAt()));
        return done;
    }

    /**
     * Sends the window's current ticket to another line, or to one window of the hall, keeping its number, priority
     * and place in the queue. A window calls the tickets sent to it from a queue of their own, whatever lines it
     * serves, so a clerk may send a citizen to the one window that can help. The target must be open now: a closed line or an inactive window is refused.
     * A reminder the citizen asked for goes along: one short message when the turn is near in the new queue
     * ({@link TurnNotices#afterTransfer}), at once if the ticket lands that near. Transfers and calls of a hall take
     * effect one at a time, in the order of the hall's lock, which a transfer takes before its ticket enters the new
     * queue.
     */
    public Ticket transfer(long windowId, @Nullable Long toLine, @Nullable Long toWindow, Actor actor) {
        lockWindow(windowId);
        if ((toLine == null) == (toWindow == null)) {
            throw Rejected.invalid("target", "reception.transfer.oneTarget");
        }
        Ticket current = current(windowId);
        Instant now = now();
        long line = current.lineId();
        if (toLine != null) {
            ServiceLine target = lines.require(toLine);
            if (target.hallId() != current.hallId()) {
                throw Rejected.invalid("toLine", "reception.transfer.otherHall");
            }
            if (target.id() == current.lineId()) {
                throw Rejected.invalid("toLine", "reception.transfer.sameLine");
            }
            if (!target.openAt(LocalTime.ofInstant(now, clock.getZone()))) {
                throw Rejected.conflict("toLine", "reception.transfer.lineClosed", target.name());
            }
            line = target.id();
        } else {
            ServiceWindow target = organisation.window(toWindow)
                    .orElseThrow(() -> Rejected.invalid("toWindow", "reception.window.notFound"));
            if (target.hallId() != current.hallId() || !target.active() || target.id() == windowId) {
                throw Rejected.invalid("toWindow", "reception.transfer.windowUnavailable");
            }
        }
        // Every transfer of the hall, with a reminder or without, puts its ticket into the new queue only behind the
        // hall's lock, as a call moves a queue only behind it: so the people a transfer's message counts ahead are
        // exactly those the calls and transfers before it left there, and none a transfer still in flight may add.
        events.lockHall(current.hallId());
        Ticket transferred = current.transferred(now);
        rows.save(transferred, current.state());
        long id = rows.insert(transferred.continuation(line, toWindow), null, "STAFF");
        Ticket continued = rows.find(id).orElseThrow();
        var detail = detail(transferred);
        detail.put("toLine", line);
        if (toWindow != null) {
            detail.put("toWindow", toWindow);
        }
        detail.put("continuedAs", id);
        var reminder = turnNotices.carryOver(transferred, continued);
        reminder.ifPresent(masked -> detail.put("sms", masked));
        audit.record(actor, "reception.ticket.transferred", "ticket", transferred.id(), detail);
        events.queueChanged(current.hallId());
        if (reminder.isPresent()) {
            turnNotices.afterTransfer(continued, now);
        }
        return continued;
    }

    // Windows

    /** Stops calling at a window for a while (暂停服务), with a reason the workstation shows. */
    public void pause(long windowId, String reason, Actor actor) {
        lockWindow(windowId);
        String text = reason.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw Rejected.invalid("reason", "reception.window.pauseReason");
        }
        jdbc.sql("""
                insert into rcp_window_pause (window_id, reason, paused_at, paused_by) values (?, ?, ?, ?)
                on conflict (window_id) do update set reason = excluded.reason, paused_at = excluded.paused_at,
                    paused_by = excluded.paused_by""")
                .params(windowId, text, TicketRows.utc(now()), staffId(actor)).update();
        audit.record(actor, "reception.window.paused", "window", windowId, Map.of("reason", text));
    }

    public void resume(long windowId, Actor actor) {
        lockWindow(windowId);
        if (jdbc.sql("delete from rcp_window_pause where window_id = ?").param(windowId).update() > 0) {
            audit.record(actor, "reception.window.resumed", "window", windowId, Map.of());
        }
    }

    @Transactional(readOnly = true)
    public Optional<String> pauseOf(long windowId) {
        return jdbc.sql("select reason from rcp_window_pause where window_id = ?").param(windowId)
                .query(String.class).optional();
    }

    // Reading

    /** The ticket a window is calling or serving now. */
    @Transactional(readOnly = true)
    public Optional<Ticket> currentAt(long windowId) {
        return jdbc.sql("""
                select * from rcp_ticket where window_id = ? and state in ('CALLED', 'SERVING')
                order by called_at desc limit 1""")
                .param(windowId).query(TicketRows.TICKET).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> byPublicId(String publicId) {
        return rows.byPublicId(publicId);
    }

    /**
     * Waiting tickets the policy would call before this one in its queue (0 once it is no longer waiting): its line,
     * or the one window a transfer sent it to, whose queue holds only the tickets sent there.
     */
    @Transactional(readOnly = true)
    public int peopleAhead(Ticket ticket) {
        if (ticket.state() != TicketState.WAITING) {
            return 0;
        }
        var queue = TicketRows.Queue.of(ticket);
        return jdbc.sql("""
                select count(*) from rcp_ticket t
                where %s and t.service_date = ? and t.state = 'WAITING' and t.id <> ?
                  and ((t.priority <> 'NONE' and ? = 'NONE')
                       or ((t.priority <> 'NONE') = (? <> 'NONE') and (t.queued_at, t.id) < (?, ?)))"""
                .formatted(queue.condition()))
                .params(queue.id(), ticket.serviceDate(), ticket.id(), ticket.priority().name(),
                        ticket.priority().name(), TicketRows.utc(ticket.queuedAt()), ticket.id())
                .query(Integer.class).single();
    }

    /**
     * People ahead times the line's service time, over the windows that call the queue the ticket waits in: the
     * active windows serving its line, or, for a ticket a transfer sent to one window, that window alone, which calls
     * the tickets sent to it one at a time. The service time is the average of the line's latest 50 services today
     * once five are done (read newest first from an index, so the cost does not grow through the day), the line's
     * configured minutes before.
     */
    @Transactional(readOnly = true)
    public int estimatedMinutes(Ticket ticket, ServiceLine line) {
        return estimatedMinutes(ticket, line, peopleAhead(ticket));
    }

    private int estimatedMinutes(Ticket ticket, ServiceLine line, int ahead) {
        if (ahead == 0) {
            return 0;
        }
        var average = jdbc.sql("""
                select avg(extract(epoch from finished_at - coalesce(started_at, called_at))) / 60
                from (select finished_at, started_at, called_at from rcp_ticket
                      where line_id = ? and service_date = ? and state = 'DONE'
                      order by finished_at desc limit 50) latest
                having count(*) >= 5""")
                .params(line.id(), ticket.serviceDate()).query(Double.class).optional();
        double minutes = average.map(m -> Math.max(1, m)).orElse((double) line.serviceMinutes());
        int windows = TicketRows.Queue.of(ticket).window() ? 1 : Math.max(1, lines.windowsServing(line.id()));
        return (int) Math.ceil(ahead * minutes / windows);
    }

    // Helpers

    private Ticket current(long windowId) {
        return rows.currentAt(windowId).orElseThrow(() -> Rejected.conflict(null, "reception.window.noCurrent"));
    }

    private Ticket change(Ticket before, Ticket after, Actor actor, String action) {
        rows.save(after, before.state());
        var detail = detail(after);
        detail.put("from", before.state().name());
        audit.record(actor, action, "ticket", after.id(), detail);
        return after;
    }

    private void announce(Ticket ticket, ServiceWindow window, boolean recall, Actor actor, String action) {
        ServiceLine line = lines.require(ticket.lineId());
        ActingOfficer officer = actingAt(window.id());
        var detail = detail(ticket);
        detail.put("window", window.number());
        if (recall) {
            detail.put("recall", ticket.recallCount());
        }
        if (officer != null) {
            detail.put("acting", officer.reason().name());
        }
        audit.record(actor, action, "ticket", ticket.id(), detail);
        events.append(ticket, window, line, officer, recall, now());
    }

    /** Who is on duty at a window now: the first of its posts that someone acts for (A, B or the head). */
    @Transactional(readOnly = true)
    public @Nullable ActingOfficer actingAt(long windowId) {
        return posts.actingAtWindow(windowId).stream().filter(o -> !o.vacant()).findFirst().orElse(null);
    }

    private ServiceWindow lockWindow(long windowId) {
        ServiceWindow window = organisation.window(windowId)
                .orElseThrow(() -> Rejected.notFound("reception.window.notFound"));
        if (!window.active()) {
            throw Rejected.conflict(null, "reception.window.inactive", window.number());
        }
        jdbc.sql("select 1 from pg_advisory_xact_lock(?, ?)").params(WINDOW_LOCK, (int) windowId)
                .query(Integer.class).single();
        return window;
    }

    private static LinkedHashMap<String, Object> detail(Ticket ticket) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("number", ticket.number());
        detail.put("line", ticket.lineId());
        detail.put("state", ticket.state().name());
        detail.put("priority", ticket.priority().name());
        if (ticket.greenCategory() != null) {
            detail.put("category", ticket.greenCategory());
        }
        return detail;
    }

    private static @Nullable Long staffId(Actor actor) {
        if (actor.kind() != Actor.Kind.STAFF) {
            return null;
        }
        try {
            return Long.valueOf(actor.id());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String publicId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
