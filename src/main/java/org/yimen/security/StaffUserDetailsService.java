package org.yimen.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.yimen.org.StaffAccounts;

/** Staff sign in with their account from the organisation module; each role becomes an authority {@code ROLE_X}. */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccounts accounts;

    StaffUserDetailsService(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.findByUsername(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return new StaffPrincipal(account.staffId(), account.username(), account.name(), account.passwordHash(),
                account.active(),
                account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
    }
}
