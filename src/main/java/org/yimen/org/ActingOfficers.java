package org.yimen.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.shared.Rejected;

/**
 * Answers who acts for a post now ({@link AbPair}) and keeps the record of switches: after anything that may change
 * the answer, {@link #reconcile(long)} compares it with the last recorded switch of the post and records a new one
 * only if it differs. The post row is locked meanwhile, so two nodes (or a request and the sweep) never record the
 * same switch twice.
 */
@Service
@Transactional(readOnly = true)
class ActingOfficers implements Posts {

    /** A post's officers (whether each can serve now) and its department's head, as the rule needs them. */
    record PostOfficers(long postId, long officerA, boolean availableA, long officerB, boolean availableB,
            @Nullable Long head, Map<Long, String[]> names) {
    }

    /** One recorded switch of the officer acting for a post. */
    record Switch(long id, long postId, @Nullable Long actingStaffId, @Nullable Long previousStaffId,
            ActingReason reason, OffsetDateTime switchedAt) {
    }

    /**
     * A post with its officers and head, and whether each officer can serve at {@code :now}: active, and not within
     * an absence then. One statement, as every transition of a case asks it.
     */
    private static final String POST_OFFICERS = """
            select p.id, p.officer_a_id, p.officer_b_id, d.head_staff_id,
                a.active and not exists (select 1 from org_absence x where x.staff_id = p.officer_a_id
                    and x.cancelled_at is null and x.starts_at <= :now and x.ends_at > :now) as a_available,
                b.active and not exists (select 1 from org_absence x where x.staff_id = p.officer_b_id
                    and x.cancelled_at is null and x.starts_at <= :now and x.ends_at > :now) as b_available,
                a.name as a_name, a.staff_number as a_number, b.name as b_name, b.staff_number as b_number,
                h.name as h_name, h.staff_number as h_number
            from org_post p join org_staff a on a.id = p.officer_a_id join org_staff b on b.id = p.officer_b_id
            join org_department d on d.id = p.department_id left join org_staff h on h.id = d.head_staff_id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    ActingOfficers(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    @Override
    public ActingOfficer actingOfficer(long postId) {
        Instant now = clock.instant();
        var post = jdbc.sql(POST_OFFICERS + " where p.id = :post").param("now", at(now)).param("post", postId)
                .query(ActingOfficers::postOfficers)
                .optional().orElseThrow(() -> Rejected.notFound("org.post.notFound", postId));
        return describe(post, acting(post));
    }

    @Override
    public List<ActingOfficer> actingAtWindow(long windowId) {
        Instant now = clock.instant();
        return jdbc.sql(POST_OFFICERS + " where p.window_id = :window order by p.id").param("now", at(now))
                .param("window", windowId)
                .query(ActingOfficers::postOfficers).list().stream()
                .map(post -> describe(post, acting(post))).toList();
    }

    @Override
    public Optional<ActingOfficer> actingForPostNamed(long departmentId, String name) {
        return jdbc.sql(POST_OFFICERS + " where p.department_id = :department and p.name = :name")
                .param("now", at(clock.instant())).param("department", departmentId).param("name", name)
                .query(ActingOfficers::postOfficers).optional()
                .map(post -> describe(post, acting(post)));
    }

    @Override
    public List<ActingOfficer> postsActedBy(long staffId) {
        Instant now = clock.instant();
        return jdbc.sql(POST_OFFICERS + " where :staff in (p.officer_a_id, p.officer_b_id, d.head_staff_id)"
                + " order by p.id").param("now", at(now)).param("staff", staffId)
                .query(ActingOfficers::postOfficers).list()
                .stream().map(post -> describe(post, acting(post)))
                .filter(acting -> Objects.equals(acting.staffId(), staffId)).toList();
    }

    /** The switches recorded for a post, latest first. */
    List<Switch> switches(long postId) {
        return jdbc.sql("""
                select id, post_id, acting_staff_id, previous_staff_id, reason, switched_at from org_acting_switch
                where post_id = ? order by id desc""").param(postId).query(ActingOfficers::switchRow).list();
    }

    /** Records a switch for the post if who acts now differs from its last recorded switch; true if one was. */
    @Transactional
    boolean reconcile(long postId) {
        Instant now = clock.instant();
        var post = jdbc.sql(POST_OFFICERS + " where p.id = :post for update of p").param("now", at(now))
                .param("post", postId).query(ActingOfficers::postOfficers).optional();
        if (post.isEmpty()) {
            return false;
        }
        var acting = acting(post.get());
        var last = jdbc.sql("""
                select id, post_id, acting_staff_id, previous_staff_id, reason, switched_at from org_acting_switch
                where post_id = ? order by id desc limit 1""").param(postId).query(ActingOfficers::switchRow)
                .optional();
        if (last.isPresent() && Objects.equals(last.get().actingStaffId(), acting.staffId())
                && last.get().reason() == acting.reason()) {
            return false;
        }
        Long previous = last.map(Switch::actingStaffId).orElse(null);
        jdbc.sql("""
                insert into org_acting_switch (post_id, acting_staff_id, previous_staff_id, reason, switched_at)
                values (?, ?, ?, ?, ?)""")
                .params(postId, acting.staffId(), previous, acting.reason().name(), now.atOffset(ZoneOffset.UTC))
                .update();
        events.publishEvent(new ActingOfficerSwitched(postId, acting.staffId(), previous, acting.reason(), now));
        var detail = new java.util.HashMap<String, Object>();
        detail.put("reason", acting.reason().name());
        detail.put("acting", acting.staffId() == null ? "" : acting.staffId());
        detail.put("previous", previous == null ? "" : previous);
        audit.record(org.yimen.audit.Actor.system("org.acting"), "org.post.actingSwitched", "post", postId, detail);
        return true;
    }

    /** Reconciles every post the member of staff serves or heads; returns how many switches were recorded. */
    @Transactional
    int reconcileFor(long staffId) {
        var posts = jdbc.sql("""
                select p.id from org_post p join org_department d on d.id = p.department_id
                where p.officer_a_id = ? or p.officer_b_id = ? or d.head_staff_id = ? order by p.id""")
                .params(staffId, staffId, staffId).query(Long.class).list();
        return (int) posts.stream().filter(this::reconcile).count();
    }

    /** Reconciles every post; returns how many switches were recorded. */
    @Transactional
    int reconcileAll() {
        var posts = jdbc.sql("select id from org_post order by id").query(Long.class).list();
        return (int) posts.stream().filter(this::reconcile).count();
    }

    private static AbPair.Acting acting(PostOfficers post) {
        var pair = new AbPair(post.officerA(), post.officerB(), post.head());
        // An officer whose account was deactivated cannot serve, so counts as absent.
        return pair.actingWhen(staff -> (staff == post.officerA() && !post.availableA())
                || (staff == post.officerB() && !post.availableB()));
    }

    private static OffsetDateTime at(Instant moment) {
        return moment.atOffset(ZoneOffset.UTC);
    }

    private static ActingOfficer describe(PostOfficers post, AbPair.Acting acting) {
        if (acting.staffId() == null) {
            return new ActingOfficer(post.postId(), null, null, null, acting.reason());
        }
        String[] who = post.names().get(acting.staffId());
        return new ActingOfficer(post.postId(), acting.staffId(), who[0], who[1], acting.reason());
    }

    private static PostOfficers postOfficers(ResultSet rs, int row) throws SQLException {
        Map<Long, String[]> names = new HashMap<>();
        Long head = rs.getObject("head_staff_id", Long.class);
        if (head != null) {
            names.put(head, new String[] {rs.getString("h_name"), rs.getString("h_number")});
        }
        names.put(rs.getLong("officer_a_id"), new String[] {rs.getString("a_name"), rs.getString("a_number")});
        names.put(rs.getLong("officer_b_id"), new String[] {rs.getString("b_name"), rs.getString("b_number")});
        return new PostOfficers(rs.getLong("id"), rs.getLong("officer_a_id"), rs.getBoolean("a_available"),
                rs.getLong("officer_b_id"), rs.getBoolean("b_available"), head, names);
    }

    private static Switch switchRow(ResultSet rs, int row) throws SQLException {
        return new Switch(rs.getLong("id"), rs.getLong("post_id"), rs.getObject("acting_staff_id", Long.class),
                rs.getObject("previous_staff_id", Long.class), ActingReason.valueOf(rs.getString("reason")),
                rs.getObject("switched_at", OffsetDateTime.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp.toInstant();
    }
}
