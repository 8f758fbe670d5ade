package org.yimen.reception;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.WebUtils;

/**
 * Signs a device in from its token: the {@code X-Device-Token} header (API clients), or {@code ?token=} on the first
 * opening of a screen, which is then kept in an HttpOnly cookie and removed from the address by a redirect (so it
 * stays out of history and referrers), or that cookie. An unknown or revoked token signs nobody in, and the chain
 * answers 401.
 */
final class DeviceTokenFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Device-Token";
    static final String COOKIE = "yimen-device";
    static final String PARAMETER = "token";

    private final Devices devices;
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    DeviceTokenFilter(Devices devices) {
        this.devices = devices;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        String parameter = request.getParameter(PARAMETER);
        var cookie = WebUtils.getCookie(request, COOKIE);
        String token = header != null ? header : parameter != null ? parameter : cookie != null ? cookie.getValue()
                : null;
        var device = token == null ? java.util.Optional.<Device>empty() : devices.authenticate(token);
        if (device.isPresent()) {
            var context = new SecurityContextImpl(new DeviceAuthentication(device.get()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            if (header == null && parameter != null && "GET".equals(request.getMethod())) {
                response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, parameter).httpOnly(true)
                        .secure(request.isSecure()).sameSite("Strict").path("/").maxAge(Duration.ofDays(365))
                        .build().toString());
                String clean = UriComponentsBuilder.fromUriString(request.getRequestURI())
                        .query(request.getQueryString()).replaceQueryParam(PARAMETER).build().toUriString();
                response.sendRedirect(clean);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
