package org.yimen.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;

/**
 * Locks an account after too many failed sign-ins. Counts live in the database, so every node sees the same lock;
 * unknown usernames are counted too, so that the answers never reveal which usernames exist.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties properties;
    private final AuditTrail audit;

    LoginThrottle(JdbcClient jdbc, Clock clock, SecurityProperties properties, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    boolean isLocked(String username) {
        return jdbc.sql("select exists (select 1 from sec_lockout where username = ? and locked_until > ?)")
                .params(key(username), now())
                .query(Boolean.class)
                .single();
    }

    /** Accounts locked now, with the moment each lock ends. */
    @Transactional(readOnly = true)
    java.util.Map<String, OffsetDateTime> locks() {
        var locks = new java.util.HashMap<String, OffsetDateTime>();
        jdbc.sql("select username, locked_until from sec_lockout where locked_until > ?").param(now())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        locks.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class)));
        return locks;
    }

    /** Lifts a lock and forgets the failures that led to it. */
    @Transactional
    void unlock(String username) {
        jdbc.sql("delete from sec_lockout where username = ?").param(key(username)).update();
        jdbc.sql("delete from sec_login_failure where username = ?").param(key(username)).update();
    }

    /** Records a failure and locks the account when it is one too many. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String username) {
        String key = key(username);
        OffsetDateTime now = now();
        jdbc.sql("insert into sec_login_failure (username, failed_at) values (?, ?)").params(key, now).update();
        int recent = jdbc.sql("select count(*) from sec_login_failure where username = ? and failed_at > ?")
                .params(key, now.minus(properties.failureWindow()))
                .query(Integer.class)
                .single();
        if (recent >= properties.maxFailures()) {
            jdbc.sql("""
                    insert into sec_lockout (username, locked_until) values (?, ?)
                    on conflict (username) do update set locked_until = excluded.locked_until""")
                    .params(key, now.plus(properties.lockDuration()))
                    .update();
            jdbc.sql("delete from sec_login_failure where username = ?").param(key).update();
            audit.record(Actor.anonymous(key), "security.accountLocked", "account", key,
                    Map.of("failures", recent, "lockedFor", properties.lockDuration().toString()));
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username) {
        jdbc.sql("delete from sec_login_failure where username = ?").param(key(username)).update();
        jdbc.sql("delete from sec_lockout where username = ?").param(key(username)).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private static String key(String username) {
        String trimmed = username.strip().toLowerCase(java.util.Locale.ROOT);
        return trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
    }
}
