package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.shared.Rejected;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/** Reception on the shared database: issuing, calling, the workstation's moves, devices and their refusals. */
@YimenIntegrationTest
class ReceptionIntegrationTests {

    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final Actor CLERK = Actor.system("reception-test");

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
    WorkingDays workingDays;

    private ZonedDateTime morning;

    @BeforeEach
    void workingMorning() {
        morning = ReceptionFixture.workingMorning(workingDays);
        clock.set(morning);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Ticket called(long window) {
        return ((CallOutcome.Called) tickets.callNext(window, CLERK)).ticket();
    }

    // Issuing

    @Test
    void numbersRunPerLineAndDayWithoutGaps() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        long b = hall.line("公安出入境", "B");
        assertThat(tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK).ticket().number())
                .isEqualTo("A001");
        assertThat(tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK).ticket().number())
                .isEqualTo("A002");
        assertThat(tickets.issue(b, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK).ticket().number())
                .isEqualTo("B001");
        clock.set(workingDays.addWorkingDays(morning.toLocalDate(), 1).atTime(10, 0).atZone(HALL));
        assertThat(tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK).ticket().number())
                .as("a new day starts at 1").isEqualTo("A001");
    }

    @Test
    void aTicketSaysHowManyAreAheadAndHowLongItMayTake() {
        var hall = ReceptionFixture.hall(jdbc, lines, 2);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a).serve(2, a);
        for (int i = 0; i < 4; i++) {
            tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        }
        var fifth = tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        assertThat(fifth.peopleAhead()).isEqualTo(4);
        assertThat(fifth.estimatedMinutes()).as("4 ahead × 8 minutes over 2 windows").isEqualTo(16);
        var green = tickets.issue(a, Priority.GREEN_CHANNEL, "ELDERLY", Tickets.Channel.STAFF, CLERK);
        assertThat(green.peopleAhead()).as("a green-channel ticket has only other priority tickets ahead")
                .isZero();
        assertThat(tickets.peopleAhead(fifth.ticket())).as("the green ticket goes before the fifth").isEqualTo(5);
    }

    /**
     * A ticket sent to one window waits for that window alone, so its wait is the people ahead of it there times the
     * line's service time, not shared among the line's windows; a ticket waiting on the line keeps its share. Five
     * services of six minutes each make six minutes the line's service time.
     */
    @Test
    void aTicketSentToOneWindowWaitsAtThatWindowsPace() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 3);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a).serve(2, a).serve(3, a);
        for (int i = 0; i < 5; i++) {
            tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
            called(hall.window(1));
            tickets.start(hall.window(1), CLERK);
            clock.advance(Duration.ofMinutes(6));
            tickets.finish(hall.window(1), CLERK);
        }
        for (int i = 0; i < 6; i++) {
            tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        }
        Ticket sent = null;
        for (int i = 0; i < 4; i++) {
            called(hall.window(1));
            sent = tickets.transfer(hall.window(1), null, hall.window(3), CLERK);
        }
        assertThat(tickets.peopleAhead(sent)).as("three sent to window 3 before it").isEqualTo(3);
        assertThat(tickets.estimatedMinutes(sent, lines.require(a))).as("3 ahead × 6 minutes at one window")
                .isEqualTo(18);
        Ticket onLine = tickets.byPublicId(jdbc.sql("""
                select public_id from rcp_ticket where line_id = ? and state = 'WAITING' and target_window_id is null
                order by id desc limit 1""").param(a).query(String.class).single()).orElseThrow();
        assertThat(tickets.peopleAhead(onLine)).isEqualTo(1);
        assertThat(tickets.estimatedMinutes(onLine, lines.require(a))).as("1 ahead × 6 minutes over 3 windows")
                .isEqualTo(2);

        mvc.perform(get("/ticket/" + sent.publicId()))
                .andExpect(content().string(containsString("前面还有 3 人，预计等候约 18 分钟")));
        called(hall.window(1));
        mvc.perform(post("/api/reception/windows/{id}/transfer", hall.window(1)).with(csrf()).with(clerk())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"toWindow\": " + hall.window(3) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.peopleAhead").value(4))
                .andExpect(jsonPath("$.estimatedMinutes").value(24));
    }

    @Test
    void theDailyCapRefusesFurtherTicketsAndLeavesNoGap() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("社保", "C", 2, LocalTime.of(8, 30), LocalTime.of(17, 30), true);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        assertThatThrownBy(() -> tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK))
                .isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("reception.issue.capReached"));
        assertThat(jdbc.sql("select last_number from rcp_counter where line_id = ?").param(a).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void theHallIsClosedOnAHoliday() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        // National Day: a refused ticket writes nothing, so this date leaves no record in the trail.
        clock.set(ZonedDateTime.of(2026, 10, 1, 10, 0, 0, 0, HALL));
        assertThatThrownBy(() -> tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK))
                .isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("reception.issue.hallClosed"));
    }

    @Test
    void aLineIssuesOnlyWithinItsHours() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        clock.set(morning.withHour(18));
        assertThatThrownBy(() -> tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK))
                .isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("reception.issue.lineClosed"));
    }

    @Test
    void greenChannelTicketsNeedAConfiguredCategoryAndComeFromStaff() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        assertThatThrownBy(() -> tickets.issue(a, Priority.GREEN_CHANNEL, "VIP", Tickets.Channel.STAFF, CLERK))
                .isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("reception.issue.unknownCategory"));
        assertThatThrownBy(() -> tickets.issue(a, Priority.GREEN_CHANNEL, "ELDERLY", Tickets.Channel.KIOSK, CLERK))
                .isInstanceOf(Rejected.class);
    }

    // Calling

    @Test
    void aWindowCallsGreenChannelFirstThenInOrderOfIssueAndEachCallIsAudited() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        var first = tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK).ticket();
        var second = tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK).ticket();
        var green = tickets.issue(a, Priority.GREEN_CHANNEL, "PREGNANT", Tickets.Channel.STAFF, CLERK).ticket();
        long window = hall.window(1);

        long mark = AuditRecords.head(jdbc);
        var call = called(window);
        assertThat(call.id()).isEqualTo(green.id());
        assertThat(call.state()).isEqualTo(TicketState.CALLED);
        var record = AuditRecords.assertRecorded(jdbc, mark, "reception.ticket.called", "ticket", green.id());
        assertThat(record.detail()).contains("A003").contains("GREEN_CHANNEL");
        assertThat(jdbc.sql("select count(*) from rcp_call_event where ticket_id = ?").param(green.id())
                .query(Integer.class).single()).isEqualTo(1);

        tickets.finish(window, CLERK);
        assertThat(called(window).id()).isEqualTo(first.id());
        tickets.finish(window, CLERK);
        assertThat(called(window).id()).isEqualTo(second.id());
        tickets.finish(window, CLERK);
        assertThat(tickets.callNext(window, CLERK)).isInstanceOf(CallOutcome.NoOneWaiting.class);
    }

    @Test
    void anOrdinaryTicketWaitingTooLongIsCalledBeforeFurtherGreenChannelTickets() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        var ordinary = tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK).ticket();
        clock.advance(Duration.ofMinutes(25));
        tickets.issue(a, Priority.GREEN_CHANNEL, "MILITARY", Tickets.Channel.STAFF, CLERK);
        assertThat(called(hall.window(1)).id()).isEqualTo(ordinary.id());
    }

    @Test
    void aWindowServesItsLinesInItsStatedOrder() {
        var hall = ReceptionFixture.hall(jdbc, lines, 2);
        long a = hall.line("综合受理", "A");
        long d = hall.line("税务", "D");
        hall.serve(1, d, a).serve(2, a);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        clock.advance(Duration.ofMinutes(1));
        var tax = tickets.issue(d, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK).ticket();
        assertThat(called(hall.window(1)).id()).as("window 1 serves 税务 first").isEqualTo(tax.id());
        assertThat(called(hall.window(2)).number()).isEqualTo("A001");
    }

    @Test
    void callingWithAnEmptyQueueSaysNoOneIsWaiting() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        hall.serve(1, hall.line("综合受理", "A"));
        mvc.perform(post("/api/reception/windows/{id}/call", hall.window(1)).with(csrf()).with(clerk()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("NO_ONE_WAITING"))
                .andExpect(jsonPath("$.message").value("当前无人等候。"));
        mvc.perform(post("/reception/windows/{id}/call", hall.window(1)).with(csrf()).with(clerk()))
                .andExpect(flash().attribute("notice", "当前无人等候。"));
    }

    @Test
    void aWindowFinishesItsTicketBeforeCallingTheNext() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        called(hall.window(1));
        assertThatThrownBy(() -> tickets.callNext(hall.window(1), CLERK))
                .isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("reception.call.finishCurrent"));
    }

    @Test
    void recallIsLimitedAndEachRecallIsAnnouncedAndAudited() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        var ticket = called(hall.window(1));
        long mark = AuditRecords.head(jdbc);
        tickets.recall(hall.window(1), CLERK);
        AuditRecords.assertRecorded(jdbc, mark, "reception.ticket.recalled", "ticket", ticket.id());
        tickets.recall(hall.window(1), CLERK);
        assertThatThrownBy(() -> tickets.recall(hall.window(1), CLERK))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("reception.recall.limit"));
        assertThat(jdbc.sql("select count(*) from rcp_call_event where ticket_id = ? and recall").param(ticket.id())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aNoShowMayRejoinOnceWithinTheAllowedTime() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        var ticket = called(hall.window(1));
        long mark = AuditRecords.head(jdbc);
        tickets.noShow(hall.window(1), CLERK);
        AuditRecords.assertRecorded(jdbc, mark, "reception.ticket.noShow", "ticket", ticket.id());
        clock.advance(Duration.ofMinutes(10));
        tickets.rejoin(hall.hallId, "a001", CLERK);
        AuditRecords.assertRecorded(jdbc, mark, "reception.ticket.rejoined", "ticket", ticket.id());
        assertThat(called(hall.window(1)).id()).isEqualTo(ticket.id());
        tickets.noShow(hall.window(1), CLERK);
        assertThatThrownBy(() -> tickets.rejoin(hall.hallId, "A001", CLERK))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("reception.rejoin.once"));
    }

    @Test
    void aTransferKeepsNumberAndPriorityAndTheOtherLineCallsItFirst() {
        var hall = ReceptionFixture.hall(jdbc, lines, 2);
        long a = hall.line("综合受理", "A");
        long b = hall.line("公安出入境", "B");
        hall.serve(1, a).serve(2, b);
        tickets.issue(b, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        tickets.issue(a, Priority.GREEN_CHANNEL, "DISABLED", Tickets.Channel.STAFF, CLERK);
        var atA = called(hall.window(1));
        long mark = AuditRecords.head(jdbc);
        var continued = tickets.transfer(hall.window(1), b, null, CLERK);
        AuditRecords.assertRecorded(jdbc, mark, "reception.ticket.transferred", "ticket", atA.id());
        assertThat(continued.number()).isEqualTo(atA.number());
        assertThat(continued.priority()).isEqualTo(Priority.GREEN_CHANNEL);
        assertThat(continued.publicId()).isEqualTo(atA.publicId());
        assertThat(tickets.byPublicId(atA.publicId()).orElseThrow().id()).isEqualTo(continued.id());
        assertThat(called(hall.window(2)).id()).as("B's window calls the transferred green ticket first")
                .isEqualTo(continued.id());
    }

    @Test
    void aTransferToAWindowIsCalledOnlyThere() {
        var hall = ReceptionFixture.hall(jdbc, lines, 3);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a).serve(2, a).serve(3, a);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        called(hall.window(1));
        var continued = tickets.transfer(hall.window(1), null, hall.window(3), CLERK);
        assertThat(tickets.callNext(hall.window(2), CLERK)).isInstanceOf(CallOutcome.NoOneWaiting.class);
        assertThat(called(hall.window(3)).id()).isEqualTo(continued.id());
    }

    @Test
    void aTransferToAClosedLineIsRefused() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        long evening = hall.line("夜间受理", "N", 100, LocalTime.of(18, 0), LocalTime.of(21, 0), true);
        hall.serve(1, a);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        called(hall.window(1));
        mvc.perform(post("/api/reception/windows/{id}/transfer", hall.window(1)).with(csrf()).with(clerk())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"toLine\": " + evening + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("reception.transfer.lineClosed"))
                .andExpect(jsonPath("$.detail").value(containsString("夜间受理")));
        assertThat(tickets.currentAt(hall.window(1))).as("the ticket stays at the window").isPresent();
    }

    @Test
    void aPausedWindowDoesNotCallUntilResumed() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        long mark = AuditRecords.head(jdbc);
        tickets.pause(hall.window(1), "午间休息", CLERK);
        AuditRecords.assertRecorded(jdbc, mark, "reception.window.paused", "window", hall.window(1));
        assertThatThrownBy(() -> tickets.callNext(hall.window(1), CLERK))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("reception.window.pausedRefusal"));
        tickets.resume(hall.window(1), CLERK);
        assertThat(tickets.callNext(hall.window(1), CLERK)).isInstanceOf(CallOutcome.Called.class);
    }

    @Test
    void theWorkstationWalksATicketFromCallToFinish() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        String base = "/reception/windows/" + hall.window(1);
        mvc.perform(post(base + "/call").with(csrf()).with(clerk()))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", "已呼叫 A001 号。"));
        mvc.perform(get(base).with(clerk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A001")))
                .andExpect(content().string(containsString("重呼")));
        mvc.perform(post(base + "/start").with(csrf()).with(clerk()))
                .andExpect(flash().attribute("notice", "开始办理 A001 号。"));
        mvc.perform(post(base + "/no-show").with(csrf()).with(clerk()))
                .andExpect(flash().attribute("refusal", "A001 号当前办理中，不能这样操作。"));
        mvc.perform(post(base + "/finish").with(csrf()).with(clerk()))
                .andExpect(flash().attribute("notice", "A001 号已办结。"));
        mvc.perform(get("/reception/windows").with(clerk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 号测试窗口")));
    }

    @Test
    void windowWorkIsForClerksAndHallManagers() throws Exception {
        mvc.perform(get("/reception/windows").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/reception/windows/1/call").with(csrf()).with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDeskIssuesAGreenChannelTicketForPrinting() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        var result = mvc.perform(post("/reception/desk/tickets").with(csrf()).with(clerk())
                        .param("hallId", String.valueOf(hall.hallId)).param("lineId", String.valueOf(a))
                        .param("category", "ELDERLY"))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(clerk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A001")))
                .andExpect(content().string(containsString("绿色通道：老年人")))
                .andExpect(content().string(containsString("data:image/png;base64,")));
    }

    // Devices

    @Test
    void unknownAndRevokedDeviceTokensGet401() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        mvc.perform(get("/devices/kiosk")).andExpect(status().isUnauthorized());
        mvc.perform(get("/devices/kiosk").header(DeviceTokenFilter.HEADER, "no-such-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/devices/me").cookie(new Cookie(DeviceTokenFilter.COOKIE, "no-such-token")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("reception.device.unauthorized"));
        var kiosk = devices.register(DeviceKind.KIOSK, hall.hallId, null, "测试取号机");
        mvc.perform(get("/api/devices/me").header(DeviceTokenFilter.HEADER, kiosk.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("KIOSK"));
        devices.revoke(kiosk.device().id());
        mvc.perform(get("/api/devices/me").header(DeviceTokenFilter.HEADER, kiosk.token()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/devices/kiosk").header(DeviceTokenFilter.HEADER, kiosk.token()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDeviceOpensOnlyItsKindsPagesAndStaffSignInOpensNone() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        var board = devices.register(DeviceKind.HALL_DISPLAY, hall.hallId, null, "测试综合屏");
        mvc.perform(get("/devices/kiosk").header(DeviceTokenFilter.HEADER, board.token()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/devices/hall").header(DeviceTokenFilter.HEADER, board.token()))
                .andExpect(status().isOk());
        // A staff sign-in is no device: refused (403 here, where the test puts the staff member straight into
        // the security context; a browser's staff session is not even read by the stateless device chain: 401).
        mvc.perform(get("/devices/hall").with(user("manager").roles("HALL_MANAGER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTokenInTheAddressBecomesAnHttpOnlyCookieAndLeavesTheAddress() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        var kiosk = devices.register(DeviceKind.KIOSK, hall.hallId, null, "测试取号机");
        var result = mvc.perform(get("/devices/kiosk").param("token", kiosk.token()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/devices/kiosk"))
                .andExpect(cookie().httpOnly(DeviceTokenFilter.COOKIE, true))
                .andReturn();
        var cookie = result.getResponse().getCookie(DeviceTokenFilter.COOKIE);
        mvc.perform(get("/devices/kiosk").cookie(cookie)).andExpect(status().isOk());
    }

    @Test
    void theKioskIssuesATicketWithAQrCodeToAPublicStatusPage() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.line("绿色通道", "G", 50, LocalTime.of(8, 30), LocalTime.of(17, 30), false);
        var kiosk = devices.register(DeviceKind.KIOSK, hall.hallId, null, "测试取号机");
        mvc.perform(get("/devices/kiosk").header(DeviceTokenFilter.HEADER, kiosk.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("综合受理")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("绿色通道"))));
        long mark = AuditRecords.head(jdbc);
        var result = mvc.perform(post("/devices/kiosk/tickets").header(DeviceTokenFilter.HEADER, kiosk.token())
                        .param("lineId", String.valueOf(a)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = result.getResponse().getRedirectedUrl();
        String publicId = page.substring(page.lastIndexOf('/') + 1);
        var issued = AuditRecords.since(jdbc, mark).stream()
                .filter(r -> r.action().equals("reception.ticket.issued")).toList();
        assertThat(issued).hasSize(1);
        assertThat(issued.getFirst().actorType()).isEqualTo("SYSTEM");
        mvc.perform(get(page).header(DeviceTokenFilter.HEADER, kiosk.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A001")))
                .andExpect(content().string(containsString("data:image/png;base64,")));
        mvc.perform(get("/ticket/" + publicId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A001")))
                .andExpect(content().string(containsString("前面还有 0 人")));
        mvc.perform(get("/ticket/" + "x".repeat(22))).andExpect(status().isNotFound());
    }

    @Test
    void theKioskShowsWhyItCannotIssue() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("社保", "C", 1, LocalTime.of(8, 30), LocalTime.of(17, 30), true);
        var kiosk = devices.register(DeviceKind.KIOSK, hall.hallId, null, "测试取号机");
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        mvc.perform(post("/devices/kiosk/tickets").header(DeviceTokenFilter.HEADER, kiosk.token())
                        .param("lineId", String.valueOf(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("社保今日的 1 个号已全部取完")));
        mvc.perform(post("/api/devices/kiosk/tickets").header(DeviceTokenFilter.HEADER, kiosk.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lineId\": " + a + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("reception.issue.capReached"));
    }

    @Test
    void hallManagersSetUpLinesAndDevicesOverTheApi() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 2);
        var created = mvc.perform(post("/api/admin/reception/lines").with(csrf())
                        .with(user("manager").roles("HALL_MANAGER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"hallId": %d, "name": "不动产登记", "prefix": "F", "itemCodes": ["BDC-001"],
                                 "opensAt": "09:00", "closesAt": "17:00", "dailyCap": 200, "kiosk": true,
                                 "active": true}""".formatted(hall.hallId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.itemCodes[0]").value("BDC-001"))
                .andReturn();
        long line = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/admin/reception/windows/{id}/lines", hall.window(2)).with(csrf())
                        .with(user("manager").roles("HALL_MANAGER"))
                        .contentType(MediaType.APPLICATION_JSON).content("[" + line + "]"))
                .andExpect(status().isNoContent());
        assertThat(lines.ofWindow(hall.window(2))).extracting(ServiceLines.WindowLine::lineId)
                .containsExactly(line);
        var device = mvc.perform(post("/api/admin/reception/devices").with(csrf())
                        .with(user("manager").roles("HALL_MANAGER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"WINDOW_DISPLAY\", \"hallId\": %d, \"windowId\": %d, \"name\": \"2 号窗口屏\"}"
                                .formatted(hall.hallId, hall.window(2))))
                .andExpect(status().isCreated())
                .andReturn();
        String token = JsonPath.read(device.getResponse().getContentAsString(), "$.token");
        assertThat(jdbc.sql("select count(*) from rcp_device where token_hash = ?").param(token)
                .query(Integer.class).single()).as("the token itself is never stored").isZero();
        mvc.perform(get("/devices/window").header(DeviceTokenFilter.HEADER, token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 号窗口")));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor clerk() {
        return user("clerk-test").roles("CLERK");
    }

}
