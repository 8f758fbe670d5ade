package org.yimen.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.WebUtils;
import org.yimen.shared.StaffIdentity;

/** What every page's layout needs: the demo banner, the signed-in user and their menu, the text size. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    static final String LARGE_TEXT_COOKIE = "yimen-large-text";

    private final Navigation navigation;
    private final boolean demo;

    LayoutModel(Navigation navigation, @Value("${yimen.demo:false}") boolean demo) {
        this.navigation = navigation;
        this.demo = demo;
    }

    @ModelAttribute("demo")
    boolean demo() {
        return demo;
    }

    @ModelAttribute("largeText")
    boolean largeText(HttpServletRequest request) {
        var cookie = WebUtils.getCookie(request, LARGE_TEXT_COOKIE);
        return cookie != null && "1".equals(cookie.getValue());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("signedIn")
    boolean signedIn() {
        return user() != null;
    }

    @ModelAttribute("userName")
    String userName() {
        var user = user();
        if (user == null) {
            return "";
        }
        return user.getPrincipal() instanceof StaffIdentity staff ? staff.displayName() : user.getName();
    }

    @ModelAttribute("navItems")
    List<Navigation.Item> navItems() {
        var user = user();
        return user == null ? List.of() : navigation.itemsFor(user);
    }

    private static @Nullable Authentication user() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return authentication;
    }
}
