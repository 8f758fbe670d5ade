package org.yimen.org;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcStaffAccounts implements StaffAccounts {

    private static final String SELECT_ACCOUNT = "select id, username, name, password_hash, roles, active from org_staff";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcStaffAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<StaffAccount> findByUsername(String username) {
        return jdbc.sql(SELECT_ACCOUNT + " where username = ?").param(username).query(JdbcStaffAccounts::account)
                .optional();
    }

    @Override
    public boolean anyActiveWith(Role role) {
        return jdbc.sql("select exists (select 1 from org_staff where active and ? = any (roles))")
                .param(role.name())
                .query(Boolean.class)
                .single();
    }

    @Override
    public java.util.List<StaffAccount> all() {
        return jdbc.sql(SELECT_ACCOUNT + " order by username").query(JdbcStaffAccounts::account).list();
    }

    @Override
    @Transactional
    public void changeRoles(long staffId, Set<Role> roles) {
        int changed = jdbc.sql("update org_staff set roles = ?::varchar[] where id = ?")
                .params(rolesLiteral(roles), staffId).update();
        if (changed == 0) {
            throw org.yimen.shared.Rejected.notFound("org.staff.notFound", staffId);
        }
    }

    @Override
    @Transactional
    public void changePasswordHash(long staffId, String passwordHash) {
        int changed = jdbc.sql("update org_staff set password_hash = ? where id = ?").params(passwordHash, staffId)
                .update();
        if (changed == 0) {
            throw org.yimen.shared.Rejected.notFound("org.staff.notFound", staffId);
        }
    }

    @Override
    @Transactional
    public long createAccount(String username, String name, String staffNumber, String passwordHash,
            Set<Role> roles) {
        return jdbc.sql("""
                insert into org_staff (staff_number, name, roles, username, password_hash, created_at)
                values (?, ?, ?::varchar[], ?, ?, ?) returning id""")
                .params(staffNumber, name, rolesLiteral(roles), username, passwordHash,
                        OffsetDateTime.now(clock))
                .query(Long.class)
                .single();
    }

    private static StaffAccount account(ResultSet rs, int row) throws SQLException {
        return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
                rs.getString("password_hash"), roles(rs, "roles"), rs.getBoolean("active"));
    }

    static Set<Role> roles(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return Set.of();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    static String rolesLiteral(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
