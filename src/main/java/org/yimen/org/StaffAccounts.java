package org.yimen.org;

import java.util.Optional;
import java.util.Set;

/** Sign-in accounts of staff: each member of staff signs in with a username and a password. */
public interface StaffAccounts {

    Optional<StaffAccount> findByUsername(String username);

    /** Whether any active member of staff holds the role (used to decide whether a first administrator is needed). */
    boolean anyActiveWith(Role role);

    /** Every account, by username. */
    java.util.List<StaffAccount> all();

    /** Replaces the roles of a member of staff (the caller decides who may, and audits it). */
    void changeRoles(long staffId, Set<Role> roles);

    /** Replaces the password hash of a member of staff (the caller checks the policy and audits the change). */
    void changePasswordHash(long staffId, String passwordHash);

    /** Creates an account for someone outside any department, such as the first administrator. */
    long createAccount(String username, String name, String staffNumber, String passwordHash, Set<Role> roles);
}
