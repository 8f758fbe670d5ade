package org.yimen.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;

/**
 * Bookings nobody checked in for (爽约): once a booked slot is over, the booking is marked a no-show, which counts
 * toward blocking that phone from booking ({@code yimen.appointments.no-show-limit}). Every minute one node, the one
 * that obtains the advisory lock, marks them and records each in the audit trail; the others skip. Each marking is an
 * {@code update ... where state = 'BOOKED'}, so even overlapping runs would mark and record a booking once.
 */
@Component
class AppointmentNoShows {

    /** What one run did: whether it held the lock, and how many bookings it marked. */
    record Outcome(boolean ran, int marked) {
    }

    /** Advisory lock key of this job ("rcp" + "noshow" as a number nobody else uses). */
    static final long LOCK_KEY = 0x7263_706e_6f73_01L;

    private static final Logger log = LoggerFactory.getLogger(AppointmentNoShows.class);
    private static final Actor JOB = Actor.system("reception.no-shows");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AppointmentNoShows(JdbcClient jdbc, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(cron = "${yimen.appointments.no-show-cron:30 * * * * *}")
    void everyMinute() {
        var outcome = mark();
        if (outcome.marked() > 0) {
            log.info("Marked {} booking(s) whose slot is over without check-in as no-shows", outcome.marked());
        }
    }

    /** Marks every booking whose slot is over and that was not checked in, if no other node is doing it now. */
    Outcome mark() {
        var outcome = transaction.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class)
                    .single();
            return locked ? new Outcome(true, markOver()) : new Outcome(false, 0);
        });
        return outcome == null ? new Outcome(false, 0) : outcome;
    }

    private int markOver() {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDateTime local = LocalDateTime.ofInstant(now, clock.getZone());
        record Missed(long id, String code, long lineId, LocalDate date, LocalTime startsAt) {
        }
        var missed = jdbc.sql("""
                update rcp_appointment set state = 'NO_SHOW', no_show_at = ?
                where state = 'BOOKED' and service_date <= ? and service_date + ends_at <= ?
                returning id, code, line_id, service_date, starts_at""")
                .params(TicketRows.utc(now), local.toLocalDate(), local)
                .query((rs, row) -> new Missed(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalTime.class)))
                .list();
        for (Missed booking : missed) {
            var detail = new LinkedHashMap<String, Object>();
            detail.put("code", booking.code());
            detail.put("line", booking.lineId());
            detail.put("date", booking.date().toString());
            detail.put("time", booking.startsAt().toString());
            audit.record(JOB, "reception.appointment.noShow", "appointment", booking.id(), detail);
        }
        return missed.size();
    }
}
