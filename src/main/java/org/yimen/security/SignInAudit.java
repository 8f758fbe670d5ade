package org.yimen.security;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;

/**
 * Every sign-in through the form, every failed attempt (form or API) and every sign-out goes to the audit trail.
 * Successful HTTP Basic calls are not recorded one by one: the actions they perform are.
 */
@Component
class SignInAudit {

    private final AuditTrail audit;

    SignInAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        audit.record(AuditTrail.actorOf(authentication), "security.signedIn", "account", authentication.getName(),
                Map.of());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(Actor.anonymous(username), "security.signInFailed", "account", username,
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        var authentication = event.getAuthentication();
        audit.record(AuditTrail.actorOf(authentication), "security.signedOut", "account", authentication.getName(),
                Map.of());
    }
}
