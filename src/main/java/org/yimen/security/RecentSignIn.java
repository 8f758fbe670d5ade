package org.yimen.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.yimen.shared.LocalPaths;
import org.yimen.shared.SensitiveAction;

/**
 * Sensitive actions (setting someone's password, unlocking an account, revealing personal data…) need a password
 * typed within the last few minutes ({@code yimen.security.reauthenticate-after}, default 5 minutes), not just a
 * session left open on a hall PC. Handlers marked {@link SensitiveAction} send a person whose sign-in is older to the
 * password prompt first; API calls with HTTP Basic carry the password with every request and always pass.
 */
@Component
class RecentSignIn implements HandlerInterceptor {

    static final String SESSION_ATTRIBUTE = RecentSignIn.class.getName() + ".at";

    private final Clock clock;
    private final Duration validFor;

    RecentSignIn(Clock clock, @Value("${yimen.security.reauthenticate-after:5m}") Duration validFor) {
        this.clock = clock;
        this.validFor = validFor;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            mark(attributes.getRequest());
        }
    }

    void mark(HttpServletRequest request) {
        request.getSession().setAttribute(SESSION_ATTRIBUTE, Instant.now(clock));
    }

    boolean isRecent(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        var session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Instant at
                && !at.plus(validFor).isBefore(Instant.now(clock));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || !(method.hasMethodAnnotation(SensitiveAction.class)
                || method.getBeanType().isAnnotationPresent(SensitiveAction.class)) || isRecent(request)) {
            return true;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return false;
        }
        String back = "GET".equals(request.getMethod()) ? pathWithQuery(request) : refererPath(request);
        String prompt = request.getContextPath() + "/reauthenticate?next=" + URLEncoder.encode(back,
                StandardCharsets.UTF_8);
        if (request.getHeader("HX-Request") != null) {
            // htmx would swap a followed redirect into the fragment; this makes it load the prompt as a page.
            response.setHeader("HX-Redirect", prompt);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(prompt);
        }
        return false;
    }

    private static String pathWithQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    private static String refererPath(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/home";
        }
        var uri = java.net.URI.create(referer);
        return uri.getRawPath() == null ? "/home" : uri.getRawPath();
    }

    static String safeNext(String next) {
        return LocalPaths.orElse(next, "/home");
    }
}
