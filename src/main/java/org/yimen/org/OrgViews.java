package org.yimen.org;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.shared.Masking;

/** What the API and the admin pages show: posts with who acts now, absences, staff with names resolved. */
@Service
@Transactional(readOnly = true)
class OrgViews {

    /** An A/B post with its officers and who acts now. */
    record PostView(long id, String name, long departmentId, String departmentName, @Nullable Long windowId,
            @Nullable String windowName, long officerAId, String officerAName, long officerBId, String officerBName,
            ActingOfficer acting) {
    }

    /** An absence, with times in the hall's zone for people and as instants for machines. */
    record AbsenceView(long id, long staffId, String staffName, String reason, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String recordedBy, boolean cancelled, Status status) {

        /** Where the absence stands now. */
        enum Status {
            UPCOMING, CURRENT, PAST, CANCELLED
        }
    }

    /** A member of staff as the admin page lists them; the phone is masked. */
    record StaffRow(long id, String staffNumber, String name, @Nullable String departmentName, Set<Role> roles,
            String maskedPhone, String username, boolean active) {
    }

    /** A department with its head's name. */
    record DepartmentRow(long id, String code, String name, @Nullable String headName, String maskedPhone) {
    }

    /** A window with its department's name. */
    record WindowRow(long id, long hallId, int number, String name, @Nullable String departmentName,
            boolean active) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActingOfficers acting;
    private final StaffPhones phones;

