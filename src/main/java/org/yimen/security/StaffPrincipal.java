package org.yimen.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in member of staff: their account plus what pages and records need (id, name as people know it). */
public final class StaffPrincipal extends User {

    private final long staffId;
    private final String displayName;

    StaffPrincipal(long staffId, String username, String displayName, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.staffId = staffId;
        this.displayName = displayName;
    }

    public long staffId() {
        return staffId;
    }

    public String displayName() {
        return displayName;
    }
}
