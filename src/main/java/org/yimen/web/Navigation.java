package org.yimen.web;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** The menu a signed-in member of staff sees: only the entries their roles open. */
@Component
class Navigation {

    /** One menu entry: message key, target, Bootstrap icon and the roles that see it (empty: everyone signed in). */
    record Item(String label, String href, String icon, Set<String> roles) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("nav.home", "/home", "house", Set.of()),
            new Item("nav.org", "/admin/org", "diagram-3", Set.of("ADMIN", "HALL_MANAGER")),
            new Item("nav.calendar", "/admin/calendar", "calendar3", Set.of("ADMIN", "HALL_MANAGER")),
            new Item("catalog.nav.admin", "/admin/catalog", "journal-text", Set.of("ADMIN", "HALL_MANAGER")),
            new Item("notifications.nav.admin", "/admin/notifications", "envelope", Set.of("ADMIN", "HALL_MANAGER")),
            new Item("reception.nav.window", "/reception/windows", "megaphone", Set.of("CLERK", "HALL_MANAGER")),
            new Item("reception.nav.desk", "/reception/desk", "ticket-perforated", Set.of("CLERK", "HALL_MANAGER")),
            // One entry for the hall manager's reception pages: the live view leads to statistics and set-up.
            new Item("reception.nav.live", "/reception/live", "broadcast", Set.of("ADMIN", "HALL_MANAGER", "SUPERVISOR")),
            new Item("nav.cases", "/cases", "folder2-open", Set.of("CLERK", "REVIEWER", "DEPT_HEAD", "HALL_MANAGER",
                    "SUPERVISOR")),
            new Item("cases.nav.work", "/cases/work", "inbox", Set.of("CLERK", "REVIEWER", "DEPT_HEAD")),
            new Item("nav.accounts", "/security/accounts", "person-lock", Set.of("SECURITY_ADMIN")),
            new Item("nav.audit", "/audit", "search", Set.of("AUDITOR", "SUPERVISOR")),
            new Item("nav.myAbsences", "/me/absences", "person-walking", Set.of()),
            new Item("nav.apiDocs", "/swagger-ui.html", "braces", Set.of("ADMIN")));

    List<Item> itemsFor(Authentication user) {
        Set<String> roles = roles(user);
        return ITEMS.stream().filter(i -> i.roles().isEmpty() || i.roles().stream().anyMatch(roles::contains)).toList();
    }

    static Set<String> roles(Authentication user) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(java.util.stream.Collectors.toSet());
    }
}
