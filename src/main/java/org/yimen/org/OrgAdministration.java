package org.yimen.org;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.AuditTrail;
import org.yimen.privacy.Sealed;
import org.yimen.shared.Masking;
import org.yimen.shared.Rejected;

/**
 * Changes to the organisation, each checked against the rules a hall manager would expect (unique codes and window
 * numbers, two different active officers per post, absences that end after they start) and followed by recording any
 * switch of acting officer it causes.
 */
@Service
@Transactional
class OrgAdministration {

    /**
     * Stored as the password of accounts created without one. The delegating encoder hands it to BCrypt, which can
     * never match it (it is not a BCrypt hash), so the account cannot sign in until a real password is set.
     */
    static final String UNUSABLE_PASSWORD_PREFIX = "{bcrypt}!unusable-";

    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ActingOfficers acting;
    private final AuditTrail audit;
    private final StaffPhones phones;

    OrgAdministration(JdbcClient jdbc, Clock clock, ActingOfficers acting, AuditTrail audit, StaffPhones phones) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.acting = acting;
        this.audit = audit;
        this.phones = phones;
    }

    /** Records a change in the audit trail, with the form's fields as detail (phones masked). */
    private void audited(String action, String targetType, long id, @Nullable Record form) {
        var detail = new java.util.TreeMap<String, Object>();
        if (form != null) {
            for (var component : form.getClass().getRecordComponents()) {
                try {
                    Object value = component.getAccessor().invoke(form);
                    if (component.getName().toLowerCase(java.util.Locale.ROOT).contains("phone")) {
                        value = Masking.phone(value == null ? null : value.toString());
                    }
                    detail.put(component.getName(), value == null ? "" : value.toString());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        audit.record(action, targetType, id, detail);
    }

    static String unusablePassword() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return UNUSABLE_PASSWORD_PREFIX + HexFormat.of().formatHex(bytes);
    }

    // Departments

    long createDepartment(DepartmentForm form) {
        checkDepartment(form, null);
        long id = jdbc.sql("insert into org_department (code, name, head_staff_id, phone) values (?, ?, ?, ?)"
                        + " returning id")
                .params(strip(form.code()), strip(form.name()), form.headStaffId(), strip(form.phone()))
                .query(Long.class).single();
        audited("org.department.created", "department", id, form);
        return id;
    }

    void updateDepartment(long id, DepartmentForm form) {
        requireExists("org_department", id, "org.department.notFound");
        checkDepartment(form, id);
        // Forms show phones masked only, so a blank phone keeps the stored one.
        jdbc.sql("""
                update org_department set code = ?, name = ?, head_staff_id = ?,
                    phone = case when ? = '' then phone else ? end
                where id = ?""")
                .params(strip(form.code()), strip(form.name()), form.headStaffId(), strip(form.phone()),
                        strip(form.phone()), id)
                .update();
        // A new head changes who acts where both officers are absent.
        jdbc.sql("select id from org_post where department_id = ?").param(id).query(Long.class).list()
                .forEach(acting::reconcile);
        audited("org.department.updated", "department", id, form);
    }

    void deleteDepartment(long id) {
        requireExists("org_department", id, "org.department.notFound");
        delete("delete from org_department where id = ?", id, "org.department.inUse");
        audited("org.department.deleted", "department", id, null);
    }

    private void checkDepartment(DepartmentForm form, @Nullable Long id) {
        if (taken("select id from org_department where code = ?", strip(form.code()), id)) {
            throw Rejected.conflict("code", "org.department.codeTaken", strip(form.code()));
        }
        if (taken("select id from org_department where name = ?", strip(form.name()), id)) {
            throw Rejected.conflict("name", "org.department.nameTaken", strip(form.name()));
        }
        if (form.headStaffId() != null) {
            requireActiveStaff(form.headStaffId(), "headStaffId");
        }
    }

    // Halls

    long createHall(HallForm form) {
        checkHall(form, null);
        long id = jdbc.sql("insert into org_hall (code, name, address, phone) values (?, ?, ?, ?) returning id")
                .params(strip(form.code()), strip(form.name()), strip(form.address()), strip(form.phone()))
                .query(Long.class).single();
        audited("org.hall.created", "hall", id, form);
        return id;
    }

    void updateHall(long id, HallForm form) {
        requireExists("org_hall", id, "org.hall.notFound");
        checkHall(form, id);
        jdbc.sql("""
                update org_hall set code = ?, name = ?, address = ?, phone = case when ? = '' then phone else ? end
                where id = ?""")
                .params(strip(form.code()), strip(form.name()), strip(form.address()), strip(form.phone()),
                        strip(form.phone()), id)
                .update();
        audited("org.hall.updated", "hall", id, form);
    }

    void deleteHall(long id) {
        requireExists("org_hall", id, "org.hall.notFound");
        delete("delete from org_hall where id = ?", id, "org.hall.inUse");
        audited("org.hall.deleted", "hall", id, null);
    }

    private void checkHall(HallForm form, @Nullable Long id) {
        if (taken("select id from org_hall where code = ?", strip(form.code()), id)) {
            throw Rejected.conflict("code", "org.hall.codeTaken", strip(form.code()));
        }
        if (taken("select id from org_hall where name = ?", strip(form.name()), id)) {
            throw Rejected.conflict("name", "org.hall.nameTaken", strip(form.name()));
        }
    }

    // Windows

    long createWindow(WindowForm form) {
        checkWindow(form, null);
        long id = jdbc.sql("insert into org_window (hall_id, number, name, department_id, active) values (?, ?, ?, ?, ?)"
                        + " returning id")
                .params(form.hallId(), form.number(), strip(form.name()), form.departmentId(), form.active())
                .query(Long.class).single();
        audited("org.window.created", "window", id, form);
        return id;
    }

    void updateWindow(long id, WindowForm form) {
        requireExists("org_window", id, "org.window.notFound");
        checkWindow(form, id);
        jdbc.sql("update org_window set hall_id = ?, number = ?, name = ?, department_id = ?, active = ? where id = ?")
                .params(form.hallId(), form.number(), strip(form.name()), form.departmentId(), form.active(), id)
                .update();
        audited("org.window.updated", "window", id, form);
    }

    void deleteWindow(long id) {
        requireExists("org_window", id, "org.window.notFound");
        delete("delete from org_window where id = ?", id, "org.window.inUse");
        audited("org.window.deleted", "window", id, null);
    }

    private void checkWindow(WindowForm form, @Nullable Long id) {
        if (!exists("org_hall", Objects.requireNonNull(form.hallId()))) {
            throw Rejected.invalid("hallId", "org.hall.unknown");
        }
        if (form.departmentId() != null && !exists("org_department", form.departmentId())) {
            throw Rejected.invalid("departmentId", "org.department.unknown");
        }
        var other = jdbc.sql("select id from org_window where hall_id = ? and number = ?")
                .params(form.hallId(), form.number()).query(Long.class).optional();
        if (other.isPresent() && !other.get().equals(id)) {
            throw Rejected.conflict("number", "org.window.numberTaken", form.number());
        }
    }

    // Staff

    long createStaff(StaffForm form, String passwordHash) {
        checkStaff(form, null);
        refusePrivilegedRoles(form.roleSet(), Set.of());
        Sealed phone = phones.seal(form.phone());
        long id = jdbc.sql("""
                insert into org_staff (staff_number, name, department_id, roles, phone_sealed, phone_index, username,
                                       password_hash, active, created_at)
                values (?, ?, ?, ?::varchar[], ?, ?, ?, ?, ?, ?) returning id""")
                .params(strip(form.staffNumber()), strip(form.name()), form.departmentId(),
                        JdbcStaffAccounts.rolesLiteral(form.roleSet()), phone == null ? null : phone.ciphertext(),
                        phone == null ? null : phone.index(), strip(form.username()), passwordHash, form.active(),
                        OffsetDateTime.now(clock))
                .query(Long.class).single();
        audited("org.staff.created", "staff", id, form);
        return id;
    }

    void updateStaff(long id, StaffForm form) {
        requireExists("org_staff", id, "org.staff.notFound");
        checkStaff(form, id);
        Set<Role> held = jdbc.sql("select roles from org_staff where id = ?").param(id)
                .query((rs, row) -> JdbcStaffAccounts.roles(rs, "roles")).single();
        refusePrivilegedRoles(form.roleSet(), held);
        // The form edits the operational roles; privileged ones stay as the security administrator set them.
        Set<Role> roles = EnumSet.noneOf(Role.class);
        form.roleSet().stream().filter(r -> !r.privileged()).forEach(roles::add);
        held.stream().filter(Role::privileged).forEach(roles::add);
        jdbc.sql("""
                update org_staff set staff_number = ?, name = ?, department_id = ?, roles = ?::varchar[],
                    username = ?, active = ?
                where id = ?""")
                .params(strip(form.staffNumber()), strip(form.name()), form.departmentId(),
                        JdbcStaffAccounts.rolesLiteral(roles), strip(form.username()), form.active(), id)
                .update();
        // Forms show phones masked only, so a blank phone keeps the stored one.
        Sealed phone = phones.seal(form.phone());
        if (phone != null) {
            jdbc.sql("update org_staff set phone_sealed = ?, phone_index = ?, phone = '' where id = ?")
                    .params(phone.ciphertext(), phone.index(), id).update();
        }
        // Deactivating an officer makes their posts fall to the other officer or the head.
        acting.reconcileFor(id);
        audited("org.staff.updated", "staff", id, form);
    }

    void deleteStaff(long id) {
        requireExists("org_staff", id, "org.staff.notFound");
        delete("delete from org_staff where id = ?", id, "org.staff.inUse");
        audited("org.staff.deleted", "staff", id, null);
    }

    /** Only the security administrator grants privileged roles (separation of duties), never these forms. */
    private static void refusePrivilegedRoles(Set<Role> requested, Set<Role> held) {
        if (requested.stream().anyMatch(r -> r.privileged() && !held.contains(r))) {
            throw Rejected.invalid("roles", "org.staff.privilegedRole");
        }
    }

    private void checkStaff(StaffForm form, @Nullable Long id) {
        if (taken("select id from org_staff where staff_number = ?", strip(form.staffNumber()), id)) {
            throw Rejected.conflict("staffNumber", "org.staff.numberTaken", strip(form.staffNumber()));
        }
        if (taken("select id from org_staff where username = ?", strip(form.username()), id)) {
            throw Rejected.conflict("username", "org.staff.usernameTaken", strip(form.username()));
        }
        if (form.departmentId() != null && !exists("org_department", form.departmentId())) {
            throw Rejected.invalid("departmentId", "org.department.unknown");
        }
    }

    // A/B posts

    long createPost(PostForm form) {
        checkPost(form, null);
        long id = jdbc.sql("""
                insert into org_post (name, department_id, window_id, officer_a_id, officer_b_id)
                values (?, ?, ?, ?, ?) returning id""")
                .params(strip(form.name()), form.departmentId(), form.windowId(), form.officerAId(),
                        form.officerBId())
                .query(Long.class).single();
        acting.reconcile(id);
        audited("org.post.created", "post", id, form);
        return id;
    }

    void updatePost(long id, PostForm form) {
        requireExists("org_post", id, "org.post.notFound");
        checkPost(form, id);
        jdbc.sql("""
                update org_post set name = ?, department_id = ?, window_id = ?, officer_a_id = ?, officer_b_id = ?
                where id = ?""")
                .params(strip(form.name()), form.departmentId(), form.windowId(), form.officerAId(),
                        form.officerBId(), id)
                .update();
        acting.reconcile(id);
        audited("org.post.updated", "post", id, form);
    }

    void deletePost(long id) {
        requireExists("org_post", id, "org.post.notFound");
        jdbc.sql("delete from org_post where id = ?").param(id).update();
        audited("org.post.deleted", "post", id, null);
    }

    private void checkPost(PostForm form, @Nullable Long id) {
        long a = Objects.requireNonNull(form.officerAId());
        long b = Objects.requireNonNull(form.officerBId());
        if (!exists("org_department", Objects.requireNonNull(form.departmentId()))) {
            throw Rejected.invalid("departmentId", "org.department.unknown");
        }
        if (form.windowId() != null && !exists("org_window", form.windowId())) {
            throw Rejected.invalid("windowId", "org.window.unknown");
        }
        requireActiveStaff(a, "officerAId");
        new AbPair(a, b, null); // refuses B = A, naming officerBId
        requireActiveStaff(b, "officerBId");
        var other = jdbc.sql("select id from org_post where department_id = ? and name = ?")
                .params(form.departmentId(), strip(form.name())).query(Long.class).optional();
        if (other.isPresent() && !other.get().equals(id)) {
            throw Rejected.conflict("name", "org.post.nameTaken", strip(form.name()));
        }
    }

    // Absences

    long recordAbsence(long staffId, AbsenceForm form, String recordedBy) {
        requireExists("org_staff", staffId, "org.staff.notFound");
        var period = new AbsencePeriod(staffId, hallTime(form.startsAt()), hallTime(form.endsAt()));
        long id = jdbc.sql("""
                insert into org_absence (staff_id, reason, starts_at, ends_at, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(staffId, strip(form.reason()), utc(period.startsAt()), utc(period.endsAt()), recordedBy,
                        OffsetDateTime.now(clock))
                .query(Long.class).single();
        audited("org.absence.recorded", "staff", staffId, form);
        acting.reconcileFor(staffId);
        return id;
    }

    void cancelAbsence(long staffId, long absenceId) {
        int changed = jdbc.sql("""
                update org_absence set cancelled_at = ? where id = ? and staff_id = ? and cancelled_at is null""")
                .params(OffsetDateTime.now(clock), absenceId, staffId).update();
        if (changed == 0 && !jdbc.sql("select exists (select 1 from org_absence where id = ? and staff_id = ?)")
                .params(absenceId, staffId).query(Boolean.class).single()) {
            throw Rejected.notFound("org.absence.notFound", absenceId);
        }
        audit.record("org.absence.cancelled", "staff", staffId, java.util.Map.of("absence", absenceId));
        acting.reconcileFor(staffId);
    }

    private Instant hallTime(@Nullable LocalDateTime time) {
        return Objects.requireNonNull(time).atZone(clock.getZone()).toInstant();
    }

    // Helpers

    private void requireActiveStaff(long staffId, String field) {
        var active = jdbc.sql("select active from org_staff where id = ?").param(staffId).query(Boolean.class)
                .optional();
        if (active.isEmpty()) {
            throw Rejected.invalid(field, "org.staff.unknown");
        }
        if (!active.get()) {
            throw Rejected.invalid(field, "org.post.officerInactive");
        }
    }

    private boolean taken(String sql, String value, @Nullable Long id) {
        return jdbc.sql(sql).param(value).query(Long.class).list().stream().anyMatch(other -> !other.equals(id));
    }

    private boolean exists(String table, long id) {
        return jdbc.sql("select exists (select 1 from " + table + " where id = ?)").param(id).query(Boolean.class)
                .single();
    }

    private void requireExists(String table, long id, String code) {
        if (!exists(table, id)) {
            throw Rejected.notFound(code, id);
        }
    }

    private void delete(String sql, long id, String inUseCode) {
        try {
            jdbc.sql(sql).param(id).update();
        } catch (DataIntegrityViolationException e) {
            throw Rejected.conflict(null, inUseCode);
        }
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
