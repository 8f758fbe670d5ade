package org.yimen.security;

import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.yimen.platform.RateLimits;

/**
 * Who may reach what. Everything needs a signed-in member of staff except the public list below (portal pages, static
 * files, the public calendar API, health and the API description). Administration ({@code /admin/**},
 * {@code /api/admin/**}) is closed to everyone but administrators and hall managers before any request is read; finer
 * role checks sit on the controllers ({@code @PreAuthorize}), next to what they protect.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    /** Reachable without signing in. */
    static final String[] PUBLIC_GET = {"/", "/login", "/text-size", "/error", "/favicon.ico", "/css/**", "/js/**",
        "/images/**", "/webjars/**", "/services", "/services/**", "/fees", "/ticket/*", "/appointments",
        "/appointments/**", "/api/appointments/**", "/api/calendar/**", "/api/catalog/**", "/progress", "/progress/*",
        "/api/progress", "/apply/*",
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs*",
        "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    /**
     * Citizens follow a case, apply and supplement materials online ({@code /apply/*} covers
     * {@code /apply/supplement} too), and book or cancel appointments without signing in. Page forms keep CSRF; the
     * {@code /api/} calls carry no session, so there is nothing to forge a request from (the progress look-up by
     * code and the online supplement prove the phone by the SMS code in the request itself).
     */
    static final String[] PUBLIC_POST = {"/progress", "/appointments", "/appointments/cancel", "/api/appointments",
        "/api/appointments/*/cancel", "/apply/*", "/apply/*/code", "/progress/code", "/progress/sms",
        "/api/progress/code", "/api/progress/sms", "/apply/supplement/verify", "/api/apply/supplement/code",
        "/api/apply/supplement"};

    /** Only our own scripts run; inline styles stay allowed for Bootstrap components and the API console. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ProblemAuthenticationEntryPoint apiEntryPoint, ProblemAccessDeniedHandler apiAccessDenied,
            RateLimits rateLimits, SecurityProperties properties) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        RequestMatcher basicAuth = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };
        http.authenticationManager(authenticationManager)
                .addFilterBefore(new SignInRateLimit(rateLimits, properties),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PUBLIC_GET).permitAll()
                        .requestMatchers("/login", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_POST).permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/admin/**", "/api/admin/**").hasAnyRole("ADMIN", "HALL_MANAGER")
                        // Separation of duties: administrators cannot read the trail that records what they do.
                        .requestMatchers("/audit/**", "/api/audit/**").hasAnyRole("AUDITOR", "SUPERVISOR")
                        .requestMatchers("/security/**", "/api/security/**").hasRole("SECURITY_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/home", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                .csrf(csrf -> csrf.ignoringRequestMatchers(basicAuth)
                        .ignoringRequestMatchers(Arrays.stream(PUBLIC_POST).filter(p -> p.startsWith("/api/"))
                                .map(p -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, p))
                                .toArray(RequestMatcher[]::new)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(apiAccessDenied, api));
        return http.build();
    }
}
