package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.http.MediaType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yimen.calendar.WorkingDays;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.shared.IdentityDocument;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** 办件进度查询: the citizen's page and API by case number and the last four digits of the phone. */
@YimenIntegrationTest
class ProgressQueryTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    static final String PHONE = "13908514321";

    @Autowired
    MockMvc mvc;
    @Autowired
    org.yimen.notifications.PhoneVerification verification;
    @Autowired
    Cases cases;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    WorkingDays workingDays;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void today(int year, int month, int day) {
        clock.set(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
    }

    List<String> required() {
        return catalog.publishedItem(CaseIntakeIntegrationTests.LAND_USE).orElseThrow().materials().stream()
                .filter(ServiceItem.Material::required).map(ServiceItem.Material::name).toList();
    }

    Case submit(List<String> materials, String idNumber) {
        return cases.submit(new Intake(UUID.randomUUID().toString(), CaseIntakeIntegrationTests.LAND_USE,
                CaseIntakeIntegrationTests.HALL, 1, new Applicant(Applicant.Kind.PERSON, "王小明", null,
                        IdentityDocument.residentIdCard(idNumber), PHONE), materials));
    }

    ResultActions page(String number, String digits) throws Exception {
        return mvc.perform(post("/progress").with(csrf()).param("caseNumber", number).param("phoneLast4", digits));
    }

    @Test
    void theRightNumberAndDigitsShowTheStateAndTheWorkingDaysLeft() throws Exception {
        today(2026, 9, 30);
        String idNumber = CaseIntakeIntegrationTests.idNumber();
        Case c = cases.accept(submit(required(), idNumber).id());
        LocalDate due = c.clocks().promisedDue();
        today(2026, 10, 8);
        int left = workingDays.countWorkingDays(LocalDate.of(2026, 10, 8), due);
        int statutoryLeft = workingDays.countWorkingDays(LocalDate.of(2026, 10, 8), c.clocks().statutoryDue());
        long mark = AuditRecords.head(jdbc);

        mvc.perform(get("/api/progress").param("caseNumber", c.number()).param("phoneLast4", "4321"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACCEPTED"))
                .andExpect(jsonPath("$.acceptedOn").value("2026-09-30"))
                .andExpect(jsonPath("$.promisedDue").value(due.toString()))
                .andExpect(jsonPath("$.promisedRemainingWorkingDays").value(left))
                .andExpect(jsonPath("$.statutoryRemainingWorkingDays").value(statutoryLeft))
                .andExpect(jsonPath("$.maskedApplicantName").value("王**"))
                .andExpect(jsonPath("$.maskedPhone").value("139****4321"))
                .andExpect(content().string(not(containsString(PHONE))))
                .andExpect(content().string(not(containsString(idNumber))));
        // 9 Oct, the 10 Oct make-up Saturday, 12–16 and 19–22 Oct: not the 14 calendar days.
        assertThat(due).isEqualTo(LocalDate.of(2026, 10, 22));
        assertThat(left).isEqualTo(11);

        var recorded = AuditRecords.assertRecorded(jdbc, mark, "cases.audit.progressViewed", Cases.TARGET,
                c.number());
        assertThat(recorded.actorType()).isEqualTo("CITIZEN");

        page(c.number(), "4321").andExpect(status().isOk())
                .andExpect(content().string(containsString("已受理，正在办理")))
                .andExpect(content().string(containsString("还剩 " + left + " 个工作日")))
                .andExpect(content().string(containsString("139****4321")))
                .andExpect(content().string(not(containsString(PHONE))))
                .andExpect(content().string(not(containsString(idNumber))))
                .andExpect(content().string(not(containsString("王小明"))));
        mvc.perform(post("/progress").with(csrf()).param("lang", "en").param("caseNumber", c.number())
                        .param("phoneLast4", "4321"))
                .andExpect(content().string(containsString(left + " working days left")));
    }

    @Test
    void aWaitingCaseShowsWhatTheNoticeAskedFor() throws Exception {
        List<String> all = required();
        Case c = submit(all.subList(0, 1), CaseIntakeIntegrationTests.idNumber());
        cases.issueOneTimeNotice(c.id(), all.subList(1, all.size()).stream()
                .map(m -> new NoticeItem(m, NoticeItem.Problem.MISSING, "")).toList(), "");

        page(c.number(), "4321").andExpect(status().isOk())
                .andExpect(content().string(containsString("材料不齐，等待您补正")))
                .andExpect(content().string(containsString(all.get(1))));
    }

    @Test
    void wrongDigitsAndAnUnknownNumberGetTheSameAnswer() throws Exception {
        Case c = submit(required(), CaseIntakeIntegrationTests.idNumber());
        String unknown = "GZZWFW-20260101-999999";
        long mark = AuditRecords.head(jdbc);

        String wrong = mvc.perform(get("/api/progress").param("caseNumber", c.number()).param("phoneLast4", "0000"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String missing = mvc.perform(get("/api/progress").param("caseNumber", unknown).param("phoneLast4", "4321"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        var a = json.readTree(wrong);
        var b = json.readTree(missing);
        assertThat(a.get("code").asString()).isEqualTo(ProgressQuery.NOT_FOUND).isEqualTo(b.get("code").asString());
        assertThat(a.get("detail").asString()).isEqualTo(b.get("detail").asString());
        assertThat(a.get("title").asString()).isEqualTo(b.get("title").asString());

        String pageWrong = page(c.number(), "0000").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String pageMissing = page(unknown, "4321").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(pageWrong).contains("未找到该办件，或手机号码后四位不符").doesNotContain("王");
        assertThat(pageMissing).contains("未找到该办件，或手机号码后四位不符");
        assertThat(AuditRecords.since(jdbc, mark)).noneMatch(r -> r.action().equals("cases.audit.progressViewed"));
    }

    @Test
    void guessingIsStoppedPerCaseNumberAndPerClientAddress() throws Exception {
        Case c = submit(required(), CaseIntakeIntegrationTests.idNumber());
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/progress").param("caseNumber", c.number())
                    .param("phoneLast4", "%04d".formatted(i))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/progress").param("caseNumber", c.number()).param("phoneLast4", "4321"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.status").value(429));

        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/api/progress").with(r -> { r.setRemoteAddr("192.0.2.77"); return r; })
                    .param("caseNumber", "GZZWFW-20260102-%06d".formatted(i)).param("phoneLast4", "1234"))
                    .andExpect(status().isNotFound());
        }
        page("GZZWFW-20260102-000099", "1234").andExpect(status().isOk());
        mvc.perform(post("/progress").with(csrf()).with(r -> { r.setRemoteAddr("192.0.2.77"); return r; })
                        .param("caseNumber", "GZZWFW-20260102-000100").param("phoneLast4", "1234"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void theReceiptLinkOpensTheFormWithoutSigningIn() throws Exception {
        mvc.perform(get("/progress/{number}", "GZZWFW-20260930-000001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"GZZWFW-20260930-000001\"")))
                .andExpect(content().string(containsString("办件进度查询")));
        mvc.perform(get("/progress").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Case progress")));
        mvc.perform(post("/progress").param("caseNumber", "x").param("phoneLast4", "1234"))
                .andExpect(status().isForbidden());
    }

    /**
     * A client without a session asks for codes through the API: asking again at once is answered as the first time,
     * for a real case as for an unknown number, so the resend limit of the phone tells nobody which cases exist.
     */
    @Test
    void theApiAnswersCodeRequestsAlikeWhetherTheCaseExistsOrNot() throws Exception {
        Case c = submit(required(), CaseIntakeIntegrationTests.idNumber());
        for (String number : List.of(c.number(), c.number(), "GZZWFW-20260102-999998", "GZZWFW-20260102-999998")) {
            mvc.perform(post("/api/progress/code").with(r -> { r.setRemoteAddr("192.0.2.91"); return r; })
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"caseNumber\": \"" + number + "\"}"))
                    .andExpect(status().isAccepted());
        }
    }

    @Test
    void thePageSendsACodeAndAWrongOneIsRefusedBesideTheField() throws Exception {
        Case c = submit(required(), CaseIntakeIntegrationTests.idNumber());
        mvc.perform(post("/progress/code").with(csrf()).param("caseNumber", c.number()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("验证码已发送")))
                .andExpect(content().string(containsString(
                        "验证码已发送，" + verification.validFor().toMinutes() + " 分钟内有效")));
        mvc.perform(post("/progress/sms").with(csrf()).param("caseNumber", c.number()).param("smsCode", "12"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("验证码不正确")))
                .andExpect(content().string(containsString("is-invalid")));
    }
}
