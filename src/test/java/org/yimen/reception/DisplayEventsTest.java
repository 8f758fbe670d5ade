package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * Displays over real HTTP: a call travels from its transaction through PostgreSQL NOTIFY and the node's listener to
 * the connected hall board as a Server-Sent Event; a board that was away reconnects with Last-Event-ID and receives
 * exactly the calls it missed; a window screen hears only its own window, and who is on duty there as soon as an A/B
 * switch changes it.
 */
@YimenIntegrationTest
class DisplayEventsTest {

    private static final Actor CLERK = Actor.system("display-test");

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
    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One SSE event as received. */
    record Event(@Nullable String id, String name, String data) {
    }

    /** A display's open stream, read on a thread of its own. */
    final class Stream implements AutoCloseable {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final InputStream body;

        Stream(String path, String token, @Nullable String lastEventId) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header(DeviceTokenFilter.HEADER, token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            Thread.ofVirtual().start(this::read);
        }

        private void read() {
            try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String name = "message";
                var data = new StringBuilder();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(id, name, data.toString()));
                        }
                        id = null;
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }

        /** The next call event, skipping waiting counts. */
        Event nextCall() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Event event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null && event.name().equals("call")) {
                    return event;
                }
            }
            throw new AssertionError("no call event within 10 seconds");
        }

        List<Event> callsWithin(Duration wait) throws InterruptedException {
            List<Event> calls = new ArrayList<>();
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                Event event = events.poll(100, TimeUnit.MILLISECONDS);
                if (event != null && event.name().equals("call")) {
                    calls.add(event);
                }
            }
            return calls;
        }

        Event first(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Event event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null && event.name().equals(name)) {
                    return event;
                }
            }
            throw new AssertionError("no " + name + " event within 10 seconds");
        }

        @Override
        public void close() throws Exception {
            body.close();
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

    private void callAndFinish(long window) {
        assertThat(tickets.callNext(window, CLERK)).isInstanceOf(CallOutcome.Called.class);
        tickets.finish(window, CLERK);
    }

    @Test
    void aBoardHearsEachCallLiveAndCatchesUpWithLastEventId() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        var board = devices.register(DeviceKind.HALL_DISPLAY, hall.hallId, null, "测试综合屏");
        for (int i = 0; i < 3; i++) {
            tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        }

        String lastSeen;
        try (var stream = new Stream("/devices/hall/events", board.token(), null)) {
            assertThat(stream.first("counts").data()).contains("综合受理").contains("\"waiting\":3");
            callAndFinish(hall.window(1));
            Event call = stream.nextCall();
            assertThat(call.data()).contains("\"number\":\"A001\"").contains("请 A001 号到 1 号窗口办理")
                    .contains("\"speech\":\"请 A 零零一 号到 1 号窗口办理\"");
            lastSeen = call.id();
            assertThat(lastSeen).isNotNull();
        }

        // Away for two calls.
        callAndFinish(hall.window(1));
        callAndFinish(hall.window(1));

        try (var stream = new Stream("/devices/hall/events", board.token(), lastSeen)) {
            var missed = stream.callsWithin(Duration.ofSeconds(2));
            assertThat(missed).extracting(e -> e.data().contains("A002") ? "A002" : e.data().contains("A003")
                    ? "A003" : e.data()).containsExactly("A002", "A003");
            assertThat(Long.parseLong(missed.get(0).id())).isGreaterThan(Long.parseLong(lastSeen));
        }
    }

    @Test
    void aWindowScreenHearsOnlyItsOwnWindow() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 2);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a).serve(2, a);
        var screen = devices.register(DeviceKind.WINDOW_DISPLAY, hall.hallId, hall.window(2), "2 号窗口屏");
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        try (var stream = new Stream("/devices/window/events", screen.token(), null)) {
            stream.first("counts");
            callAndFinish(hall.window(1));
            callAndFinish(hall.window(2));
            Event call = stream.nextCall();
            assertThat(call.data()).contains("\"number\":\"A002\"").contains("\"window\":2");
            assertThat(stream.callsWithin(Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void aWindowScreenShowsOfficerBTakingOverAndABackWithoutWaitingForACall() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long officerA = hall.post(1, "王晓明", "李大伟");
        var screen = devices.register(DeviceKind.WINDOW_DISPLAY, hall.hallId, hall.window(1), "1 号窗口屏");
        try (var stream = new Stream("/devices/window/events", screen.token(), null)) {
            assertThat(stream.first("officer").data()).as("who is on duty when the screen connects")
                    .contains("\"name\":\"王晓明\"").doesNotContain("顶岗");

            LocalDateTime now = LocalDateTime.now(clock);
            var absence = mvc.perform(post("/api/org/staff/{id}/absences", officerA).with(csrf())
                            .with(user("manager").roles("HALL_MANAGER")).contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"reason": "外出培训", "startsAt": "%s", "endsAt": "%s"}"""
                                    .formatted(now.minusHours(1).withNano(0), now.plusHours(6).withNano(0))))
                    .andExpect(status().isCreated()).andReturn();
            assertThat(stream.first("officer").data()).as("B takes over while A is away")
                    .contains("\"name\":\"李大伟\"").contains("B 岗顶岗");

            mvc.perform(delete(absence.getResponse().getHeader("Location")).with(csrf())
                            .with(user("manager").roles("HALL_MANAGER")))
                    .andExpect(status().isNoContent());
            assertThat(stream.first("officer").data()).as("A is back").contains("\"name\":\"王晓明\"")
                    .doesNotContain("顶岗");
            assertThat(stream.callsWithin(Duration.ofMillis(200))).as("no call was needed for either").isEmpty();
        }
    }

    @Test
    void whenTheListenerConnectionDropsItReconnectsAndDisplaysGetWhatTheyMissed() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        var board = devices.register(DeviceKind.HALL_DISPLAY, hall.hallId, null, "测试综合屏");
        tickets.issue(a, Priority.NONE, null, Tickets.Channel.KIOSK, CLERK);
        try (var stream = new Stream("/devices/hall/events", board.token(), null)) {
            stream.first("counts");
            int killed = jdbc.sql("""
                    select count(pg_terminate_backend(pid)) from pg_stat_activity
                    where application_name = 'yimen-call-relay'""").query(Integer.class).single();
            assertThat(killed).as("the node's listener connection").isEqualTo(1);
            // Announced while nobody listens: the notification is lost, the event row is not.
            callAndFinish(hall.window(1));
            assertThat(stream.nextCall().data()).contains("\"number\":\"A001\"");
        }
    }

    @Test
    void aRevokedDisplayCannotListen() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        var board = devices.register(DeviceKind.HALL_DISPLAY, hall.hallId, null, "测试综合屏");
        devices.revoke(board.device().id());
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/devices/hall/events")).header(DeviceTokenFilter.HEADER, board.token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }
}
