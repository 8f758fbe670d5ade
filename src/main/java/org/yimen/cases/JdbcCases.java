package org.yimen.cases;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yimen.privacy.Sealed;
import org.yimen.shared.Masking;
import org.yimen.shared.Rejected;

/** Storage of cases in plain SQL. Updates check the row version, so of two officers acting at once one wins. */
@Repository
class JdbcCases {

    /** What is written once at intake and never changes. */
    record Header(String idempotencyKey, String itemCode, int itemVersion, long departmentId, long hallId,
            @Nullable Long windowId, String clerkId, String clerkName, Applicant applicant, Sealed document,
            Sealed phone, Instant submittedAt) {
    }

    private final JdbcClient jdbc;

    JdbcCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumber() {
        return jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
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

    Optional<PhoneClaim> sealedPhoneByNumber(String number) {
        return jdbc.sql("select id, phone_sealed from case_application where case_number = ?").param(number)
                .query((rs, row) -> new PhoneClaim(rs.getLong(1), rs.getBytes(2))).optional();
    }

    /**
     * Inserts a new case unless its idempotency key is already taken (then a concurrent twin waits for the first
     * insert and finds nothing to do); returns the id, or empty for a repeat.
     */
    Optional<Long> insert(String number, Header h) {
        Optional<Long> id = jdbc.sql("""
                insert into case_application (case_number, idempotency_key, item_code, item_version, department_id,
                    hall_id, window_id, channel, clerk_id, clerk_name, applicant_kind, applicant_name, credit_code,
                    document_type, document_sealed, document_index, phone_sealed, phone_index, state, visits,
                    submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, 'WINDOW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', 1, ?)
                on conflict (idempotency_key) do nothing
                returning id""")
                .params(number, h.idempotencyKey(), h.itemCode(), h.itemVersion(), h.departmentId(), h.hallId(),
                        h.windowId(), h.clerkId(), h.clerkName(), h.applicant().kind().name(),
                        h.applicant().name(), h.applicant().creditCode(), h.applicant().document().type().name(),
                        h.document().ciphertext(), h.document().index(), h.phone().ciphertext(), h.phone().index(),
                        Timestamp.from(h.submittedAt()))
                .query(Long.class).optional();
        return id;
    }

    /** Writes the case's state, materials and any new notices; refuses if someone else changed it meanwhile. */
    void save(Case c, boolean newCase) {
        Clocks k = c.clocks();
        Refusal r = c.refusal();
        int updated = jdbc.sql("""
                update case_application set state = ?, visits = ?, third_visit = ?, second_notice = ?,
                    accepted_on = ?, promised_days = ?, statutory_days = ?, promised_due = ?, statutory_due = ?,
                    due_dates_published = ?, refusal_kind = ?, refusal_reason = ?, refusal_remedies = ?,
                    competent_department_id = ?, decided_on = ?, row_version = row_version + 1
                where id = ? and row_version = ?""")
                .params(c.state().name(), c.visits(), c.thirdVisit(), c.secondNotice(),
                        k == null ? null : Date.valueOf(k.acceptedOn()), k == null ? null : k.promisedDays(),
                        k == null ? null : k.statutoryDays(), k == null ? null : Date.valueOf(k.promisedDue()),
                        k == null ? null : Date.valueOf(k.statutoryDue()), k == null ? null : k.published(),
                        r == null ? null : r.kind().name(), r == null ? null : r.reason(),
                        r == null ? null : r.remedies(), r == null ? null : r.competentDepartmentId(),
                        c.decidedOn() == null ? null : Date.valueOf(c.decidedOn()), c.id(), c.rowVersion())
                .update();
        if (updated != 1) {
            throw Rejected.conflict(null, "cases.concurrentChange", c.number());
        }
        if (!newCase) {
            jdbc.sql("delete from case_material where case_id = ?").param(c.id()).update();
        }
        for (CaseMaterial m : c.materials()) {
            jdbc.sql("""
                    insert into case_material (case_id, position, name, required, received, brought_on)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(c.id(), m.position(), m.name(), m.required(), m.received(), m.broughtOn()).update();
        }
        int stored = newCase ? 0 : jdbc.sql("select count(*) from case_notice where case_id = ?").param(c.id())
                .query(Integer.class).single();
        for (Notice n : c.notices().subList(stored, c.notices().size())) {
            long noticeId = jdbc.sql("""
                    insert into case_notice (case_id, number, issued_on, visit, reason, flagged)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(c.id(), n.number(), Date.valueOf(n.issuedOn()), n.visit(), n.reason(), n.flagged())
                    .query(Long.class).single();
            int position = 0;
            for (NoticeItem i : n.items()) {
                jdbc.sql("""
                        insert into case_notice_item (notice_id, position, material, problem, reason)
                        values (?, ?, ?, ?, ?)""")
                        .params(noticeId, position++, i.material(), i.problem().name(), i.reason()).update();
            }
        }
    }

    /** One line of the clerk's list. */
    record Row(long id, String caseNumber, String itemCode, String applicantName, CaseState state, int visits,
            boolean thirdVisit, boolean secondNotice, @Nullable LocalDate promisedDue, Instant submittedAt) {
    }

    /** The most recent cases, newest first, optionally of one state; the list never decrypts anything. */
    List<Row> recent(@Nullable CaseState state, int limit) {
        return jdbc.sql("""
                select id, case_number, item_code, applicant_name, state, visits, third_visit, second_notice,
                    promised_due, submitted_at
                from case_application where (cast(? as varchar) is null or state = ?)
                order by submitted_at desc, id desc limit ?""")
                .params(state == null ? null : state.name(), state == null ? null : state.name(), limit)
                .query((rs, row) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        CaseState.valueOf(rs.getString(5)), rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8),
                        rs.getObject(9, LocalDate.class), rs.getTimestamp(10).toInstant()))
                .list();
    }

