package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/** Evaluation pads (好差评): one rating per finished visit, from the visit's own window, low ones followed up. */
@YimenIntegrationTest
class EvaluationPadTest {

    private static final Actor CLERK = Actor.system("pad-test");

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

    private ReceptionFixture hall;
    private long line;

    @BeforeEach
    void setUp() {
        clock.set(ReceptionFixture.workingMorning(workingDays));
        hall = ReceptionFixture.hall(jdbc, lines, 2);
        line = hall.line("综合受理", "A");
        hall.serve(1, line).serve(2, line);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String pad(int window) {
        return devices.register(DeviceKind.EVALUATION_PAD, hall.hallId, hall.window(window), "评价器").token();
    }

    private Ticket served(int window) {
        tickets.issue(line, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        tickets.callNext(hall.window(window), CLERK);
        return tickets.finish(hall.window(window), CLERK);
    }

    private String rating(long ticketId, int level, String... tags) {
        return """
                {"ticketId": %d, "level": %d, "tags": [%s]}""".formatted(ticketId, level,
                String.join(",", java.util.Arrays.stream(tags).map(t -> "\"" + t + "\"").toList()));
    }

    @Test
    void afterTheServiceFinishesThePadAsksForOneRatingOfThatVisit() throws Exception {
        String token = pad(1);
        mvc.perform(get("/api/devices/pad/visit").header(DeviceTokenFilter.HEADER, token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pending").value(false));
        mvc.perform(get("/devices/pad").header(DeviceTokenFilter.HEADER, token))
                .andExpect(status().isOk()).andExpect(content().string(containsString("pad-idle")));

        var visit = served(1);
        mvc.perform(get("/api/devices/pad/visit").header(DeviceTokenFilter.HEADER, token))
                .andExpect(jsonPath("$.pending").value(true))
                .andExpect(jsonPath("$.ticketId").value(visit.id()))
                .andExpect(jsonPath("$.number").value(visit.number()));
        mvc.perform(get("/devices/pad").header(DeviceTokenFilter.HEADER, token))
                .andExpect(content().string(containsString("pad-rate")))
                .andExpect(content().string(containsString("非常满意")));

        long mark = AuditRecords.head(jdbc);
        mvc.perform(post("/devices/pad/ratings").header(DeviceTokenFilter.HEADER, token)
                        .param("ticketId", String.valueOf(visit.id())).param("level", "5"))
                .andExpect(redirectedUrl("/devices/pad?done"));
        var audit = AuditRecords.assertRecorded(jdbc, mark, "reception.visit.rated", "ticket", visit.id());
        assertThat(audit.detail()).contains("level").contains("5");
        assertThat(jdbc.sql("select level from rcp_rating where ticket_id = ?").param(visit.id())
                .query(Integer.class).single()).isEqualTo(5);
        mvc.perform(get("/api/devices/pad/visit").header(DeviceTokenFilter.HEADER, token))
                .andExpect(jsonPath("$.pending").value(false));

        mvc.perform(post("/api/devices/pad/ratings").header(DeviceTokenFilter.HEADER, token)
                        .contentType(MediaType.APPLICATION_JSON).content(rating(visit.id(), 1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("reception.rating.alreadyRated"));
        assertThat(jdbc.sql("select count(*) from rcp_rating where ticket_id = ?").param(visit.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aLowRatingWithReasonsIsMarkedForFollowUp() throws Exception {
        String token = pad(1);
        var visit = served(1);
        mvc.perform(get("/devices/pad/reasons").header(DeviceTokenFilter.HEADER, token)
                        .param("ticketId", String.valueOf(visit.id())).param("level", "2"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("等候时间长")));
        long mark = AuditRecords.head(jdbc);
        mvc.perform(post("/api/devices/pad/ratings").header(DeviceTokenFilter.HEADER, token)
                        .contentType(MediaType.APPLICATION_JSON).content(rating(visit.id(), 2, "WAITING", "ATTITUDE")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value(2))
                .andExpect(jsonPath("$.tags[0]").value("WAITING"));
        var audit = AuditRecords.assertRecorded(jdbc, mark, "reception.visit.rated", "ticket", visit.id());
        assertThat(audit.actorId()).startsWith("pad-");
        assertThat(jdbc.sql("select follow_up from rcp_rating where ticket_id = ?").param(visit.id())
                .query(String.class).single()).as("VisitRated reached its listener").isEqualTo("PENDING");

        var good = served(1);
        mvc.perform(post("/api/devices/pad/ratings").header(DeviceTokenFilter.HEADER, token)
                        .contentType(MediaType.APPLICATION_JSON).content(rating(good.id(), 4)))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("select follow_up from rcp_rating where ticket_id = ?").param(good.id())
                .query(String.class).optional()).as("no follow-up for a good rating").isEmpty();
    }

    @Test
    void refusals() throws Exception {
        String one = pad(1);
        String two = pad(2);
        var visit = served(1);
        mvc.perform(post("/api/devices/pad/ratings").header(DeviceTokenFilter.HEADER, two)
                        .contentType(MediaType.APPLICATION_JSON).content(rating(visit.id(), 5)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reception.rating.otherWindow"));
        mvc.perform(get("/api/devices/pad/visit").header(DeviceTokenFilter.HEADER, two))
                .andExpect(jsonPath("$.pending").value(false));
        mvc.perform(post("/api/devices/pad/ratings").header(DeviceTokenFilter.HEADER, one)
                        .contentType(MediaType.APPLICATION_JSON).content(rating(visit.id(), 6)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reception.rating.level"));
        mvc.perform(post("/api/devices/pad/ratings").header(DeviceTokenFilter.HEADER, one)
                        .contentType(MediaType.APPLICATION_JSON).content(rating(visit.id(), 0)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/devices/pad/ratings").header(DeviceTokenFilter.HEADER, one)
                        .contentType(MediaType.APPLICATION_JSON).content(rating(visit.id(), 1, "RUDE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reception.rating.unknownTag"));
        mvc.perform(post("/api/devices/pad/ratings").header(DeviceTokenFilter.HEADER, one)
                        .contentType(MediaType.APPLICATION_JSON).content(rating(visit.id(), 5, "WAITING")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reception.rating.tagsOnlyLow"));

        tickets.issue(line, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        var current = ((CallOutcome.Called) tickets.callNext(hall.window(1), CLERK)).ticket();
        mvc.perform(get("/api/devices/pad/visit").header(DeviceTokenFilter.HEADER, one))
                .andExpect(jsonPath("$.pending").value(false));
        mvc.perform(post("/api/devices/pad/ratings").header(DeviceTokenFilter.HEADER, one)
                        .contentType(MediaType.APPLICATION_JSON).content(rating(current.id(), 5)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("reception.rating.notFinished"));
        assertThat(jdbc.sql("select count(*) from rcp_rating where window_id = ?").param(hall.window(1))
                .query(Integer.class).single()).isZero();

        var done = tickets.finish(hall.window(1), CLERK);
        clock.set(clock.instant().plus(Evaluations.RATING_PERIOD).plus(Duration.ofMinutes(1))
                .atZone(java.time.ZoneId.of("Asia/Shanghai")));
        mvc.perform(post("/api/devices/pad/ratings").header(DeviceTokenFilter.HEADER, one)
                        .contentType(MediaType.APPLICATION_JSON).content(rating(done.id(), 5)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("reception.rating.expired"));
    }

    @Test
    void aPadOpensOnlyPadPagesAndOtherDevicesNoPad() throws Exception {
        String token = pad(1);
        mvc.perform(get("/devices/kiosk").header(DeviceTokenFilter.HEADER, token)).andExpect(status().isForbidden());
        var screen = devices.register(DeviceKind.WINDOW_DISPLAY, hall.hallId, hall.window(1), "窗口屏");
        mvc.perform(get("/devices/pad").header(DeviceTokenFilter.HEADER, screen.token()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/devices/pad/visit")).andExpect(status().isUnauthorized());
    }
}
