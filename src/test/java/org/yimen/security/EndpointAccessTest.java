package org.yimen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yimen.support.YimenIntegrationTest;

/**
 * Walks every endpoint the application maps: without signing in, only the explicit public list is reachable; the API
 * answers 401 and pages send the browser to the sign-in page. Administration needs an administrative role.
 */
@YimenIntegrationTest
class EndpointAccessTest {

    /** What a citizen or a display may reach without signing in (method and Ant pattern). */
    private static final List<String> PUBLIC = List.of("GET /", "GET /login", "POST /login", "GET /text-size",
            "GET /error", "GET /services", "GET /services/**", "GET /fees", "GET /ticket/*", "GET /appointments",
            "GET /appointments/**", "POST /appointments", "POST /appointments/cancel", "GET /api/appointments/**",
            "POST /api/appointments", "POST /api/appointments/*/cancel", "GET /api/calendar/**",
            "GET /api/catalog/**", "GET /v3/api-docs/**", "GET /v3/api-docs*", "GET /swagger-ui.html",
            "GET /swagger-ui/**",
            "GET /progress", "GET /progress/*", "POST /progress", "GET /api/progress", "GET /apply/*",
            "POST /apply/*", "POST /apply/*/code", "POST /progress/code", "POST /progress/sms",
            "POST /api/progress/code", "POST /api/progress/sms", "GET /apply/supplement", "POST /apply/supplement",
            "POST /apply/supplement/code", "POST /apply/supplement/verify", "POST /api/apply/supplement/code",
            "POST /api/apply/supplement");

    private static final AntPathMatcher ant = new AntPathMatcher();

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(HttpMethod method, String pattern) {

        /** The pattern with plausible values, so that a refusal cannot hide behind a conversion error. */
        String path() {
            return pattern.replaceAll("\\{year[^/]*}", "2026").replaceAll("\\{date[^/]*}", "2026-10-08")
                    .replaceAll("\\{[^/]+}", "1");
        }

        boolean isPublic() {
            return PUBLIC.stream().anyMatch(p -> {
                String[] parts = p.split(" ");
                return parts[0].equals(method.name()) && ant.match(parts[1], pattern);
            });
        }

        MockHttpServletRequestBuilder request() {
            var builder = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .request(method, path());
            return method == HttpMethod.GET ? builder : builder.with(csrf());
        }
    }

    @Test
    void anonymousVisitorsReachOnlyThePublicList() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("mapped endpoints").hasSizeGreaterThan(5);
        List<String> leaks = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.isPublic()) {
                continue;
            }
            var response = mvc.perform(endpoint.request()).andReturn().getResponse();
            // Kiosks and displays (/devices/**) sign in with a device token, not at the staff sign-in page.
            boolean api = endpoint.path().startsWith("/api/") || endpoint.path().startsWith("/devices/");
            boolean refused = api ? response.getStatus() == 401
                    : response.getStatus() == 302 && response.getRedirectedUrl() != null
                            && response.getRedirectedUrl().endsWith("/login");
            if (!refused) {
                leaks.add(endpoint + " -> " + response.getStatus());
            }
        }
        assertThat(leaks).as("endpoints reachable without signing in").isEmpty();
    }

    @Test
    void administrationIsClosedToWindowClerks() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.path().startsWith("/admin") && !endpoint.path().startsWith("/api/admin")) {
                continue;
            }
            int status = mvc.perform(endpoint.request().with(user("clerk-probe").roles("CLERK")))
                    .andReturn().getResponse().getStatus();
            if (status != 403) {
                leaks.add(endpoint + " -> " + status);
            }
        }
        assertThat(leaks).as("administration reachable by a clerk").isEmpty();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint(HttpMethod.GET, pattern));
                } else {
                    methods.forEach(m -> endpoints.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern)));
                }
            }
        });
        return endpoints;
    }
}
