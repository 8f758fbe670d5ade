package org.yimen.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/** The organisation module through its API and pages, on the shared database; every test makes its own data. */
@YimenIntegrationTest
class OrgIntegrationTests {

    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger sequence = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    ActingSweep sweep;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Posts posts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // Demo data

    @Test
    void demoOrganisationHasTheSevenDepartmentsAHallWithWindowsAndTheDemoAccounts() throws Exception {
        mvc.perform(get("/api/org/departments").with(staff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItems("国土资源厅", "公安厅", "交通运输厅", "人社厅", "地税局", "环保厅",
                        "住建厅")));
        long hall = jdbc.sql("select id from org_hall where name = '贵州省政务服务中心'").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from org_window where hall_id = ?").param(hall).query(Long.class)
                .single()).isGreaterThanOrEqualTo(12);
        for (String username : new String[] {"admin", "manager1", "clerk1", "clerk2", "reviewer1", "head1",
            "supervisor1", "auditor1", "security1"}) {
            var account = accounts.findByUsername(username).orElseThrow();
            assertThat(encoder.matches("Yimen@2026", account.passwordHash())).as(username).isTrue();
        }
        assertThat(accounts.findByUsername("admin").orElseThrow().roles()).contains(Role.ADMIN);
        assertThat(accounts.findByUsername("head1").orElseThrow().roles()).contains(Role.DEPT_HEAD);
        assertThat(jdbc.sql("""
                select count(*) from org_department d join org_staff s on s.id = d.head_staff_id
                where s.username = 'head1'""").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from org_post p join org_department d on d.id = p.department_id"
                + " where d.code = 'ZJT' and p.window_id is not null").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void staffCreatedWithoutPasswordCannotSignIn() throws Exception {
        var staff = createStaff(null, "13800001111");
        var account = accounts.findByUsername(staff.username()).orElseThrow();
        assertThat(encoder.matches("", account.passwordHash())).isFalse();
        assertThat(encoder.matches(account.passwordHash(), account.passwordHash())).isFalse();
    }

    // Validation

