package org.yimen.org;

import java.util.Set;

/** What sign-in needs to know about a member of staff. */
public record StaffAccount(long staffId, String username, String name, String passwordHash, Set<Role> roles,
        boolean active) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }
}