    Optional<Case> load(long id) {
        var materials = jdbc.sql("""
                select position, name, required, received, brought_on from case_material where case_id = ?
                order by position""").param(id)
                .query((rs, row) -> new CaseMaterial(rs.getInt(1), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4), (Integer) rs.getObject(5)))
                .list();
        Map<Long, List<NoticeItem>> items = new LinkedHashMap<>();
        jdbc.sql("""
                select i.notice_id, i.material, i.problem, i.reason from case_notice_item i
                join case_notice n on n.id = i.notice_id where n.case_id = ? order by i.notice_id, i.position""")
                .param(id)
                .query((ResultSet rs) -> {
                    items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new NoticeItem(
                            rs.getString(2), NoticeItem.Problem.valueOf(rs.getString(3)), rs.getString(4)));
                });
        var notices = jdbc.sql("""
                select id, number, issued_on, visit, reason, flagged from case_notice where case_id = ?
                order by number""").param(id)
                .query((rs, row) -> new Notice(rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
                        rs.getString(5), rs.getBoolean(6), items.getOrDefault(rs.getLong(1), List.of())))
                .list();
        return jdbc.sql("select * from case_application where id = ?").param(id)
                .query((rs, row) -> toCase(rs, materials, notices)).optional();
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

    private static Case toCase(ResultSet rs, List<CaseMaterial> materials, List<Notice> notices) throws SQLException {
        LocalDate acceptedOn = rs.getObject("accepted_on", LocalDate.class);
        Clocks clocks = acceptedOn == null ? null : new Clocks(acceptedOn, rs.getInt("promised_days"),
                rs.getInt("statutory_days"), rs.getObject("promised_due", LocalDate.class),
                rs.getObject("statutory_due", LocalDate.class), rs.getBoolean("due_dates_published"));
        String refusalKind = rs.getString("refusal_kind");
        Refusal refusal = refusalKind == null ? null : new Refusal(Refusal.Kind.valueOf(refusalKind),
                rs.getString("refusal_reason"), rs.getString("refusal_remedies"),
                (Long) rs.getObject("competent_department_id"));
        return new Case(rs.getLong("id"), rs.getString("case_number"), rs.getString("item_code"),
                rs.getInt("item_version"), rs.getLong("department_id"), rs.getInt("row_version"),
                CaseState.valueOf(rs.getString("state")), rs.getInt("visits"), rs.getBoolean("third_visit"),
                rs.getBoolean("second_notice"), materials, notices, clocks, refusal,
                rs.getObject("decided_on", LocalDate.class));
    }
}