    @Test
    void duplicateWindowNumberInAHallIsAConflictNamingTheNumber() throws Exception {
        long hall = createHall();
        String window = "{\"hallId\":%d,\"number\":7,\"name\":\"综合受理窗口\",\"active\":true}".formatted(hall);
        mvc.perform(json(post("/api/org/windows"), window).with(admin())).andExpect(status().isCreated());
        mvc.perform(json(post("/api/org/windows"), window).with(admin()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("org.window.numberTaken"))
                .andExpect(jsonPath("$.errors[0].field").value("number"))
                .andExpect(jsonPath("$.detail").value(containsString("7")));
    }

    @Test
    void duplicateStaffNumberUsernameAndDepartmentCodeAreRefused() throws Exception {
        var staff = createStaff(null, "");
        String sameNumber = staffJson("other" + sequence.incrementAndGet() + System.nanoTime() % 100000,
                staff.number(), null, "");
        mvc.perform(json(post("/api/org/staff"), sameNumber).with(admin()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("staffNumber"));
        String sameUsername = staffJson(staff.username(), "N" + System.nanoTime(), null, "");
        mvc.perform(json(post("/api/org/staff"), sameUsername).with(admin()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("username"));
        long department = createDepartment(null);
        String code = jdbc.sql("select code from org_department where id = ?").param(department)
                .query(String.class).single();
        mvc.perform(json(post("/api/org/departments"), "{\"code\":\"%s\",\"name\":\"另一个部门%d\"}"
                        .formatted(code, System.nanoTime())).with(admin()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void blankFieldsAreRefusedWithTheirNames() throws Exception {
        mvc.perform(json(post("/api/org/halls"), "{\"code\":\"\",\"name\":\"\"}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("code", "name")));
    }

    @Test
    void officerBEqualToOfficerAIsRefused() throws Exception {
        long department = createDepartment(null);
        var a = createStaff(department, "");
        mvc.perform(json(post("/api/org/posts"), postJson(department, a.id(), a.id())).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("org.post.sameOfficer"))
                .andExpect(jsonPath("$.errors[0].field").value("officerBId"));
    }

    @Test
    void inactiveOfficerIsRefused() throws Exception {
        long department = createDepartment(null);
        var a = createStaff(department, "");
        var b = createStaff(department, "");
        jdbc.sql("update org_staff set active = false where id = ?").param(b.id()).update();
        mvc.perform(json(post("/api/org/posts"), postJson(department, a.id(), b.id())).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("org.post.officerInactive"))
                .andExpect(jsonPath("$.errors[0].field").value("officerBId"));
    }

    @Test
    void absenceEndingBeforeOrAtItsStartIsRefused() throws Exception {
        var staff = createStaff(null, "");
        mvc.perform(json(post("/api/org/staff/{id}/absences", staff.id()),
                        absenceJson("2026-05-06T12:00", "2026-05-06T09:00")).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("org.absence.endsNotAfterStart"))
                .andExpect(jsonPath("$.errors[0].field").value("endsAt"));
        mvc.perform(json(post("/api/org/staff/{id}/absences", staff.id()),
                        absenceJson("2026-05-06T09:00", "2026-05-06T09:00")).with(admin()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        mvc.perform(get("/api/org/posts/{id}/acting", 987654321L).with(staff()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("org.post.notFound"));
        mvc.perform(get("/api/org/departments/{id}", 987654321L).with(staff())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/org/staff/{id}/edit", 987654321L).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void theOrganisationFormsCannotGrantTheThreeAdministratorRoles() throws Exception {
        String u = unique();
        String body = staffJson("u" + u, "T" + u, null, "").replace("[\"CLERK\"]", "[\"CLERK\",\"AUDITOR\"]");
        mvc.perform(json(post("/api/org/staff"), body).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));

        // an auditor's record is edited by the organisation without losing the role it does not show
        var auditor = createStaff(null, "");
        jdbc.sql("update org_staff set roles = '{AUDITOR}' where id = ?").param(auditor.id()).update();
        mvc.perform(json(put("/api/org/staff/{id}", auditor.id()),
                        staffJson(auditor.username(), auditor.number(), null, "")).with(admin()))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select array_to_string(roles, ',') from org_staff where id = ?").param(auditor.id())
                .query(String.class).single()).isEqualTo("AUDITOR,CLERK");
    }

    // Audit

    @Test
    void everyOrganisationChangeIsInTheAuditTrailWithWhoDidItAndNoFullPhone() throws Exception {
        long mark = AuditRecords.head(jdbc);
        long department = createDepartment(null);
        var officer = createStaff(department, "13812345678");

        var created = AuditRecords.assertRecorded(jdbc, mark, "org.staff.created", "staff", officer.id());
        assertThat(created.actorId()).isEqualTo("admin-test");
        assertThat(created.detail()).contains("138****5678").doesNotContain("13812345678");
        AuditRecords.assertRecorded(jdbc, mark, "org.department.created", "department", department);

        var b = createStaff(department, "");
        long post = createPost(department, officer.id(), b.id());
        AuditRecords.assertRecorded(jdbc, mark, "org.post.created", "post", post);
        AuditRecords.assertRecorded(jdbc, mark, "org.post.actingSwitched", "post", post);
        recordAbsence(officer.id(), LocalDateTime.now(clock).minusHours(1), LocalDateTime.now(clock).plusHours(1));
        AuditRecords.assertRecorded(jdbc, mark, "org.absence.recorded", "staff", officer.id());
    }

    // A/B posts

    @Test
    void actingOfficerFollowsAbsencesAndEachSwitchIsRecordedOnce() throws Exception {
        LocalDateTime start = LocalDateTime.now(HALL).truncatedTo(ChronoUnit.MINUTES);
        clock.set(start.atZone(HALL));
        var head = createStaff(null, "");
        long department = createDepartment(head.id());
        var a = createStaff(department, "");
        var b = createStaff(department, "");
        long post = createPost(department, a.id(), b.id());
        assertActing(post, a.id(), "A");
        assertThat(switches(post)).isEqualTo(1);

        // A is away from +1h to +3h, B from +2h to +4h; both recorded ahead of time.
        recordAbsence(a.id(), start.plusHours(1), start.plusHours(3));
        recordAbsence(b.id(), start.plusHours(2), start.plusHours(4));
        assertActing(post, a.id(), "A");
        assertThat(switches(post)).isEqualTo(1);

        clock.set(start.plusHours(1).atZone(HALL));
        assertActing(post, b.id(), "B_FOR_ABSENT_A");
        sweepTwice();
        assertThat(switches(post)).isEqualTo(2);

        clock.set(start.plusHours(2).atZone(HALL));
        assertActing(post, head.id(), "HEAD_FOR_BOTH_ABSENT");
        sweepTwice();
        assertThat(switches(post)).isEqualTo(3);

        clock.set(start.plusHours(3).atZone(HALL));
        assertActing(post, a.id(), "A");
        sweepTwice();
        assertThat(switches(post)).isEqualTo(4);

        clock.set(start.plusHours(4).atZone(HALL));
        sweepTwice();
        assertThat(switches(post)).isEqualTo(4);

        mvc.perform(get("/api/org/posts/{id}/switches", post).with(staff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].reason").value(org.hamcrest.Matchers.contains("A", "HEAD_FOR_BOTH_ABSENT",
                        "B_FOR_ABSENT_A", "A")))
                .andExpect(jsonPath("$[1].previousStaffId").value(b.id()));
        assertThat(posts.actingOfficer(post).staffId()).isEqualTo(a.id());
    }

    @Test
    void recordingAndCancellingACurrentAbsenceSwitchesAtOnce() throws Exception {
        long department = createDepartment(null);
        var a = createStaff(department, "");
        var b = createStaff(department, "");
        long post = createPost(department, a.id(), b.id());
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);

        // The officer marks themselves absent.
        String body = mvc.perform(json(post("/api/org/me/absences"),
                        absenceJson(now.minusMinutes(5).toString(), now.plusHours(2).toString()))
                        .with(user(a.username()).roles("CLERK")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CURRENT"))
                .andReturn().getResponse().getContentAsString();
        long absence = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertActing(post, b.id(), "B_FOR_ABSENT_A");
        assertThat(switches(post)).isEqualTo(2);

        mvc.perform(delete("/api/org/me/absences/{id}", absence).with(user(a.username()).roles("CLERK"))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        assertActing(post, a.id(), "A");
        assertThat(switches(post)).isEqualTo(3);
        sweepTwice();
        assertThat(switches(post)).isEqualTo(3);
    }

    // Masking, roles, pages

    @Test
    void phonesAreMaskedInApiResponsesAndPages() throws Exception {
        var staff = createStaff(null, "13812345678");
        assertThat(staff.json()).contains("138****5678").doesNotContain("13812345678");
        mvc.perform(get("/api/org/staff").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("138****5678")))
                .andExpect(content().string(not(containsString("13812345678"))));
        mvc.perform(get("/admin/org").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("138****5678")))
                .andExpect(content().string(not(containsString("13812345678"))));
        mvc.perform(get("/admin/org/staff/{id}/edit", staff.id()).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("13812345678"))));
    }

    @Test
    void aClerkCannotCreateAWindowAndAnonymousCallersMustSignIn() throws Exception {
        long hall = createHall();
        mvc.perform(json(post("/api/org/windows"), "{\"hallId\":%d,\"number\":1,\"name\":\"窗口\",\"active\":true}"
                        .formatted(hall)).with(user("clerk-x").roles("CLERK")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/org/departments")).andExpect(status().isUnauthorized());
        mvc.perform(get("/admin/org").with(user("clerk-x").roles("CLERK"))).andExpect(status().isForbidden());
    }

    @Test
    void overviewShowsWhoActsWithABadgeWhenBActs() throws Exception {
        mvc.perform(get("/admin/org").with(user("m").roles("HALL_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("贵州省政务服务中心")))
                .andExpect(content().string(containsString("B 岗顶岗")))
                .andExpect(content().string(containsString("<caption")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/admin/org").param("lang", "en").with(user("m").roles("HALL_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Officer B acting")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void windowFormShowsTheDuplicateNumberBesideTheField() throws Exception {
        long hall = createHall();
        mvc.perform(post("/admin/org/windows/new").with(admin()).with(csrf())
                        .param("hallId", String.valueOf(hall)).param("number", "3").param("name", "受理窗口")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/org"))
                .andExpect(flash().attribute("flashSuccess", "org.flash.windowCreated"));
        mvc.perform(post("/admin/org/windows/new").with(admin()).with(csrf())
                        .param("hallId", String.valueOf(hall)).param("number", "3").param("name", "受理窗口")
                        .param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("aria-describedby=\"number-error\"")))
                .andExpect(content().string(containsString("本大厅已有 3 号窗口。")));
    }

    @Test
    void everyFormRendersWithLabelsForItsFields() throws Exception {
        long department = createDepartment(null);
        var a = createStaff(department, "");
        var b = createStaff(department, "");
        long post = createPost(department, a.id(), b.id());
        long hall = createHall();
        for (String path : new String[] {"/admin/org/departments/new", "/admin/org/halls/new",
            "/admin/org/windows/new?hallId=" + hall, "/admin/org/staff/new", "/admin/org/posts/new",
            "/admin/org/absences/new", "/admin/org/posts/" + post + "/edit",
            "/admin/org/departments/" + department + "/edit", "/admin/org/halls/" + hall + "/edit"}) {
            mvc.perform(get(path).with(admin()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<label")))
                    .andExpect(content().string(not(containsString("??"))));
        }
        mvc.perform(post("/admin/org/posts/new").with(admin()).with(csrf()).param("name", "同人岗")
                        .param("departmentId", String.valueOf(department))
                        .param("officerAId", String.valueOf(a.id())).param("officerBId", String.valueOf(a.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-describedby=\"officerBId-error\"")))
                .andExpect(content().string(containsString("B 岗不能与 A 岗是同一人。")));
    }

    @Test
    void staffFormCreatesAnAccountWithoutAUsablePassword() throws Exception {
        String username = "page" + sequence.incrementAndGet() + "x" + System.nanoTime() % 1_000_000;
        mvc.perform(post("/admin/org/staff/new").with(admin()).with(csrf())
                        .param("staffNumber", "P" + System.nanoTime()).param("name", "表单测试")
                        .param("username", username).param("phone", "13900002222").param("roles", "CLERK")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection());
        var account = accounts.findByUsername(username).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.CLERK);
        assertThat(account.passwordHash()).startsWith(OrgAdministration.UNUSABLE_PASSWORD_PREFIX);
    }

    @Test
    void staffMarkThemselvesAbsentOnTheirPage() throws Exception {
        var me = createStaff(null, "");
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        mvc.perform(get("/me/absences").with(user(me.username()).roles("CLERK")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("登记我不在岗")));
        mvc.perform(post("/me/absences").with(user(me.username()).roles("CLERK")).with(csrf())
                        .param("reason", "公出").param("startsAt", now.plusHours(2).toString())
                        .param("endsAt", now.plusHours(1).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("结束时间必须晚于开始时间。")));
        mvc.perform(post("/me/absences").with(user(me.username()).roles("CLERK")).with(csrf())
                        .param("reason", "公出").param("startsAt", now.plusHours(1).toString())
                        .param("endsAt", now.plusHours(2).toString()))
                .andExpect(redirectedUrl("/me/absences"));
        assertThat(jdbc.sql("select count(*) from org_absence where staff_id = ?").param(me.id()).query(Long.class)
                .single()).isEqualTo(1);
    }

    // Helpers

    private record Created(long id, String username, String number, String json) {
    }

    private static RequestPostProcessor admin() {
        return user("admin-test").roles("ADMIN");
    }

    private static RequestPostProcessor staff() {
        return user("reader").roles("CLERK");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(csrf());
    }

    private static String unique() {
        return sequence.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 10_000_000, 36);
    }

    private long createHall() throws Exception {
        String u = unique();
        return id(mvc.perform(json(post("/api/org/halls"), "{\"code\":\"H%s\",\"name\":\"测试大厅%s\"}".formatted(u, u))
                .with(admin())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private long createDepartment(@Nullable Long head) throws Exception {
        String u = unique();
        String body = "{\"code\":\"D%s\",\"name\":\"测试部门%s\",\"headStaffId\":%s,\"phone\":\"0851-85281234\"}"
                .formatted(u, u, head == null ? "null" : head.toString());
        return id(mvc.perform(json(post("/api/org/departments"), body).with(admin()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private Created createStaff(@Nullable Long department, String phone) throws Exception {
        String u = unique();
        String username = "u" + u;
        String number = "T" + u;
        String body = mvc.perform(json(post("/api/org/staff"), staffJson(username, number, department, phone))
                        .with(admin()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Created(id(body), username, number, body);
    }

    private static String staffJson(String username, String number, @Nullable Long department, String phone) {
        return """
                {"staffNumber":"%s","name":"测试人员","departmentId":%s,"roles":["CLERK"],"phone":"%s",
                 "username":"%s","active":true}""".formatted(number, department == null ? "null" : department,
                phone, username);
    }

    private static String postJson(long department, long a, long b) {
        return "{\"name\":\"测试岗%s\",\"departmentId\":%d,\"officerAId\":%d,\"officerBId\":%d}"
                .formatted(unique(), department, a, b);
    }

    private long createPost(long department, long a, long b) throws Exception {
        return id(mvc.perform(json(post("/api/org/posts"), postJson(department, a, b)).with(admin()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private static String absenceJson(String startsAt, String endsAt) {
        return "{\"reason\":\"年休假\",\"startsAt\":\"%s\",\"endsAt\":\"%s\"}".formatted(startsAt, endsAt);
    }

    private void recordAbsence(long staffId, LocalDateTime startsAt, LocalDateTime endsAt) throws Exception {
        mvc.perform(json(post("/api/org/staff/{id}/absences", staffId),
                        absenceJson(startsAt.toString(), endsAt.toString())).with(admin()))
                .andExpect(status().isCreated());
    }

    private void assertActing(long post, long staffId, String reason) throws Exception {
        mvc.perform(get("/api/org/posts/{id}/acting", post).with(staff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.staffId").value(staffId))
                .andExpect(jsonPath("$.reason").value(reason));
    }

    /** Runs the sweep twice; a run that finds the lock taken (the scheduled sweep) is retried. */
    private void sweepTwice() throws InterruptedException {
        for (int runs = 0, attempts = 0; runs < 2 && attempts < 50; attempts++) {
            if (sweep.sweep().ran()) {
                runs++;
            } else {
                Thread.sleep(Duration.ofMillis(100));
            }
        }
    }

    private long switches(long post) {
        return jdbc.sql("select count(*) from org_acting_switch where post_id = ?").param(post).query(Long.class)
                .single();
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
