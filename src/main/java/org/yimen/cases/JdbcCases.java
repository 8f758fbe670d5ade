package org.yimen.cases;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yimen.privacy.Sealed;
import org.yimen.shared.Masking;
import org.yimen.shared.Rejected;
import tools.jackson.databind.json.JsonMapper;

/** Storage of cases in plain SQL. Updates check the row version, so of two officers acting at once one wins. */
@Repository
class JdbcCases {

    /** What is written once at intake and never changes. */
    record Header(Case.Channel channel, String idempotencyKey, String itemCode, int itemVersion, long departmentId,
            long hallId, @Nullable Long windowId, String clerkId, String clerkName, Applicant applicant, Sealed document,
            Sealed phone, Instant submittedAt) {
    }

    /** Key of the current transaction's loaded phone claims among its resources. */
    private static final Object LOADED_PHONES = new Object();

    private final JdbcClient jdbc;
    /** Only its parser is used: child rows are read value by value ({@link JsonRows}). */
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> idByIdempotencyKey(String key) {
        return jdbc.sql("select id from case_application where idempotency_key = ?").param(key).query(Long.class)
                .optional();
    }

    Optional<Long> idByNumber(String number) {
        return jdbc.sql("select id from case_application where case_number = ?").param(number).query(Long.class)
                .optional();
    }

    /** A case's id with its sealed phone, for the citizen's progress lookup to check the digits against. */
    record PhoneClaim(long id, byte[] phoneSealed) {
    }

    /**
     * The claim of a case by its number. A case loaded in the current transaction brought its sealed phone along, so
     * the SMS of a transition costs no statement of its own.
     */
    Optional<PhoneClaim> sealedPhoneByNumber(String number) {
        if (TransactionSynchronizationManager.getResource(LOADED_PHONES) instanceof Map<?, ?> loaded
                && loaded.get(number) instanceof PhoneClaim claim) {
            return Optional.of(claim);
        }
        return jdbc.sql("select id, phone_sealed from case_application where case_number = ?").param(number)
                .query((rs, row) -> new PhoneClaim(rs.getLong(1), rs.getBytes(2))).optional();
    }

    /** A new case's id and the number it was given. */
    record Inserted(long id, String number) {
    }

    /**
     * Inserts a new case numbered {@code prefix} plus the next value of the shared sequence, unless its idempotency
     * key is already taken (then a concurrent twin waits for the first insert and finds nothing to do); empty for a
     * repeat.
     */
    Optional<Inserted> insert(String prefix, Header h) {
        return jdbc.sql("""
                insert into case_application (case_number, idempotency_key, item_code, item_version, department_id,
                    hall_id, window_id, channel, clerk_id, clerk_name, applicant_kind, applicant_name, credit_code,
                    document_type, document_sealed, document_index, phone_sealed, phone_index, state, visits,
                    submitted_at, materials_arrived_at)
                values (? || lpad(nextval('case_number_seq')::text, 6, '0'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, 'SUBMITTED', 1, ?, ?)
                on conflict (idempotency_key) do nothing
                returning id, case_number""")
                .params(prefix, h.idempotencyKey(), h.itemCode(), h.itemVersion(), h.departmentId(), h.hallId(),
                        h.windowId(), h.channel().name(), h.clerkId(), h.clerkName(), h.applicant().kind().name(),
                        h.applicant().name(), h.applicant().creditCode(), h.applicant().document().type().name(),
                        h.document().ciphertext(), h.document().index(), h.phone().ciphertext(), h.phone().index(),
                        Timestamp.from(h.submittedAt()), Timestamp.from(h.submittedAt()))
                .query((rs, row) -> new Inserted(rs.getLong(1), rs.getString(2))).optional();
    }

