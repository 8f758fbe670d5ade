package org.yimen.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.support.YimenIntegrationTest;

/** What operators and API users reach: health for the load balancer, metrics for administrators, the API docs. */
@YimenIntegrationTest
class OperationsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsPublicForTheLoadBalancer() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void prometheusMetricsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(user("ops").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/prometheus").with(user("clerk").roles("CLERK"))).andExpect(status().isForbidden());
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("yimen API"));
    }

    @Test
    void englishIsOneParameterAway() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Find the door")));
        mvc.perform(get("/"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("找得到门")));
    }
}
