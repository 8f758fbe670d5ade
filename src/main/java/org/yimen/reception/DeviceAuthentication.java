package org.yimen.reception;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A kiosk or display signed in with its device token. */
final class DeviceAuthentication extends AbstractAuthenticationToken {

    private final Device device;

    DeviceAuthentication(Device device) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + device.role())));
        this.device = device;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Device getPrincipal() {
        return device;
    }

    @Override
    public String getName() {
        return "device-" + device.id();
    }
}
