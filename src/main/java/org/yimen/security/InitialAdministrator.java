package org.yimen.security;

import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;
import org.yimen.org.Role;
import org.yimen.org.StaffAccounts;

/**
 * A production installation has no default password: its first administrator is created at start-up from
 * {@code yimen.security.initial-admin-username} and {@code -password} (environment variables
 * {@code YIMEN_SECURITY_INITIAL_ADMIN_USERNAME} / {@code _PASSWORD}, or command-line options), only while no
 * administrator exists, and only with a password the policy accepts.
 */
@Component
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final SecurityProperties properties;
    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;

    InitialAdministrator(SecurityProperties properties, StaffAccounts accounts, PasswordEncoder encoder,
            PasswordPolicy policy, AuditTrail audit) {
        this.audit = audit;
        this.properties = properties;
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = properties.initialAdminUsername();
        String password = properties.initialAdminPassword();
        if (accounts.anyActiveWith(Role.ADMIN)) {
            return;
        }
        if (username == null || username.isBlank() || password == null) {
            log.warn("No administrator exists. Set YIMEN_SECURITY_INITIAL_ADMIN_USERNAME and"
                    + " YIMEN_SECURITY_INITIAL_ADMIN_PASSWORD and restart to create the first one.");
            return;
        }
        var problems = policy.check(username, password);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The initial administrator password does not meet the password policy: "
                    + problems);
        }
        long id = accounts.createAccount(username.strip(), username.strip(), "ADMIN-0001", encoder.encode(password),
                Set.of(Role.ADMIN));
        audit.record(Actor.system("security.initialAdministrator"), "security.initialAdministratorCreated", "staff",
                id, Map.of("username", username.strip()));
        log.info("Created the first administrator account '{}'", username.strip());
    }
}
