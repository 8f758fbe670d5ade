package org.yimen.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yimen.shared.LocalPaths;

/** The public front page, sign-in, each role's home page and the large-text switch (适老化). */
@Controller
class HomeController {

    /** A card on a role's home page: message key prefix, target and icon. */
    record Card(String key, String href, String icon) {
    }

    @GetMapping("/")
    String portal() {
        return "portal";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/home")
    String home(Authentication user, Model model) {
        Set<String> roles = Navigation.roles(user);
        model.addAttribute("roles", roles.stream().sorted().toList());
        model.addAttribute("cards", cardsFor(roles));
        return "home";
    }

    /** Switches large text on or off for this browser and returns to a page of this site. */
    @GetMapping("/text-size")
    String textSize(@RequestParam(defaultValue = "false") boolean large,
            @RequestParam(defaultValue = "/") String back, HttpServletResponse response) {
        var cookie = new Cookie(LayoutModel.LARGE_TEXT_COOKIE, large ? "1" : "0");
        cookie.setPath("/");
        cookie.setMaxAge(large ? 365 * 24 * 3600 : 0);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
        return "redirect:" + LocalPaths.orElse(back, "/");
    }

    private static List<Card> cardsFor(Set<String> roles) {
        var cards = new java.util.ArrayList<Card>();
        if (roles.contains("ADMIN") || roles.contains("HALL_MANAGER")) {
            cards.add(new Card("home.card.org", "/admin/org", "diagram-3"));
            cards.add(new Card("home.card.calendar", "/admin/calendar", "calendar3"));
            cards.add(new Card("home.card.catalog", "/admin/catalog", "journal-text"));
            cards.add(new Card("home.card.receptionAdmin", "/admin/reception", "sliders"));
        }
        if (roles.contains("ADMIN") || roles.contains("HALL_MANAGER") || roles.contains("SUPERVISOR")) {
            cards.add(new Card("home.card.receptionLive", "/reception/live", "broadcast"));
            cards.add(new Card("home.card.receptionStatistics", "/reception/statistics", "bar-chart"));
        }
        if (roles.contains("ADMIN")) {
            cards.add(new Card("home.card.api", "/swagger-ui.html", "braces"));
        }
        if (roles.contains("CLERK")) {
            cards.add(new Card("home.card.intake", "/cases/new", "folder-plus"));
        }
        if (roles.contains("SECURITY_ADMIN")) {
            cards.add(new Card("home.card.accounts", "/security/accounts", "person-lock"));
        }
        if (roles.contains("AUDITOR") || roles.contains("SUPERVISOR")) {
            cards.add(new Card("home.card.audit", "/audit", "search"));
        }
        if (roles.contains("AUDITOR")) {
            cards.add(new Card("home.card.verification", "/audit/verification", "shield-check"));
        }
        cards.add(new Card("home.card.myAbsences", "/me/absences", "person-walking"));
        cards.add(new Card("home.card.workingDays", "/api/calendar/working-days?days=20", "clock-history"));
        return cards;
    }
}