    /**
     * Writes what a transition changed in one statement: the case row (refused if someone else changed it meanwhile)
     * and, as data-modifying parts of the same statement, one multi-row upsert per kind of child that changed, the
     * new notices and the new lines of the timeline.
     */
    void save(Case c, boolean newCase) {
        Clocks k = c.clocks();
        Refusal r = c.refusal();
        Pledge p = c.pledge();
        Extension x = c.extension();
        Decision d = c.decision();
        Delivery v = c.delivery();
        var current = c.currentStage().orElse(null);
        LocalDate opinionsDue = c.opinions().stream().filter(Opinion::open).map(Opinion::due)
                .min(LocalDate::compareTo).orElse(null);
        // Each part of the statement by the name the others may refer to it by.
        Map<String, String> parts = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>();
        if (!newCase) {
            parts.put("updated", """
                    update case_application set state = ?, visits = ?, third_visit = ?, second_notice = ?,
                        accepted_on = ?, promised_days = ?, statutory_days = ?, promised_due = ?, statutory_due = ?,
                        due_dates_published = ?, refusal_kind = ?, refusal_reason = ?, refusal_remedies = ?,
                        competent_department_id = ?, decided_on = ?, deemed_accepted = ?, pledge = ?,
                        pledge_due = ?, excluded_days = ?, extension_days = ?, extension_reason = ?,
                        extension_requested_by = ?, extension_approved_by = ?, extension_approved_on = ?,
                        outcome = ?, result_number = ?, decision_reason = ?, decision_remedies = ?, decided_by = ?,
                        completed_on = ?, delivery_due = ?, delivery_method = ?, delivery_reference = ?,
                        delivered_on = ?, terminated_on = ?, current_post_id = ?, current_officer_id = ?,
                        opinions_due = ?, veto_pending = ?, materials_arrived_at = ?, row_version = row_version + 1
                    where id = ? and row_version = ? returning 1""");
            params.addAll(java.util.Arrays.asList(c.state().name(), c.visits(), c.thirdVisit(), c.secondNotice(),
                    k == null ? null : Date.valueOf(k.acceptedOn()), k == null ? null : k.promisedDays(),
                    k == null ? null : k.statutoryDays(), k == null ? null : Date.valueOf(k.promisedDue()),
                    k == null ? null : Date.valueOf(k.statutoryDue()), k == null ? null : k.published(),
                    r == null ? null : r.kind().name(), r == null ? null : r.reason(),
                    r == null ? null : r.remedies(), r == null ? null : r.competentDepartmentId(),
                    date(c.decidedOn()), c.deemedAccepted(), p == null ? null : p.text(),
                    p == null ? null : Date.valueOf(p.due()), c.excludedDays(), x == null ? null : x.days(),
                    x == null ? null : x.reason(), x == null ? null : x.requestedBy(),
                    x == null ? null : x.approvedBy(), x == null ? null : date(x.approvedOn()),
                    d == null ? null : d.outcome().name(), d == null ? null : d.resultNumber(),
                    d == null ? null : d.reason(), d == null ? null : d.remedies(),
                    d == null ? null : d.decidedBy(), d == null ? null : Date.valueOf(d.completedOn()),
                    d == null ? null : Date.valueOf(d.deliveryDue()), v == null ? null : v.method().name(),
                    v == null ? null : v.reference(), v == null ? null : Date.valueOf(v.deliveredOn()),
                    date(c.terminatedOn()), current == null ? null : current.postId(),
                    current == null ? null : current.officerId(), date(opinionsDue),
                    c.opinions().stream().anyMatch(Opinion::vetoPending),
                    c.materialsArrivedAt() == null ? null : Timestamp.from(c.materialsArrivedAt()), c.id(),
                    c.rowVersion()));
            params.replaceAll(JdbcCases::nullable);
        }
        var loaded = c.loaded();
        upsert(parts, params, "materials", "case_material", "position", List.of("name", "required", "received",
                "brought_on", "can_defer", "pledged"), changed(newCase ? List.of() : loaded.materials(), c.materials()),
                m -> List.of(m.position(), m.name(), m.required(), m.received(), nullable(m.broughtOn()),
                        m.deferrable(), m.deferred()), c.id());
        int n = 0;
        for (Notice notice : c.notices().subList(newCase ? 0 : loaded.notices(), c.notices().size())) {
            notice(parts, params, "notice" + n++, c.id(), notice);
        }
        upsert(parts, params, "stages", "case_stage", "position", List.of("name", "role", "joint_review",
                "post_id", "officer_id", "officer_name", "acting_reason", "opened_on", "completed_on", "completed_by",
                "opinion"),
                changed(newCase ? List.of() : loaded.stages(), c.stages()),
                st -> List.of(st.position(), st.name(), st.role(), st.jointReview(), nullable(st.postId()),
                        nullable(st.officerId()), nullable(st.officerName()), nullable(st.actingReason()),
                        nullable(date(st.openedOn())), nullable(date(st.completedOn())),
                        nullable(st.completedBy()), nullable(st.opinion())), c.id());
        upsert(parts, params, "opinions", "case_opinion", "department_id", List.of("requested_on", "due", "answer",
                "reason", "answered_by", "answered_on", "acknowledged_by", "acknowledged_on"),
                changed(newCase ? List.of() : loaded.opinions(), c.opinions()),
                o -> List.of(o.departmentId(), Date.valueOf(o.requestedOn()), Date.valueOf(o.due()),
                        nullable(o.answer() == null ? null : o.answer().name()), nullable(o.reason()),
                        nullable(o.answeredBy()), nullable(date(o.answeredOn())), nullable(o.acknowledgedBy()),
                        nullable(date(o.acknowledgedOn()))), c.id());
        upsert(parts, params, "pauses", "case_pause", "number", List.of("procedure", "reason", "expected_days",
                "started_on", "expected_end", "ended_on", "excluded_days"),
                changed(newCase ? List.of() : loaded.pauses(), c.pauses()),
                ps -> List.of(ps.number(), ps.procedure().name(), ps.reason(), ps.expectedDays(),
                        Date.valueOf(ps.startedOn()), Date.valueOf(ps.expectedEnd()), nullable(date(ps.endedOn())),
                        nullable(ps.excludedDays())), c.id());
        var entries = c.timeline().subList(newCase ? 0 : loaded.timeline(), c.timeline().size());
        if (!entries.isEmpty()) {
            for (TimelineEntry e : entries) {
                params.addAll(List.of(c.id(), e.seq(), Timestamp.from(e.at()), e.kind(), e.actorName(), e.detail()));
            }
            parts.put("events", "insert into case_event (case_id, seq, occurred_at, kind, actor_name, detail) values "
                    + tuples(entries.size(), 6));
        }
        if (parts.isEmpty()) {
            return;
        }
        String sql = "with " + String.join(", ", parts.entrySet().stream()
                .map(part -> part.getKey() + " as (" + part.getValue() + ")").toList())
                + (newCase ? " select 1" : " select count(*) from updated");
        int updated = jdbc.sql(sql).params(params).query(Integer.class).single();
        if (updated != 1) {
            throw Rejected.conflict(null, "cases.concurrentChange", c.number());
        }
    }

