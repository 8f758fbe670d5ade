package org.yimen.reception;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Devices (kiosks, hall and window displays) sign in with their own tokens, apart from staff: this chain comes before
 * the staff chain and owns {@code /devices/**} and {@code /api/devices/**}. No sessions; a token opens only its
 * kind's pages; without a valid token every request is answered 401, with a problem detail.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DeviceSecurityConfiguration {

    /** Same policy as the staff chain: only our own scripts run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain deviceFilterChain(HttpSecurity http, Devices devices, MessageSource messages,
            JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> problem(response, messages, json,
                HttpStatus.UNAUTHORIZED, "reception.device.unauthorized", request.getRequestURI());
        AccessDeniedHandler forbidden = (request, response, e) -> problem(response, messages, json,
                HttpStatus.FORBIDDEN, "reception.device.forbidden", request.getRequestURI());
        http.securityMatcher("/devices/**", "/api/devices/**")
                .addFilterBefore(new DeviceTokenFilter(devices), AnonymousAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/devices/kiosk/**", "/api/devices/kiosk/**").hasRole("DEVICE_KIOSK")
                        .requestMatchers("/devices/hall/**").hasRole("DEVICE_HALL_DISPLAY")
                        .requestMatchers("/devices/window/**").hasRole("DEVICE_WINDOW_DISPLAY")
                        .requestMatchers("/devices/pad/**", "/api/devices/pad/**").hasRole("DEVICE_EVALUATION_PAD")
                        .requestMatchers("/api/devices/calls", "/api/devices/me").authenticated()
                        .anyRequest().denyAll())
                // No CSRF token: a device is signed in only by its header (which a foreign page cannot set) or by a
                // SameSite=Strict cookie (which a foreign page's request does not carry), so a forged request from
                // another site arrives unauthenticated and gets 401.
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    private static void problem(HttpServletResponse response, MessageSource messages, JsonMapper json,
            HttpStatus status, String code, String path) throws java.io.IOException {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, null, locale));
        problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(),
                locale));
        problem.setInstance(URI.create(path));
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
