package org.yimen.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.shared.Masking;

/** Look-ups of departments, halls, windows and staff; every phone leaves here masked. */
@Service
@Transactional(readOnly = true)
class JdbcOrganisation implements Organisation {

    static final String DEPARTMENTS = "select id, code, name, head_staff_id, phone from org_department";
    static final String HALLS = "select id, code, name, address, phone from org_hall";
    static final String WINDOWS = "select id, hall_id, number, name, department_id, active from org_window";
    static final String STAFF = "select id, staff_number, name, department_id, roles, " + StaffPhones.COLUMNS
            + ", username, active from org_staff";

    private final JdbcClient jdbc;
    private final StaffPhones phones;

    JdbcOrganisation(JdbcClient jdbc, StaffPhones phones) {
        this.jdbc = jdbc;
        this.phones = phones;
    }

    @Override
    public Optional<Department> department(long id) {
        return jdbc.sql(DEPARTMENTS + " where id = ?").param(id).query(JdbcOrganisation::departmentRow).optional();
    }

    @Override
    public Optional<Department> departmentByCode(String code) {
        return jdbc.sql(DEPARTMENTS + " where code = ?").param(code).query(JdbcOrganisation::departmentRow).optional();
    }

    @Override
    public List<Department> departments() {
        return jdbc.sql(DEPARTMENTS + " order by code").query(JdbcOrganisation::departmentRow).list();
    }

    @Override
    public Optional<Hall> hall(long id) {
        return jdbc.sql(HALLS + " where id = ?").param(id).query(JdbcOrganisation::hallRow).optional();
    }

    @Override
    public Optional<Hall> hallByCode(String code) {
        return jdbc.sql(HALLS + " where code = ?").param(code).query(JdbcOrganisation::hallRow).optional();
    }

    @Override
    public List<Hall> halls() {
        return jdbc.sql(HALLS + " order by code").query(JdbcOrganisation::hallRow).list();
    }

    @Override
    public Optional<ServiceWindow> window(long id) {
        return jdbc.sql(WINDOWS + " where id = ?").param(id).query(JdbcOrganisation::windowRow).optional();
    }

    @Override
    public Optional<ServiceWindow> window(long hallId, int number) {
        return jdbc.sql(WINDOWS + " where hall_id = ? and number = ?").params(hallId, number)
                .query(JdbcOrganisation::windowRow).optional();
    }

    List<ServiceWindow> windows(@Nullable Long hallId) {
        if (hallId == null) {
            return jdbc.sql(WINDOWS + " order by hall_id, number").query(JdbcOrganisation::windowRow).list();
        }
        return jdbc.sql(WINDOWS + " where hall_id = ? order by number").param(hallId)
                .query(JdbcOrganisation::windowRow).list();
    }

    @Override
    public Optional<StaffSummary> staff(long id) {
        return jdbc.sql(STAFF + " where id = ?").param(id).query(this::staffRow).optional();
    }

    @Override
    public Optional<StaffSummary> staffByUsername(String username) {
        return jdbc.sql(STAFF + " where username = ?").param(username).query(this::staffRow).optional();
    }

    List<StaffSummary> staff() {
        return jdbc.sql(STAFF + " order by staff_number").query(this::staffRow).list();
    }

    static Department departmentRow(ResultSet rs, int row) throws SQLException {
        return new Department(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getObject("head_staff_id", Long.class), Masking.phone(rs.getString("phone")));
    }

    static Hall hallRow(ResultSet rs, int row) throws SQLException {
        return new Hall(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("address"),
                Masking.phone(rs.getString("phone")));
    }

    static ServiceWindow windowRow(ResultSet rs, int row) throws SQLException {
        return new ServiceWindow(rs.getLong("id"), rs.getLong("hall_id"), rs.getInt("number"), rs.getString("name"),
                rs.getObject("department_id", Long.class), rs.getBoolean("active"));
    }

    /** A staff row with the phone opened and masked at once: the full number never leaves this method. */
    StaffSummary staffRow(ResultSet rs, int row) throws SQLException {
        return new StaffSummary(rs.getLong("id"), rs.getString("staff_number"), rs.getString("name"),
                rs.getObject("department_id", Long.class), JdbcStaffAccounts.roles(rs, "roles"),
                phones.masked(rs), rs.getString("username"), rs.getBoolean("active"));
    }
}
