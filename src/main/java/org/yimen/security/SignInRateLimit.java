package org.yimen.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yimen.platform.RateLimits;
import org.yimen.shared.Rejected;

/**
 * Limits sign-in attempts per client address across all nodes. A client over the limit gets 429 before its password
 * is even looked at, with the error page telling a person when to try again.
 */
class SignInRateLimit extends OncePerRequestFilter {

    private final RateLimits limits;
    private final SecurityProperties properties;

    SignInRateLimit(RateLimits limits, SecurityProperties properties) {
        this.limits = limits;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            limits.check("sign-in", request.getRemoteAddr(), properties.signInAttemptsPerAddress(),
                    properties.signInWindow());
        } catch (Rejected tooMany) {
            request.setAttribute(Rejected.REQUEST_ATTRIBUTE, tooMany);
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
