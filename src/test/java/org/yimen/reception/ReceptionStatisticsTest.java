package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.shared.Rejected;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * What a hall manager reads after a morning at the windows: waiting and service times per line, window and officer,
 * no-shows and transfers counted where they happened, the ratings of the pads, and the hall as it is now.
 */
@YimenIntegrationTest
class ReceptionStatisticsTest {

    private static final Actor KIOSK = Actor.system("statistics-test");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tickets tickets;
    @Autowired
    ServiceLines lines;
    @Autowired
    Devices devices;
    @Autowired
    Evaluations evaluations;
    @Autowired
    ReceptionStatistics statistics;
    @Autowired
    WorkingDays workingDays;

    private ZonedDateTime morning;
    private LocalDate today;
    private ReceptionFixture hall;
    private long general;
    private long social;
    private Actor clerk;

    @BeforeEach
    void aHallWithTwoLines() {
        morning = ReceptionFixture.workingMorning(workingDays);
        today = morning.toLocalDate();
        clock.set(morning);
        hall = ReceptionFixture.hall(jdbc, lines, 2);
        general = hall.line("综合受理", "A");
        social = hall.line("社保", "C");
        hall.serve(1, general).serve(2, social);
        long officer = hall.post(1, "王窗口", "李顶岗");
        clerk = new Actor(Actor.Kind.STAFF, String.valueOf(officer), "王窗口", "CLERK");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The clock at this many minutes after 10:00. */
    private void at(int minutes) {
        clock.set(morning.plusMinutes(minutes));
    }

    private void issue(int count) {
        for (int i = 0; i < count; i++) {
            tickets.issue(general, Priority.NONE, null, Tickets.Channel.KIOSK, KIOSK);
        }
    }

    private Ticket call(int window, Actor actor) {
        return ((CallOutcome.Called) tickets.callNext(hall.window(window), actor)).ticket();
    }

    /**
     * 10:00 three tickets; A001 called at 10:04, served 10:04–10:10; A002 called at 10:10 and missed; A003 called at
     * 10:20 and sent to 社保 at 10:25, where window 2 calls it at 10:31 and finishes at 10:39 without a separate start.
     */
    private void aMorning() {
        issue(3);
        at(4);
        call(1, clerk);
        tickets.start(hall.window(1), clerk);
        at(10);
        tickets.finish(hall.window(1), clerk);
        call(1, clerk);
        at(12);
        tickets.noShow(hall.window(1), clerk);
        at(20);
        call(1, clerk);
        at(25);
        tickets.transfer(hall.window(1), social, null, clerk);
        at(31);
        call(2, KIOSK);
        at(39);
        tickets.finish(hall.window(2), KIOSK);
    }

    @Test
    void aManagerReadsWaitingAndServiceTimesByLineWindowOfficerAndHour() {
        aMorning();
        var report = statistics.report(hall.hallId, today, today);

        assertThat(report.workingDays()).isEqualTo(1);
        var total = report.total();
        assertThat(total.issued()).as("a transfer keeps its number: three issued").isEqualTo(3);
        assertThat(total.served()).isEqualTo(2);
        assertThat(total.noShows()).isEqualTo(1);
        assertThat(total.transferred()).isEqualTo(1);
        assertThat(total.waitAverage()).as("(4 + 10 + 20 + 6) / 4 minutes").isEqualTo(10.0);

        var byLine = report.byLine();
        assertThat(byLine).extracting(ReceptionStatistics.Row::name).containsExactly("A 综合受理", "C 社保");
        var a = byLine.get(0);
        assertThat(a.issued()).isEqualTo(3);
        assertThat(a.called()).isEqualTo(3);
        assertThat(a.served()).isEqualTo(1);
        assertThat(a.noShows()).isEqualTo(1);
        assertThat(a.transferred()).isEqualTo(1);
        assertThat(a.waitAverage()).as("(4 + 10 + 20) / 3").isEqualTo(11.3);
        assertThat(a.waitP90()).as("90th percentile between 10 and 20").isEqualTo(18.0);
        assertThat(a.waitLongest()).isEqualTo(20.0);
        assertThat(a.serviceAverage()).isEqualTo(6.0);
        var c = byLine.get(1);
        assertThat(c.issued()).isZero();
        assertThat(c.waitAverage()).as("the transferred citizen waited from 10:25 to 10:31").isEqualTo(6.0);
        assertThat(c.serviceAverage()).as("finished straight from the call: counted from the call").isEqualTo(8.0);

        assertThat(report.byWindow()).extracting(ReceptionStatistics.Row::windowNumber).containsExactly(1, 2);
        assertThat(report.byWindow()).extracting(ReceptionStatistics.Row::called).containsExactly(3, 1);
        assertThat(report.byOfficer()).singleElement().satisfies(officer -> {
            assertThat(officer.name()).startsWith("王窗口");
            assertThat(officer.called()).isEqualTo(3);
            assertThat(officer.served()).isEqualTo(1);
            assertThat(officer.noShows()).isEqualTo(1);
        });
        assertThat(report.byHour()).singleElement().satisfies(hour -> {
            assertThat(hour.key()).isEqualTo("10");
            assertThat(hour.issued()).isEqualTo(3);
        });
        assertThat(report.byDay()).extracting(ReceptionStatistics.Row::key).containsExactly(today.toString());
    }

    @Test
    void theRatingsOfThePadsAreCountedPerLevel() {
        var pad = devices.register(DeviceKind.EVALUATION_PAD, hall.hallId, hall.window(1), "评价器").device();
        issue(3);
        for (int level : new int[] {5, 4, 1}) {
            var ticket = call(1, clerk);
            tickets.finish(hall.window(1), clerk);
            evaluations.rate(pad, ticket.id(), level, level == 1 ? List.of("ATTITUDE") : List.of(), null);
        }
        var ratings = statistics.report(hall.hallId, today, today).total().ratings();
        assertThat(ratings.rated()).isEqualTo(3);
        assertThat(ratings.byLevel()).containsExactly(1, 0, 0, 1, 1);
        assertThat(ratings.low()).isEqualTo(1);
        assertThat(ratings.share(5)).isEqualTo(33.3);
        assertThat(ratings.satisfied()).isEqualTo(66.7);
    }

    @Test
    void theReportIsAPageAJsonApiAndACsvFile() throws Exception {
        issue(1);
        at(5);
        call(1, clerk);
        at(12);
        tickets.finish(hall.window(1), clerk);
        String hallId = String.valueOf(hall.hallId);
        mvc.perform(get("/api/reception/statistics").with(supervisor()).param("hallId", hallId)
                        .param("from", today.toString()).param("to", today.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.waitAverage").value(5.0))
                .andExpect(jsonPath("$.total.serviceAverage").value(7.0))
                .andExpect(jsonPath("$.byLine[0].name").value("A 综合受理"));
        mvc.perform(get("/api/reception/statistics.csv").with(manager()).param("hallId", hallId)
                        .param("from", today.toString()).param("to", today.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"dimension\",\"key\",\"name\",\"issued\"")))
                .andExpect(content().string(containsString("\"LINE\",\"" + general + "\",\"A 综合受理\",\"1\",\"1\",\"1\"")));
        mvc.perform(get("/reception/statistics").with(supervisor()).param("hallId", hallId)
                        .param("from", today.toString()).param("to", today.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<div class=\"fs-3 fw-bold\" id=\"total-wait\">5.0</div>")))
                .andExpect(content().string(containsString("data-chart=")))
                .andExpect(content().string(containsString("echarts.min.js")));
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefusedAtTheField() throws Exception {
        String hallId = String.valueOf(hall.hallId);
        mvc.perform(get("/reception/statistics").with(manager()).param("hallId", hallId)
                        .param("from", today.toString()).param("to", today.minusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<div id=\"to-error\" class=\"invalid-feedback\">结束日期不能早于开始日期。</div>")));
        mvc.perform(get("/api/reception/statistics").with(manager()).param("hallId", hallId)
                        .param("from", today.toString()).param("to", today.minusDays(1).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reception.statistics.toBeforeFrom"));
        assertThatThrownBy(() -> statistics.report(hall.hallId, today.minusDays(400), today))
                .isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("reception.statistics.tooLong"));
    }

    @Test
    void theLiveViewShowsQueuesWindowsOnDutyAndWhyAWindowIsPaused() throws Exception {
        issue(3);
        at(4);
        call(1, clerk);
        tickets.pause(hall.window(2), "系统故障", KIOSK);
        at(14);
        String panel = mvc.perform(get("/reception/live/panel").with(manager())
                        .param("hallId", String.valueOf(hall.hallId)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-trigger=\"every 5s\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(panel).as("the paused window and its reason").contains("系统故障（自 10:04）");
        assertThat(panel).as("officer A on duty at window 1").contains("王窗口").contains("A 岗在岗");
        assertThat(panel).as("window 1's ticket since its call").contains("A001").contains("10 分钟（自 10:04）");
        assertThat(panel).as("two still wait on 综合受理 since 10:00").contains("14 分钟（自 10:00）");
        mvc.perform(get("/api/reception/live").with(supervisor()).param("hallId", String.valueOf(hall.hallId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].waiting").value(2))
                .andExpect(jsonPath("$.lines[0].longestWaitMinutes").value(14))
                .andExpect(jsonPath("$.windows[1].pausedReason").value("系统故障"))
                .andExpect(jsonPath("$.windows[0].officer.reason").value("A"))
                .andExpect(jsonPath("$.windows[0].currentNumber").value("A001"));
        mvc.perform(get("/reception/live").with(manager()).param("hallId", String.valueOf(hall.hallId)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("系统故障")));
    }

    @Test
    void clerksAndAnonymousVisitorsReadNeitherStatisticsNorTheHallNow() throws Exception {
        for (String page : List.of("/reception/statistics", "/reception/live", "/api/reception/statistics?hallId=1",
                "/api/reception/live?hallId=1", "/api/reception/statistics.csv?hallId=1")) {
            mvc.perform(get(page).with(user("clerk-test").roles("CLERK"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/reception/statistics")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/reception/live").param("hallId", "1")).andExpect(status().isUnauthorized());
        mvc.perform(get("/home").with(supervisor()))
                .andExpect(content().string(containsString("/reception/statistics")))
                .andExpect(content().string(not(containsString("href=\"/admin/reception\""))));
    }

    private static RequestPostProcessor manager() {
        return user("manager-test").roles("HALL_MANAGER");
    }

    private static RequestPostProcessor supervisor() {
        return user("supervisor-test").roles("SUPERVISOR");
    }
}