    /** Marks a SQL null whose type the driver cannot guess from a Java null. */
    private static Object nullable(@Nullable Object value) {
        return value == null ? NULL : value;
    }

    private static final Object NULL = new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.NULL, null);

    private static @Nullable Date date(@Nullable LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /** The elements of {@code now} that are new or differ from the one at the same index of {@code before}. */
    private static <T> List<T> changed(List<T> before, List<T> now) {
        List<T> changed = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            if (i >= before.size() || !before.get(i).equals(now.get(i))) {
                changed.add(now.get(i));
            }
        }
        return changed;
    }

    /** Adds to the statement one upsert of the given child rows of a case, keyed by (case_id, key). */
    private static <T> void upsert(Map<String, String> parts, List<Object> params, String name, String table,
            String key,
            List<String> columns, List<T> rows, java.util.function.Function<T, List<Object>> values, long caseId) {
        if (rows.isEmpty()) {
            return;
        }
        for (T row : rows) {
            params.add(caseId);
            params.addAll(values.apply(row));
        }
        parts.put(name, "insert into " + table + " (case_id, " + key + ", " + String.join(", ", columns) + ") values "
                + tuples(rows.size(), columns.size() + 2) + " on conflict (case_id, " + key + ") do update set "
                + String.join(", ", columns.stream().map(col -> col + " = excluded." + col).toList()));
    }

    private static String tuples(int rows, int columns) {
        String one = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", java.util.Collections.nCopies(rows, one));
    }

    /** Adds a new notice and its items to the statement, as two parts named {@code name} and {@code name}i. */
    private static void notice(Map<String, String> parts, List<Object> params, String name, long caseId, Notice n) {
        params.addAll(List.of(caseId, n.number(), Date.valueOf(n.issuedOn()), n.visit(), n.reason(), n.flagged()));
        parts.put(name, "insert into case_notice (case_id, number, issued_on, visit, reason, flagged)"
                + " values (?, ?, ?, ?, ?, ?) returning id");
        if (n.items().isEmpty()) {
            return;
        }
        int position = 0;
        for (NoticeItem i : n.items()) {
            params.addAll(List.of(position++, i.material(), i.problem().name(), i.reason()));
        }
        parts.put(name + "i", "insert into case_notice_item (notice_id, position, material, problem, reason)"
                + " select " + name + ".id, v.position, v.material, v.problem, v.reason from " + name + ", (values "
                + tuples(n.items().size(), 4) + ") as v (position, material, problem, reason)");
    }

    /**
     * Cases a sweep has to look at: an opinion or a 容缺 pledge past its day, or an online application still
     * unexamined whose materials (first or supplemented) arrived before {@code arrivedBefore}.
     */
    List<Long> dueForSweep(LocalDate today, Instant arrivedBefore) {
        return jdbc.sql("""
                select id from case_application where opinions_due < :today
                union select id from case_application where pledge_due < :today and state in ('ACCEPTED', 'PAUSED')
                    and exists (select 1 from case_material m where m.case_id = case_application.id and m.pledged)
                union select id from case_application where channel = 'ONLINE' and state = 'SUBMITTED'
                    and materials_arrived_at < :arrived
                order by id""")
                .param("today", Date.valueOf(today)).param("arrived", Timestamp.from(arrivedBefore))
                .query(Long.class).list();
    }

    /** What waits for a member of staff: see {@link WorkItem}. Promised due first, then the oldest. */
    List<WorkItem> work(long staffId, List<Long> postIds, @Nullable Long consultedDepartment,
            @Nullable Long headOfDepartment) {
        return jdbc.sql("""
                select c.id, c.case_number, c.item_code, c.applicant_name, c.state, w.task,
                    (select s.name from case_stage s where s.case_id = c.id and s.opened_on is not null
                        and s.completed_on is null order by s.position limit 1) as stage_name,
                    c.promised_due, c.opinions_due
                from case_application c join (
                    select id, 'STAGE' as task from case_application where state in ('ACCEPTED', 'PAUSED')
                        and (current_post_id in (:posts) or (current_post_id is null and current_officer_id = :staff))
                    union all
                    select o.case_id, 'OPINION' from case_opinion o join case_application a on a.id = o.case_id
                        where o.department_id = :consulted and o.answer is null and a.state in ('ACCEPTED', 'PAUSED')
                    union all
                    select id, 'VETO' from case_application where department_id = :head and veto_pending
                    union all
                    select id, 'EXTENSION' from case_application where department_id = :head
                        and extension_days is not null and extension_approved_on is null
                        and state in ('ACCEPTED', 'PAUSED')
                ) w on w.id = c.id
                order by c.promised_due nulls last, c.id""")
                .param("posts", postIds.isEmpty() ? List.of(-1L) : postIds).param("staff", staffId)
                .param("consulted", consultedDepartment == null ? -1L : consultedDepartment)
                .param("head", headOfDepartment == null ? -1L : headOfDepartment)
                .query((rs, row) -> new WorkItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        CaseState.valueOf(rs.getString(5)), WorkItem.Task.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), 0))
                .list();
    }

    /** One line of the clerk's list. */
    record Row(long id, String caseNumber, String itemCode, String applicantName, CaseState state, int visits,
            boolean thirdVisit, boolean secondNotice, @Nullable LocalDate promisedDue, Instant submittedAt) {
    }

    /** What supervisors look for in the list (电子监察). */
    enum Flag {
        /** A joint review veto not yet acknowledged by the head (否决报备). */
        VETO,
        /** Past the promised due date and still open. */
        OVERDUE,
        /** Needed a third visit. */
        THIRD_VISIT,
        /** Had the exceptional second notice. */
        SECOND_NOTICE,
        /** An online application deemed accepted because nobody examined it in time. */
        DEEMED_ACCEPTED
    }

    /** The most recent cases, newest first, optionally of one state or flag; the list never decrypts anything. */
    List<Row> recent(@Nullable CaseState state, @Nullable Flag flag, LocalDate today, int limit) {
        String condition = flag == null ? "true" : switch (flag) {
            case VETO -> "veto_pending";
            case OVERDUE -> "promised_due < :today and state in ('ACCEPTED', 'PAUSED')";
            case THIRD_VISIT -> "third_visit";
            case SECOND_NOTICE -> "second_notice";
            case DEEMED_ACCEPTED -> "deemed_accepted";
        };
        return jdbc.sql("""
                select id, case_number, item_code, applicant_name, state, visits, third_visit, second_notice,
                    promised_due, submitted_at
                from case_application where (cast(:state as varchar) is null or state = :state) and %s
                order by submitted_at desc, id desc limit :limit""".formatted(condition))
                .param("state", state == null ? null : state.name()).param("today", Date.valueOf(today))
                .param("limit", limit)
                .query((rs, row) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        CaseState.valueOf(rs.getString(5)), rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8),
                        rs.getObject(9, LocalDate.class), rs.getTimestamp(10).toInstant()))
                .list();
    }

    /**
     * The whole case in one statement: its row with every child list aggregated as a JSON array of rows, each row an
     * array of its columns in the order {@link #toCase} reads them.
     */
    Optional<Case> load(long id) {
        return jdbc.sql("""
                select c.*,
                  (select coalesce(json_agg(json_build_array(m.position, m.name, m.required, m.received,
                      m.brought_on, m.can_defer, m.pledged) order by m.position), '[]')
                   from case_material m where m.case_id = c.id) as materials_json,
                  (select coalesce(json_agg(json_build_array(n.number, n.issued_on, n.visit, n.reason, n.flagged,
                      (select coalesce(json_agg(json_build_array(i.material, i.problem, i.reason)
                          order by i.position), '[]')
                       from case_notice_item i where i.notice_id = n.id)) order by n.number), '[]')
                   from case_notice n where n.case_id = c.id) as notices_json,
                  (select coalesce(json_agg(json_build_array(s.position, s.name, s.role, s.joint_review, s.post_id,
                      s.officer_id, s.officer_name, s.acting_reason, s.opened_on, s.completed_on, s.completed_by,
                      s.opinion) order by s.position), '[]')
                   from case_stage s where s.case_id = c.id) as stages_json,
                  (select coalesce(json_agg(json_build_array(o.department_id, o.requested_on, o.due, o.answer,
                      o.reason, o.answered_by, o.answered_on, o.acknowledged_by, o.acknowledged_on)
                      order by o.requested_on, o.department_id), '[]')
                   from case_opinion o where o.case_id = c.id) as opinions_json,
                  (select coalesce(json_agg(json_build_array(p.number, p.procedure, p.reason, p.expected_days,
                      p.started_on, p.expected_end, p.ended_on, p.excluded_days) order by p.number), '[]')
                   from case_pause p where p.case_id = c.id) as pauses_json,
                  (select coalesce(json_agg(json_build_array(e.seq,
                      (extract(epoch from e.occurred_at) * 1000000)::bigint,
                      e.kind, e.actor_name, e.detail) order by e.seq), '[]')
                   from case_event e where e.case_id = c.id) as events_json
                from case_application c where c.id = ?""").param(id)
                .query((rs, row) -> toCase(rs)).optional();
    }

    Optional<CaseDetails> details(long id, java.util.function.Function<byte[], String> open) {
        return load(id).flatMap(c -> jdbc.sql("""
                select applicant_kind, applicant_name, credit_code, document_type, document_sealed, phone_sealed,
                    hall_id, window_id, clerk_name, submitted_at from case_application where id = ?""").param(id)
                .query((rs, row) -> new CaseDetails(c, Applicant.Kind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), Masking.idNumber(open.apply(rs.getBytes(5))),
                        Masking.phone(open.apply(rs.getBytes(6))), rs.getLong(7), (Long) rs.getObject(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant()))
                .optional());
    }

    private Case toCase(ResultSet rs) throws SQLException {
        rememberPhone(rs.getString("case_number"), new PhoneClaim(rs.getLong("id"), rs.getBytes("phone_sealed")));
        LocalDate acceptedOn = rs.getObject("accepted_on", LocalDate.class);
        Clocks clocks = acceptedOn == null ? null : new Clocks(acceptedOn, rs.getInt("promised_days"),
                rs.getInt("statutory_days"), rs.getObject("promised_due", LocalDate.class),
                rs.getObject("statutory_due", LocalDate.class), rs.getBoolean("due_dates_published"));
        String refusalKind = rs.getString("refusal_kind");
        Refusal refusal = refusalKind == null ? null : new Refusal(Refusal.Kind.valueOf(refusalKind),
                rs.getString("refusal_reason"), rs.getString("refusal_remedies"),
                (Long) rs.getObject("competent_department_id"));
        String pledgeText = rs.getString("pledge");
        Pledge pledge = pledgeText == null ? null : new Pledge(pledgeText, rs.getObject("pledge_due", LocalDate.class));
        Integer extensionDays = (Integer) rs.getObject("extension_days");
        Extension extension = extensionDays == null ? null : new Extension(extensionDays,
                rs.getString("extension_reason"), rs.getString("extension_requested_by"),
                rs.getString("extension_approved_by"), rs.getObject("extension_approved_on", LocalDate.class));
        String outcome = rs.getString("outcome");
        Decision decision = outcome == null ? null : new Decision(Decision.Outcome.valueOf(outcome),
                rs.getString("result_number"), rs.getString("decision_reason"), rs.getString("decision_remedies"),
                rs.getString("decided_by"), rs.getObject("completed_on", LocalDate.class),
                rs.getObject("delivery_due", LocalDate.class));
        String method = rs.getString("delivery_method");
        Delivery delivery = method == null ? null : new Delivery(Delivery.Method.valueOf(method),
                rs.getString("delivery_reference"), rs.getObject("delivered_on", LocalDate.class));
        var review = new Case.Review(Case.Channel.valueOf(rs.getString("channel")), rs.getBoolean("deemed_accepted"),
                pledge, rs.getInt("excluded_days"), extension, decision, delivery,
                rs.getObject("terminated_on", LocalDate.class),
                JsonRows.read(json, rs.getString("stages_json"), JdbcCases::stage),
                JsonRows.read(json, rs.getString("opinions_json"), JdbcCases::opinion),
                JsonRows.read(json, rs.getString("pauses_json"), JdbcCases::pause),
                JsonRows.read(json, rs.getString("events_json"), JdbcCases::timelineEntry),
                rs.getTimestamp("materials_arrived_at").toInstant());
        return new Case(rs.getLong("id"), rs.getString("case_number"), rs.getString("item_code"),
                rs.getInt("item_version"), rs.getLong("department_id"), rs.getInt("row_version"),
                CaseState.valueOf(rs.getString("state")), rs.getInt("visits"), rs.getBoolean("third_visit"),
                rs.getBoolean("second_notice"),
                JsonRows.read(json, rs.getString("materials_json"), JdbcCases::material),
                JsonRows.read(json, rs.getString("notices_json"), JdbcCases::notice), clocks, refusal,
                rs.getObject("decided_on", LocalDate.class), review);
    }

    /** Keeps a loaded case's phone claim until the end of the current transaction (nothing outside one). */
    @SuppressWarnings("unchecked")
    private static void rememberPhone(String number, PhoneClaim claim) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        var loaded = (Map<String, PhoneClaim>) TransactionSynchronizationManager.getResource(LOADED_PHONES);
        if (loaded == null) {
            Map<String, PhoneClaim> claims = new HashMap<>();
            loaded = claims;
            TransactionSynchronizationManager.bindResource(LOADED_PHONES, claims);
            // Bound to this transaction only: set aside while an inner REQUIRES_NEW runs, and back after it.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LOADED_PHONES);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(LOADED_PHONES, claims);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LOADED_PHONES);
                }
            });
        }
        loaded.put(number, claim);
    }

    // The child rows, read in the column order of the load's json_build_array calls.

    private static CaseMaterial material(JsonRows r) {
        return new CaseMaterial(r.integer(), r.text(), r.bool(), r.bool(), r.integerOrNull(), r.bool(), r.bool());
    }

    private static Notice notice(JsonRows r) {
        return new Notice(r.integer(), r.date(), r.integer(), r.text(), r.bool(),
                r.list(i -> new NoticeItem(i.text(), NoticeItem.Problem.valueOf(i.text()), i.text())));
    }

    private static ReviewStage stage(JsonRows r) {
        return new ReviewStage(r.integer(), r.text(), r.text(), r.bool(), r.longOrNull(), r.longOrNull(),
                r.textOrNull(), r.textOrNull(), r.dateOrNull(), r.dateOrNull(), r.textOrNull(), r.textOrNull());
    }

    private static Opinion opinion(JsonRows r) {
        long department = r.longValue();
        LocalDate requestedOn = r.date();
        LocalDate due = r.date();
        String answer = r.textOrNull();
        return new Opinion(department, requestedOn, due, answer == null ? null : Opinion.Answer.valueOf(answer),
                r.textOrNull(), r.textOrNull(), r.dateOrNull(), r.textOrNull(), r.dateOrNull());
    }

    private static Pause pause(JsonRows r) {
        return new Pause(r.integer(), Pause.Procedure.valueOf(r.text()), r.text(), r.integer(), r.date(), r.date(),
                r.dateOrNull(), r.integerOrNull());
    }

    private static TimelineEntry timelineEntry(JsonRows r) {
        return new TimelineEntry(r.integer(), r.instant(), r.text(), r.text(), r.text());
    }
}
