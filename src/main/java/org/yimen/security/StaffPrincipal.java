package org.yimen.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.yimen.shared.StaffIdentity;

/** The signed-in member of staff: their account plus what pages and records need (id, name as people know it). */
public final class StaffPrincipal extends User implements StaffIdentity {

    private final long staffId;
    private final String displayName;

    StaffPrincipal(long staffId, String username, String displayName, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.staffId = staffId;
        this.displayName = displayName;
    }

    @Override
    public long staffId() {
        return staffId;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
