package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * One display that stopped reading must not hold up the others: the hub hands each display's events to a queue of
 * its own, so relaying a call returns at once, the other displays get every call in order, and the display that does
 * not read is let go once it has fallen too far behind (its browser would reconnect and catch up).
 */
@YimenIntegrationTest
class DisplayHubTest {

    private static final Actor CLERK = Actor.system("display-hub-test");

    @Autowired
    CallEvents events;
    @Autowired
    DisplayViews views;
    @Autowired
    Tickets tickets;
    @Autowired
    ServiceLines lines;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    WorkingDays workingDays;

    /** A display whose connection no longer drains: the first write to it never returns, interrupted or not. */
    static final class DisplayThatDoesNotRead extends SseEmitter {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch unplugged = new CountDownLatch(1);

        @Override
        public void send(SseEventBuilder event) {
            writing.countDown();
            boolean done = false;
            while (!done) {
                try {
                    done = unplugged.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException ignored) {
                    // a socket write stuck in the kernel does not care either
                }
            }
        }
    }

    /** A display that reads everything it is sent; keeps the numbers of the calls. */
    static final class ReadingDisplay extends SseEmitter {
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

        @Override
        public void send(SseEventBuilder event) {
            for (var part : event.build()) {
                if (part.getData() instanceof DisplayViews.CallView call) {
                    calls.add(call.number());
                }
            }
        }
    }

    @BeforeEach
    void workingMorning() {
        clock.set(ReceptionFixture.workingMorning(workingDays));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDisplayThatDoesNotReadDelaysNoOtherDisplay() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        for (int i = 0; i < 12; i++) {
            tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        }
        var hub = new DisplayHub(events, views, 4);
        var stuck = new DisplayThatDoesNotRead();
        var reading = new ReadingDisplay();
        hub.subscribe(stuck, hall.hallId, null, Locale.SIMPLIFIED_CHINESE, 0);
        hub.subscribe(reading, hall.hallId, null, Locale.SIMPLIFIED_CHINESE, 0);
        try {
            assertThat(stuck.writing.await(5, TimeUnit.SECONDS)).as("the stuck display took its first event").isTrue();

            var relayTimes = new ArrayList<Duration>();
            for (int i = 0; i < 12; i++) {
                assertThat(tickets.callNext(hall.window(1), CLERK)).isInstanceOf(CallOutcome.Called.class);
                tickets.finish(hall.window(1), CLERK);
                long event = events.latestAt(hall.window(1)).orElseThrow().id();
                long start = System.nanoTime();
                hub.relay(hall.hallId, event);
                hub.heartbeat();
                relayTimes.add(Duration.ofNanos(System.nanoTime() - start));
            }

            assertThat(relayTimes).as("relaying never waits for a display")
                    .allSatisfy(time -> assertThat(time).isLessThan(Duration.ofSeconds(1)));
            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (received.size() < 12 && System.nanoTime() < deadline) {
                String number = reading.calls.poll(100, TimeUnit.MILLISECONDS);
                if (number != null) {
                    received.add(number);
                }
            }
            assertThat(received).as("the reading display got every call, in order")
                    .containsExactly("A001", "A002", "A003", "A004", "A005", "A006", "A007", "A008", "A009", "A010",
                            "A011", "A012");
            assertThat(hub.connected()).as("the display that fell behind was let go; the other stays").isEqualTo(1);
        } finally {
            stuck.unplugged.countDown();
            hub.disconnectAll();
        }
    }
}
