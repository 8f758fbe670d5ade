package org.yimen.reception;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;
import org.yimen.shared.Rejected;

/**
 * On-site ratings (好差评, GB/T 39734-2020): the pad of a window asks for one rating of the visit just finished there
 * (一次一评), on five levels; a low one (1 or 2) may carry reason tags and is published as {@link VisitRated} for the
 * follow-up. A visit can be rated only from its own window's pad, once, and only for a while after it finished.
 */
@Service
@Transactional
class Evaluations {

    /** The visit a pad asks about. */
    record PendingVisit(long ticketId, String number, Instant finishedAt) {
    }

    /** A rating as recorded. */
    record Rating(long id, long ticketId, long windowId, int level, List<String> tags, @Nullable String comment,
            Instant ratedAt) {
    }

    /** How long after the visit finished the pad still asks for its rating. */
    static final Duration RATING_PERIOD = Duration.ofMinutes(30);
    static final int COMMENT_LENGTH = 200;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Evaluations(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The window's last visit, if it has finished, recently enough, and is not rated yet. */
    @Transactional(readOnly = true)
    Optional<PendingVisit> pending(long windowId) {
        Instant now = clock.instant();
        record Last(long id, String number, String state, @Nullable Instant finishedAt, boolean rated) {
        }
        return jdbc.sql("""
                select t.id, t.number, t.state, t.finished_at,
                    exists (select 1 from rcp_rating r where r.ticket_id = t.id) as rated
                from rcp_ticket t where t.window_id = ? and t.called_at is not null
                order by t.called_at desc, t.id desc limit 1""")
                .param(windowId)
                .query((rs, row) -> {
                    var finished = rs.getTimestamp("finished_at");
                    return new Last(rs.getLong("id"), rs.getString("number"), rs.getString("state"),
                            finished == null ? null : finished.toInstant(), rs.getBoolean("rated"));
                })
                .optional()
                .filter(last -> "DONE".equals(last.state()) && last.finishedAt() != null && !last.rated()
                        && !last.finishedAt().plus(RATING_PERIOD).isBefore(now))
                .map(last -> new PendingVisit(last.id(), last.number(), last.finishedAt()));
    }

    Rating rate(Device pad, long ticketId, int level, List<String> tags, @Nullable String comment) {
        if (pad.kind() != DeviceKind.EVALUATION_PAD || pad.windowId() == null) {
            throw Rejected.invalid("device", "reception.rating.notPad");
        }
        if (level < 1 || level > 5) {
            throw Rejected.invalid("level", "reception.rating.level");
        }
        var chosen = new LinkedHashSet<String>();
        for (String tag : tags) {
            if (Arrays.stream(RatingTag.values()).noneMatch(t -> t.name().equals(tag))) {
                throw Rejected.invalid("tags", "reception.rating.unknownTag", tag);
            }
            chosen.add(tag);
        }
        if (level > 2 && !chosen.isEmpty()) {
            throw Rejected.invalid("tags", "reception.rating.tagsOnlyLow");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_LENGTH) {
            throw Rejected.invalid("comment", "reception.rating.comment", COMMENT_LENGTH);
        }
        record Visit(long hallId, @Nullable Long windowId, String number, String state, @Nullable Instant finishedAt,
                @Nullable Long officer) {
        }
        var visit = jdbc.sql("""
                select hall_id, window_id, number, state, finished_at, officer_staff_id from rcp_ticket
                where id = ? for update""")
                .param(ticketId)
                .query((rs, row) -> {
                    long window = rs.getLong("window_id");
                    Long windowId = rs.wasNull() ? null : window;
                    long officer = rs.getLong("officer_staff_id");
                    Long officerId = rs.wasNull() ? null : officer;
                    var finished = rs.getTimestamp("finished_at");
                    return new Visit(rs.getLong("hall_id"), windowId, rs.getString("number"), rs.getString("state"),
                            finished == null ? null : finished.toInstant(), officerId);
                })
                .optional()
                .orElseThrow(() -> Rejected.notFound("reception.rating.visitNotFound"));
        if (visit.hallId() != pad.hallId() || visit.windowId() == null
                || visit.windowId().longValue() != pad.windowId().longValue()) {
            throw Rejected.invalid("ticketId", "reception.rating.otherWindow", visit.number());
        }
        if (!"DONE".equals(visit.state()) || visit.finishedAt() == null) {
            throw Rejected.conflict(null, "reception.rating.notFinished", visit.number());
        }
        Instant now = clock.instant();
        if (visit.finishedAt().plus(RATING_PERIOD).isBefore(now)) {
            throw Rejected.conflict(null, "reception.rating.expired", visit.number());
        }
        String[] tagArray = chosen.toArray(String[]::new);
        var id = jdbc.sql("""
                insert into rcp_rating (ticket_id, hall_id, window_id, officer_staff_id, level, tags, comment,
                    device_id, rated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (ticket_id) do nothing returning id""")
                .params(ticketId, visit.hallId(), visit.windowId(), visit.officer(), level, tagArray, text, pad.id(),
                        TicketRows.utc(now))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            throw Rejected.conflict(null, "reception.rating.alreadyRated", visit.number());
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("number", visit.number());
        detail.put("window", visit.windowId());
        detail.put("level", level);
        if (!chosen.isEmpty()) {
            detail.put("tags", List.copyOf(chosen));
        }
        detail.put("comment", text != null);
        audit.record(Actor.system("pad-" + pad.id()), "reception.visit.rated", "ticket", ticketId, detail);
        if (level <= 2) {
            publisher.publishEvent(new VisitRated(ticketId, visit.windowId(), level, List.copyOf(chosen), now));
        }
        return new Rating(id.get(), ticketId, visit.windowId(), level, List.copyOf(chosen), text, now);
    }

    /**
     * A low rating is marked for follow-up in the same transaction, so no low rating is ever left without one; the
     * feedback work takes the pending ones from here.
     */
    @EventListener
    void markForFollowUp(VisitRated rated) {
        jdbc.sql("update rcp_rating set follow_up = 'PENDING' where ticket_id = ?").param(rated.ticketId()).update();
    }
}
