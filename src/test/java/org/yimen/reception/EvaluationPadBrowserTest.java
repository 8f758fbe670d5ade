package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;
import org.yimen.support.browser.Browser;
import org.yimen.support.browser.EvaluationPadPage;

/**
 * The pad at window 1 waits while the citizen is served; when the clerk finishes the visit it asks for a rating by
 * itself. The citizen taps 不满意, ticks why, and is thanked; a stale screen of the same pad that still offers the
 * visit gets the second tap refused, and the visit keeps its one rating, marked for follow-up.
 */
@YimenIntegrationTest
class EvaluationPadBrowserTest {

    private static final Actor CLERK = Actor.system("pad-browser-test");

    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    ServiceLines lines;
    @Autowired
    Devices devices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    WorkingDays workingDays;

    @BeforeEach
    void workingMorning() {
        clock.set(ReceptionFixture.workingMorning(workingDays));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFinishedVisitIsRatedOnceOnThePad() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        var pad = devices.register(DeviceKind.EVALUATION_PAD, hall.hallId, hall.window(1), "1 号窗口评价器");
        var ticket = tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK).ticket();
        assertThat(tickets.callNext(hall.window(1), CLERK)).isInstanceOf(CallOutcome.Called.class);
        tickets.start(hall.window(1), CLERK);

        try (var browser = Browser.open(port)) {
            var screen = EvaluationPadPage.open(browser, pad.token());
            assertThat(screen.idle()).as("nothing to rate while the citizen is served").isTrue();

            tickets.finish(hall.window(1), CLERK);
            assertThat(screen.awaitPrompt()).isEqualTo("A001 号，请对本次服务作出评价");
            var stale = EvaluationPadPage.openStaleScreen(browser);
            assertThat(stale.prompt()).contains("A001");

            screen.tap("不满意");
            assertThat(screen.reasonsQuestion()).isEqualTo("请告诉我们哪里做得不好（A001 号）");
            screen.tick("等候时间长").tick("服务态度差").send();
            assertThat(screen.thanked()).isTrue();
            browser.screenshot("reception-pad-thanks");

            stale.tap("非常满意");
            assertThat(stale.refusal()).isEqualTo("A001 号已经评价过了，每次办事只能评价一次。");
            assertThat(stale.thanked()).isFalse();
        }

        record Stored(int level, List<String> tags, String followUp) {
        }
        var ratings = jdbc.sql("select level, tags, follow_up from rcp_rating where ticket_id = ?")
                .param(ticket.id())
                .query((rs, row) -> new Stored(rs.getInt(1), Arrays.asList((String[]) rs.getArray(2).getArray()),
                        rs.getString(3)))
                .list();
        assertThat(ratings).as("one rating per visit").containsExactly(
                new Stored(2, List.of("ATTITUDE", "WAITING"), "PENDING"));
    }
}