    OrgViews(JdbcClient jdbc, Clock clock, ActingOfficers acting, StaffPhones phones) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.acting = acting;
        this.phones = phones;
    }

    List<PostView> posts() {
        return posts("", new Object[0]);
    }

    Optional<PostView> post(long id) {
        return posts(" where p.id = ?", new Object[] {id}).stream().findFirst();
    }

    private List<PostView> posts(String where, Object[] params) {
        return jdbc.sql("""
                select p.id, p.name, p.department_id, d.name as department_name, p.window_id,
                       w.name as window_name, w.number as window_number, p.officer_a_id, a.name as a_name,
                       p.officer_b_id, b.name as b_name
                from org_post p join org_department d on d.id = p.department_id
                left join org_window w on w.id = p.window_id
                join org_staff a on a.id = p.officer_a_id join org_staff b on b.id = p.officer_b_id""" + where
                        + " order by d.code, w.number nulls last, p.name")
                .params(params)
                .query((rs, row) -> new PostView(rs.getLong("id"), rs.getString("name"), rs.getLong("department_id"),
                        rs.getString("department_name"), rs.getObject("window_id", Long.class),
                        rs.getString("window_name"), rs.getLong("officer_a_id"), rs.getString("a_name"),
                        rs.getLong("officer_b_id"), rs.getString("b_name"), acting.actingOfficer(rs.getLong("id"))))
                .list();
    }

    Optional<PostForm> postForm(long id) {
        return jdbc.sql("select name, department_id, window_id, officer_a_id, officer_b_id from org_post where id = ?")
                .param(id)
                .query((rs, row) -> new PostForm(rs.getString("name"), rs.getLong("department_id"),
                        rs.getObject("window_id", Long.class), rs.getLong("officer_a_id"), rs.getLong("officer_b_id")))
                .optional();
    }

    /** Absences not yet over (and those of the last week, so a mistake can still be seen). */
    List<AbsenceView> recentAbsences() {
        return absences(" where x.ends_at > ?", utc(clock.instant().minusSeconds(7 * 24 * 3600)));
    }

    List<AbsenceView> absencesOf(long staffId) {
        return absences(" where x.staff_id = ?", staffId);
    }

    private List<AbsenceView> absences(String where, Object param) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select x.id, x.staff_id, s.name, x.reason, x.starts_at, x.ends_at, x.recorded_by, x.cancelled_at
                from org_absence x join org_staff s on s.id = x.staff_id""" + where
                        + " order by x.starts_at desc, x.id desc")
                .param(param)
                .query((rs, row) -> {
                    Instant starts = ActingOfficers.instant(rs, "starts_at");
                    Instant ends = ActingOfficers.instant(rs, "ends_at");
                    boolean cancelled = rs.getTimestamp("cancelled_at") != null;
                    var status = cancelled ? AbsenceView.Status.CANCELLED
                            : new AbsencePeriod(rs.getLong("staff_id"), starts, ends).covers(now)
                                    ? AbsenceView.Status.CURRENT
                                    : now.isBefore(starts) ? AbsenceView.Status.UPCOMING : AbsenceView.Status.PAST;
                    return new AbsenceView(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("name"),
                            rs.getString("reason"), starts.atZone(clock.getZone()).toOffsetDateTime(),
                            ends.atZone(clock.getZone()).toOffsetDateTime(), rs.getString("recorded_by"), cancelled,
                            status);
                })
                .list();
    }

    List<StaffRow> staffRows() {
        return jdbc.sql("""
                select s.id, s.staff_number, s.name, d.name as department_name, s.roles, s.phone_sealed, s.phone,
                       s.username, s.active
                from org_staff s left join org_department d on d.id = s.department_id order by s.staff_number""")
                .query((rs, row) -> new StaffRow(rs.getLong("id"), rs.getString("staff_number"), rs.getString("name"),
                        rs.getString("department_name"), JdbcStaffAccounts.roles(rs, "roles"),
                        phones.masked(rs), rs.getString("username"), rs.getBoolean("active")))
                .list();
    }

    List<DepartmentRow> departmentRows() {
        return jdbc.sql("""
                select d.id, d.code, d.name, h.name as head_name, d.phone
                from org_department d left join org_staff h on h.id = d.head_staff_id order by d.code""")
                .query((rs, row) -> new DepartmentRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("head_name"), Masking.phone(rs.getString("phone"))))
                .list();
    }

    List<WindowRow> windowRows() {
        return jdbc.sql("""
                select w.id, w.hall_id, w.number, w.name, d.name as department_name, w.active
                from org_window w left join org_department d on d.id = w.department_id order by w.hall_id, w.number""")
                .query((rs, row) -> new WindowRow(rs.getLong("id"), rs.getLong("hall_id"), rs.getInt("number"),
                        rs.getString("name"), rs.getString("department_name"), rs.getBoolean("active")))
                .list();
    }

    /** The stored department, hall, window or staff as a form to edit; a staff form leaves the phone blank. */
    Optional<DepartmentForm> departmentForm(long id) {
        return jdbc.sql("select code, name, head_staff_id, phone from org_department where id = ?").param(id)
                .query((rs, row) -> new DepartmentForm(rs.getString("code"), rs.getString("name"),
                        rs.getObject("head_staff_id", Long.class), "")).optional();
    }

    Optional<HallForm> hallForm(long id) {
        return jdbc.sql("select code, name, address from org_hall where id = ?").param(id)
                .query((rs, row) -> new HallForm(rs.getString("code"), rs.getString("name"), rs.getString("address"),
                        "")).optional();
    }

    Optional<WindowForm> windowForm(long id) {
        return jdbc.sql("select hall_id, number, name, department_id, active from org_window where id = ?").param(id)
                .query((rs, row) -> new WindowForm(rs.getLong("hall_id"), rs.getInt("number"), rs.getString("name"),
                        rs.getObject("department_id", Long.class), rs.getBoolean("active"))).optional();
    }

    Optional<StaffForm> staffForm(long id) {
        return jdbc.sql("select staff_number, name, department_id, roles, username, active from org_staff where id = ?")
                .param(id)
                .query((rs, row) -> new StaffForm(rs.getString("staff_number"), rs.getString("name"),
                        rs.getObject("department_id", Long.class), JdbcStaffAccounts.roles(rs, "roles"), "",
                        rs.getString("username"), rs.getBoolean("active"))).optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
