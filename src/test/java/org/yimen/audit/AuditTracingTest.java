package org.yimen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yimen.support.AuditRecords;
import org.yimen.support.YimenIntegrationTest;

/** 倒查 as auditors and supervisors use it, and the separation of duties that keeps administrators out. */
@YimenIntegrationTest
class AuditTracingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSupervisorTracesEverythingThatHappenedToATarget() throws Exception {
        String target = "T-" + UUID.randomUUID();
        audit.record(new Actor(Actor.Kind.STAFF, "42", "张窗口", "CLERK"), "org.window.created", "window", target,
                Map.of("number", 3));
        audit.record(new Actor(Actor.Kind.STAFF, "43", "李审核", "REVIEWER"), "org.window.updated", "window", target,
                Map.of("number", 4));

        mvc.perform(get("/api/audit/records").param("targetType", "window").param("targetId", target)
                        .with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].action").value("org.window.updated"))
                .andExpect(jsonPath("$[1].actor.name").value("张窗口"));

        mvc.perform(get("/audit").param("targetType", "window").param("targetId", target).with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新增窗口")))
                .andExpect(content().string(containsString("李审核")));
    }

    @Test
    void anAuditorTracesWhatOnePersonDidInAPeriodAndExportsItAsCsv() throws Exception {
        String person = "P" + UUID.randomUUID().toString().substring(0, 8);
        audit.record(new Actor(Actor.Kind.STAFF, person, "王导出", "CLERK"), "org.absence.recorded", "staff", person,
                Map.of("reason", "年休假"));
        long mark = AuditRecords.head(jdbc);

        var csv = mvc.perform(get("/api/audit/records.csv").param("actor", person).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"seq\",\"time\"");
        assertThat(text.lines()).hasSize(2);
        assertThat(text).contains("王导出").contains("登记请假").contains("年休假");
        AuditRecords.assertRecorded(jdbc, mark, "audit.exported", "audit-trail", "query");
    }

    @Test
    void aReversedPeriodIsRefusedNamingTheEndDate() throws Exception {
        mvc.perform(get("/api/audit/records").param("from", "2026-10-08").param("to", "2026-10-01")
                        .with(auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/audit").param("from", "2026-10-08").param("to", "2026-10-01").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("截止日期不能早于起始日期")));
    }

    @Test
    void onlyAuditorsVerifyTheTrailAndTheVerificationIsRecorded() throws Exception {
        long mark = AuditRecords.head(jdbc);
        mvc.perform(get("/api/audit/verification").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
        AuditRecords.assertRecorded(jdbc, mark, "audit.verified", "audit-trail", "all");
        mvc.perform(post("/audit/verification").with(auditor()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审计链完好")));
        mvc.perform(get("/api/audit/verification").with(supervisor())).andExpect(status().isForbidden());
    }

    @Test
    void administratorsAndClerksCannotReadTheTrail() throws Exception {
        for (var who : new RequestPostProcessor[] {user("admin").roles("ADMIN", "HALL_MANAGER"),
            user("clerk").roles("CLERK")}) {
            mvc.perform(get("/api/audit/records").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/audit").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/api/audit/records.csv").with(who)).andExpect(status().isForbidden());
        }
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    private static RequestPostProcessor auditor() {
        return user("auditor").roles("AUDITOR");
    }

    private static RequestPostProcessor supervisor() {
        return user("supervisor").roles("SUPERVISOR");
    }
}
