package org.yimen.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * The calendar as citizens, other systems and hall managers meet it. Changes stay in 2027 (unpublished as shipped)
 * and 2030, and are undone after each test, so the shipped years every other test relies on are never touched.
 */
@YimenIntegrationTest
class CalendarIntegrationTests {

    private static final String OFFICIAL_2027 = ShippedCalendar.resource("calendar/2027.json");

    @Autowired
    MockMvc mvc;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    CalendarCache cache;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void restore() {
        jdbc.sql("delete from cal_special_day where year in (2027, 2030)").update();
        jdbc.sql("delete from cal_year where year in (2027, 2030)").update();
        cache.invalidate();
        clock.reset();
    }

    @Test
    void anyoneGetsADueDateWithoutSigningIn() throws Exception {
        mvc.perform(get("/api/calendar/working-days").param("from", "2026-09-30").param("days", "12"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-09-30"))
                .andExpect(jsonPath("$.days").value(12))
                .andExpect(jsonPath("$.due").value("2026-10-22"))
                .andExpect(jsonPath("$.published").value(true));
    }

    @Test
    void aDueDateStartsTodayByTheHallsClockAndSaysWhenAYearIsUnpublished() throws Exception {
        clock.set(ZonedDateTime.of(2026, 12, 31, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")));

        mvc.perform(get("/api/calendar/working-days").param("days", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-12-31"))
                .andExpect(jsonPath("$.due").value("2027-01-01"))
                .andExpect(jsonPath("$.published").value(false))
                .andExpect(jsonPath("$.unpublishedYears[0]").value(2027));
    }

    @Test
    void badInputIsAProblemDetailInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/calendar/working-days").param("from", "2026-09-30").param("days", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("calendar.days.outOfRange"))
                .andExpect(jsonPath("$.detail").value("工作日天数应为 0 至 3650 之间的整数。"));
        mvc.perform(get("/api/calendar/working-days").param("from", "2026-09-30").param("days", "99999999999"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/calendar/working-days").param("from", "30.09.2026").param("days", "3")
                        .param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The date \"30.09.2026\" is not valid; use YYYY-MM-DD."))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void saysWhetherADateIsAWorkingDayAndWhy() throws Exception {
        mvc.perform(get("/api/calendar/check").param("date", "2026-10-10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.kind").value("MAKEUP_WORKDAY"))
                .andExpect(jsonPath("$.name").value("国庆节"))
                .andExpect(jsonPath("$.reason").value("调休上班：国庆节（星期六）"));
        mvc.perform(get("/api/calendar/check").param("date", "2026-10-01").param("lang", "en"))
                .andExpect(jsonPath("$.workingDay").value(false))
                .andExpect(jsonPath("$.reason").value("Public holiday: 国庆节 (Thursday)"));
    }

    @Test
    void listsAYearsSpecialDays() throws Exception {
        mvc.perform(get("/api/calendar/2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.days.length()").value(39))
                .andExpect(jsonPath("$.days[0].date").value("2026-01-01"))
                .andExpect(jsonPath("$.days[0].offDay").value(true));
        mvc.perform(get("/api/calendar/2027"))
                .andExpect(jsonPath("$.published").value(false))
                .andExpect(jsonPath("$.days.length()").value(0));
    }

    @Test
    void theAdministrationApiNeedsAnAdministratorOrHallManager() throws Exception {
        mvc.perform(post("/api/admin/calendar/2027/import").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(OFFICIAL_2027))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/admin/calendar/2027/import").with(user("clerk").roles("CLERK")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(OFFICIAL_2027))
                .andExpect(status().isForbidden());
        assertThat(workingDays.isPublished(2027)).isFalse();
    }

    @Test
    void importingTheOfficial2027SchedulePublishesTheYear() throws Exception {
        assertThat(workingDays.isPublished(2027)).isFalse();
        long mark = AuditRecords.head(jdbc);

        mvc.perform(post("/api/admin/calendar/2027/import").with(manager()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(OFFICIAL_2027))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.importedBy").value("manager"));

        assertThat(workingDays.isPublished(2027)).isTrue();
        assertThat(workingDays.dueDate(LocalDate.of(2026, 12, 31), 1).published()).isTrue();
        assertThat(AuditRecords.assertRecorded(jdbc, mark, "calendar.year.imported", "calendar-year", 2027)
                .actorId()).isEqualTo("manager");
    }

    @Test
    void aFaultyImportIsRefusedWithEveryProblemAndChangesNothing() throws Exception {
        String duplicate = """
                {"year": 2027, "papers": [], "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}""";
        String wrongYear = """
                {"year": 2028, "papers": [], "days": [{"name": "元旦", "date": "2028-01-01", "isOffDay": true}]}""";
        String outsideYear = """
                {"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2028-01-01", "isOffDay": true}]}""";
        String missingField = """
                {"year": 2027, "days": [{"name": "元旦", "isOffDay": true}]}""";

        for (String body : new String[] {"{\"year\": 2027, \"days\": [", duplicate, wrongYear, outsideYear,
            missingField}) {
            mvc.perform(post("/api/admin/calendar/2027/import").with(manager()).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("calendar.import.rejected"))
                    .andExpect(jsonPath("$.errors[0].message").isString());
        }
        mvc.perform(post("/api/admin/calendar/2027/import").with(manager()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(missingField))
                .andExpect(jsonPath("$.errors[*].code",
                        hasItem("calendar.import.missingField")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("第 1 项缺少字段“date”。")));

        assertThat(workingDays.isPublished(2027)).isFalse();
        assertThat(jdbc.sql("select count(*) from cal_special_day where year in (2027, 2028)").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aHallManagerCorrectsOneDateAndPutsItBack() throws Exception {
        LocalDate date = LocalDate.of(2030, 1, 2);
        assertThat(workingDays.isWorkingDay(date)).isTrue();
        long mark = AuditRecords.head(jdbc);

        mvc.perform(put("/api/admin/calendar/days/2030-01-02").with(manager()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"HOLIDAY\", \"name\": \"元旦\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.workingDay").value(false));
        assertThat(workingDays.isWorkingDay(date)).isFalse();
        assertThat(workingDays.isPublished(2030)).isFalse();
        assertThat(AuditRecords.assertRecorded(jdbc, mark, "calendar.day.set", "calendar-day", date).detail())
                .contains("HOLIDAY").contains("元旦");

        mvc.perform(put("/api/admin/calendar/days/2030-01-02").with(manager()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"HOLIDAY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(put("/api/admin/calendar/days/2030-01-02").with(manager()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"NORMAL\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("WORKDAY"));
        assertThat(workingDays.isWorkingDay(date)).isTrue();
    }

    @Test
    void theCalendarPageWarnsThat2027IsUnpublishedUntilItsScheduleIsImported() throws Exception {
        mvc.perform(get("/admin/calendar/2027").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"unpublished-warning\"")))
                .andExpect(content().string(containsString("2027 年放假安排尚未发布")))
                .andExpect(content().string(containsString("<caption")));

        var file = new MockMultipartFile("file", "2027.json", MediaType.APPLICATION_JSON_VALUE,
                OFFICIAL_2027.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/calendar/2027/import").file(file).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar/2027"))
                .andExpect(flash().attribute("flashSuccess", "calendar.flash.imported"));

        mvc.perform(get("/admin/calendar/2027").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"unpublished-warning\""))));
    }

    @Test
    void theCalendarPageShowsTheYearInEnglishToo() throws Exception {
        mvc.perform(get("/admin/calendar/2026").with(admin()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("October 2026")))
                .andExpect(content().string(containsString("Make-up working day")))
                .andExpect(content().string(not(containsString("id=\"unpublished-warning\""))));
    }

    @Test
    void theDayFormShowsProblemsBesideTheFieldsAndSavesWithAFlashMessage() throws Exception {
        mvc.perform(post("/admin/calendar/2030/days").with(admin()).with(csrf())
                        .param("date", "2030-01-02").param("status", "HOLIDAY").param("name", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"day-name-error\"")))
                .andExpect(content().string(containsString("放假或调休上班需要填写名称。")));
        mvc.perform(post("/admin/calendar/2030/days").with(admin()).with(csrf())
                        .param("date", "2030-13-02").param("status", "HOLIDAY").param("name", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"day-date-error\"")));

        mvc.perform(post("/admin/calendar/2030/days").with(admin()).with(csrf())
                        .param("date", "2030-01-02").param("status", "HOLIDAY").param("name", "元旦"))
                .andExpect(redirectedUrl("/admin/calendar/2030"))
                .andExpect(flash().attribute("flashSuccess", "calendar.flash.daySaved"));
        assertThat(workingDays.day(LocalDate.of(2030, 1, 2)).kind()).isEqualTo(DayKind.HOLIDAY);
    }

    @Test
    void theImportFormListsEveryProblem() throws Exception {
        mvc.perform(post("/admin/calendar/2027/import").with(admin()).with(csrf())
                        .param("json", "{\"year\": 2028, \"papers\": [], \"days\": [{\"date\": \"2027-01-01\"}]}"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-problems\"")))
                .andExpect(content().string(containsString("文件中的年份（2028）与要导入的年份（2027）不一致。")))
                .andExpect(content().string(containsString("第 1 项缺少字段“name”。")));
        assertThat(workingDays.isPublished(2027)).isFalse();
    }

    @Test
    void theCalendarPagesAreForAdministratorsAndHallManagersOnly() throws Exception {
        mvc.perform(get("/admin/calendar").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/calendar").with(user("clerk").roles("CLERK"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar").with(manager())).andExpect(status().isOk());
    }

    private static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }

    private static RequestPostProcessor manager() {
        return user("manager").roles("HALL_MANAGER");
    }
}
