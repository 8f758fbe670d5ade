package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.privacy.PersonalData;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * 到号提醒: a citizen who left a mobile number gets one short message, written to the outbox by the call that leaves
 * at most three people ahead of the ticket, and never a second one, however many windows call at once; a transfer
 * starts a new wait, told once more when the new queue has the ticket near.
 */
@YimenIntegrationTest
class TurnNearSmsTest {

    private static final Actor CLERK = Actor.system("turn-near-test");

    @Autowired
    Tickets tickets;
    @Autowired
    ServiceLines lines;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @BeforeEach
    void workingMorning() {
        clock.set(ReceptionFixture.workingMorning(workingDays));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String phone() {
        return "138" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The short messages of this kind written for a phone number. */
    private int messagesTo(String phone) {
        return jdbc.sql("select count(*) from ntf_outbox where category = ? and recipient_index = ?")
                .params(TurnNotices.CATEGORY, personalData.index(phone)).query(Integer.class).single();
    }

    private String textTo(String phone) {
        byte[] body = jdbc.sql("select body_sealed from ntf_outbox where category = ? and recipient_index = ?")
                .params(TurnNotices.CATEGORY, personalData.index(phone)).query(byte[].class).single();
        return personalData.open(body);
    }

    private Ticket issue(long line, @org.jspecify.annotations.Nullable String phone) {
        return tickets.issue(line, Priority.NONE, null, Tickets.Channel.KIOSK, null, phone, CLERK).ticket();
    }

    @Test
    void theCallThatLeavesThreePeopleAheadSendsTheOneMessage() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        for (int i = 0; i < 5; i++) {
            issue(a, null);
        }
        String phone = phone();
        Ticket mine = issue(a, phone);
        assertThat(tickets.peopleAhead(mine)).isEqualTo(5);

        callAndFinish(hall.window(1));
        assertThat(messagesTo(phone)).as("four people ahead: not yet").isZero();

        long mark = AuditRecords.head(jdbc);
        callAndFinish(hall.window(1));
        assertThat(messagesTo(phone)).as("three people ahead").isEqualTo(1);
        String hallName = jdbc.sql("select name from org_hall where id = ?").param(hall.hallId).query(String.class)
                .single();
        assertThat(textTo(phone)).contains("A006 号前面还有 3 人").contains(hallName);
        AuditRecords.assertRecorded(jdbc, mark, "reception.ticket.turnNearSent", "ticket", mine.id());

        callAndFinish(hall.window(1));
        callAndFinish(hall.window(1));
        assertThat(messagesTo(phone)).as("still the one message").isEqualTo(1);
        mvc.perform(get("/ticket/" + mine.publicId()))
                .andExpect(content().string(containsString("到号提醒短信已发送至 " + phone.substring(0, 3) + "****")));
    }

    @Test
    void aTicketTakenWithoutANumberGetsNoMessage() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        issue(a, null);
        issue(a, null);
        long before = jdbc.sql("select count(*) from ntf_outbox where category = ?").param(TurnNotices.CATEGORY)
                .query(Long.class).single();
        callAndFinish(hall.window(1));
        assertThat(jdbc.sql("select count(*) from ntf_outbox where category = ?").param(TurnNotices.CATEGORY)
                .query(Long.class).single()).isEqualTo(before);
    }

    /**
     * Twenty windows call in rounds of forty calls, all at once within a round. Every ticket has its own number.
     * No ticket ever gets two messages; and a ticket that a round leaves at most three people from the head, still
     * waiting, has had its one message by then: the round's last call sees every other call of the round committed
     * (the hall's call events are written one at a time) and claims it if nobody did before.
     */
    @Test
    void twentyWindowsCallingAtOnceSendEachTicketItsMessageExactlyOnce() throws Exception {
        int windows = 20;
        int round = 40;
        int rounds = 5;
        var hall = ReceptionFixture.hall(jdbc, lines, windows);
        long a = hall.line("综合受理", "A");
        for (int w = 1; w <= windows; w++) {
            hall.serve(w, a);
        }
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < round * rounds; i++) {
            String phone = phone();
            phones.add(phone);
            issue(a, phone);
        }
        assertThat(new HashSet<>(phones)).hasSize(phones.size());

        try (var pool = Executors.newFixedThreadPool(windows)) {
            for (int r = 0; r < rounds; r++) {
                var permits = new AtomicInteger(round);
                List<Callable<Integer>> clerks = new ArrayList<>();
                for (int w = 1; w <= windows; w++) {
                    long window = hall.window(w);
                    clerks.add(() -> {
                        int calls = 0;
                        while (permits.getAndDecrement() > 0) {
                            callAndFinish(window);
                            calls++;
                        }
                        return calls;
                    });
                }
                int calls = 0;
                for (var result : pool.invokeAll(clerks)) {
                    calls += result.get();
                }
                assertThat(calls).isEqualTo(round);
            }
        }

        var counts = phones.stream().map(this::messagesTo).toList();
        assertThat(counts).as("never two messages for one ticket").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1));
        for (int r = 1; r < rounds; r++) {
            for (int ahead = 0; ahead <= 3; ahead++) {
                int ticket = r * round + ahead;
                assertThat(counts.get(ticket)).as("ticket %d, %d ahead after round %d", ticket + 1, ahead, r)
                        .isEqualTo(1);
            }
            // Three ahead only once the round's last call committed: the message says exactly that.
            assertThat(textTo(phones.get(r * round + 3))).contains("前面还有 3 人");
        }
        assertThat(jdbc.sql("""
                select count(*) from rcp_ticket_sms s join rcp_ticket t on t.id = s.ticket_id
                where t.line_id = ? and s.notified_at is not null""").param(a).query(Integer.class).single())
                .as("each message claimed is one in the outbox")
                .isEqualTo(counts.stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * A transfer starts a new wait: the citizen, told once in the first queue, is told once more when the new queue
     * has them near, and never a third time there.
     */
    @Test
    void aTransferredTicketIsRemindedOnceMoreWhenItsNewQueueHasItNear() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 2);
        long a = hall.line("综合受理", "A");
        long b = hall.line("公安出入境", "B");
        hall.serve(1, a).serve(2, b);
        // Six wait on B from before the citizen came, so B has them six away when the transfer keeps their place.
        for (int i = 0; i < 6; i++) {
            issue(b, null);
        }
        for (int i = 0; i < 4; i++) {
            issue(a, null);
        }
        String phone = phone();
        Ticket mine = issue(a, phone);
        callAndFinish(hall.window(1));
        assertThat(textsTo(phone)).singleElement().asString().contains("A005 号前面还有 3 人");
        for (int i = 0; i < 3; i++) {
            callAndFinish(hall.window(1));
        }
        assertThat(tickets.callNext(hall.window(1), CLERK)).isInstanceOf(CallOutcome.Called.class);

        long mark = AuditRecords.head(jdbc);
        Ticket continued = tickets.transfer(hall.window(1), b, null, CLERK);
        assertThat(AuditRecords.since(jdbc, mark)).filteredOn(r -> r.action().equals("reception.ticket.transferred"))
                .singleElement().satisfies(r -> assertThat(r.detail()).contains(phone.substring(0, 3) + "****")
                        .doesNotContain(phone));
        assertThat(tickets.peopleAhead(continued)).isEqualTo(6);
        assertThat(messagesTo(phone)).as("six away in B: not yet").isEqualTo(1);
        mvc.perform(get("/ticket/" + mine.publicId()))
                .andExpect(content().string(containsString("前面还有 3 人时短信提醒 " + phone.substring(0, 3) + "****")));

        callAndFinish(hall.window(2));
        callAndFinish(hall.window(2));
        assertThat(messagesTo(phone)).as("four away in B").isEqualTo(1);
        mark = AuditRecords.head(jdbc);
        callAndFinish(hall.window(2));
        assertThat(textsTo(phone)).as("three away in B: told once more, under the same number").hasSize(2)
                .last().asString().contains("A005 号前面还有 3 人");
        AuditRecords.assertRecorded(jdbc, mark, "reception.ticket.turnNearSent", "ticket", continued.id());
        for (int i = 0; i < 3; i++) {
            callAndFinish(hall.window(2));
        }
        assertThat(messagesTo(phone)).as("never twice for the wait in B").isEqualTo(2);
        mvc.perform(get("/ticket/" + mine.publicId()))
                .andExpect(content().string(containsString("到号提醒短信已发送至 " + phone.substring(0, 3) + "****")));
    }

    /**
     * A ticket the transfer puts near the head of its new queue is told by the transfer itself: sent to one window,
     * it stands in that window's own queue; sent on to a line, it keeps its place there behind the priority tickets.
     */
    @Test
    void aTicketTransferredNearTheHeadOfItsNewQueueIsRemindedByTheTransfer() {
        var hall = ReceptionFixture.hall(jdbc, lines, 3);
        long a = hall.line("综合受理", "A");
        long b = hall.line("公安出入境", "B");
        hall.serve(1, a).serve(2, b).serve(3, a);
        String phone = phone();
        issue(a, phone);
        for (int i = 0; i < 5; i++) {
            issue(a, null);
        }
        assertThat(tickets.callNext(hall.window(1), CLERK)).isInstanceOf(CallOutcome.Called.class);
        assertThat(messagesTo(phone)).as("called before anything left it near").isZero();

        Ticket atWindow3 = tickets.transfer(hall.window(1), null, hall.window(3), CLERK);
        assertThat(tickets.peopleAhead(atWindow3)).as("window 3's own queue").isZero();
        assertThat(textsTo(phone)).singleElement().asString().contains("A001 号前面还有 0 人");

        tickets.issue(b, Priority.GREEN_CHANNEL, "ELDERLY", Tickets.Channel.STAFF, CLERK);
        tickets.issue(b, Priority.GREEN_CHANNEL, "DISABLED", Tickets.Channel.STAFF, CLERK);
        assertThat(((CallOutcome.Called) tickets.callNext(hall.window(3), CLERK)).ticket().id())
                .isEqualTo(atWindow3.id());
        assertThat(messagesTo(phone)).isEqualTo(1);
        Ticket onB = tickets.transfer(hall.window(3), b, null, CLERK);
        assertThat(textsTo(phone)).as("two green-channel tickets before it on B").hasSize(2)
                .last().asString().contains("A001 号前面还有 2 人");
        callAndFinish(hall.window(2));
        callAndFinish(hall.window(2));
        assertThat(messagesTo(phone)).as("once per queue").isEqualTo(2);
        assertThat(((CallOutcome.Called) tickets.callNext(hall.window(2), CLERK)).ticket().id()).isEqualTo(onB.id());
    }

    /**
     * Tickets sent to one window wait in that window's queue, and only that window's calls move them. Told once in
     * line A already, each is told once more by its transfer when at most three others were sent there before it;
     * the one four away is told when window 3 calls the first of them, whatever the line's windows do meanwhile.
     */
    @Test
    void ticketsSentToOneWindowAreRemindedInThatWindowsQueue() {
        var hall = ReceptionFixture.hall(jdbc, lines, 3);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a).serve(2, a).serve(3, a);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            phones.add(phone());
            issue(a, phones.getLast());
        }
        for (int i = 0; i < 6; i++) {
            issue(a, null);
        }
        Ticket last = null;
        for (int i = 0; i < 5; i++) {
            assertThat(tickets.callNext(hall.window(1), CLERK)).isInstanceOf(CallOutcome.Called.class);
            last = tickets.transfer(hall.window(1), null, hall.window(3), CLERK);
        }
        // A001 was called before anything left it near in A; A002 to A005 were told in A by the first call.
        assertThat(phones.stream().map(this::messagesTo).toList()).containsExactly(1, 2, 2, 2, 1);
        assertThat(textsTo(phones.get(1))).last().asString().contains("A002 号前面还有 1 人");
        assertThat(tickets.peopleAhead(last)).as("four sent to window 3 before it").isEqualTo(4);

        callAndFinish(hall.window(2));
        callAndFinish(hall.window(2));
        assertThat(messagesTo(phones.get(4))).as("calls of the line leave window 3's queue as it is").isEqualTo(1);
        callAndFinish(hall.window(3));
        assertThat(textsTo(phones.get(4))).hasSize(2).last().asString().contains("A005 号前面还有 3 人");
        assertThat(phones.stream().map(this::messagesTo).toList()).containsExactly(1, 2, 2, 2, 2);
    }

    /**
     * Windows transfer tickets from line A to line B while B's windows call, all at once. Nobody is told twice in
     * one queue, so at most twice in all; and once everything is done, every ticket waiting at most three from the
     * head of either queue has been told for the queue it is in.
     */
    @Test
    void transfersAndCallsAtOnceRemindEachWaitAtMostOnce() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 10);
        long a = hall.line("综合受理", "A");
        long b = hall.line("公安出入境", "B");
        for (int w = 1; w <= 4; w++) {
            hall.serve(w, a);
        }
        for (int w = 5; w <= 10; w++) {
            hall.serve(w, b);
        }
        List<String> fromA = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            fromA.add(phone());
            issue(a, fromA.getLast());
        }
        List<String> ofB = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ofB.add(phone());
            issue(b, ofB.getLast());
        }

        var transfers = new AtomicInteger(16);
        var calls = new AtomicInteger(40);
        try (var pool = Executors.newFixedThreadPool(10)) {
            List<Callable<Integer>> clerks = new ArrayList<>();
            for (int w = 1; w <= 4; w++) {
                long window = hall.window(w);
                clerks.add(() -> {
                    int done = 0;
                    while (transfers.getAndDecrement() > 0) {
                        assertThat(tickets.callNext(window, CLERK)).isInstanceOf(CallOutcome.Called.class);
                        tickets.transfer(window, b, null, CLERK);
                        done++;
                    }
                    return done;
                });
            }
            for (int w = 5; w <= 10; w++) {
                long window = hall.window(w);
                clerks.add(() -> {
                    int done = 0;
                    while (calls.getAndDecrement() > 0) {
                        callAndFinish(window);
                        done++;
                    }
                    return done;
                });
            }
            int done = 0;
            for (var result : pool.invokeAll(clerks)) {
                done += result.get();
            }
            assertThat(done).isEqualTo(56);
        }

        assertThat(fromA.stream().map(this::messagesTo).toList()).as("at most once in A and once in B")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(ofB.stream().map(this::messagesTo).toList()).as("at most once in B")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1));
        int sent = java.util.stream.Stream.concat(fromA.stream(), ofB.stream()).mapToInt(this::messagesTo).sum();
        assertThat(jdbc.sql("""
                select count(*) from rcp_ticket_sms s join rcp_ticket t on t.id = s.ticket_id
                where t.hall_id = ? and s.notified_at is not null""").param(hall.hallId).query(Integer.class).single())
                .as("each message claimed is one in the outbox").isEqualTo(sent);
        for (long line : List.of(a, b)) {
            assertThat(jdbc.sql("""
                    select s.notified_at is not null from rcp_ticket t join rcp_ticket_sms s on s.ticket_id = t.id
                    where t.line_id = ? and t.state = 'WAITING' and t.target_window_id is null
                    order by (t.priority = 'NONE'), t.queued_at, t.id limit 4""").param(line)
                    .query(Boolean.class).list()).as("the head of line %d told", line).hasSize(4).containsOnly(true);
        }
    }

    /**
     * Eight windows send their tickets to window 9 at the same instant. A transfer keeps the ticket's place, so a
     * ticket sent a moment later may land ahead of one sent before it; the hall's lock puts the transfers one after
     * the other, so a ticket's message counts exactly those sent before it that stand ahead of it, never one fewer
     * (a transfer still in flight), and a ticket that had more than three of them ahead is not told yet.
     */
    @Test
    void ticketsSentToOneWindowAtOnceAreToldExactlyHowManyAreAhead() throws Exception {
        int senders = 8;
        var hall = ReceptionFixture.hall(jdbc, lines, senders + 1);
        long a = hall.line("综合受理", "A");
        for (int w = 1; w <= senders; w++) {
            hall.serve(w, a);
        }
        for (int i = 0; i < senders; i++) {
            issue(a, phone());
            clock.advance(Duration.ofSeconds(1));
        }
        for (int w = 1; w <= senders; w++) {
            assertThat(tickets.callNext(hall.window(w), CLERK)).isInstanceOf(CallOutcome.Called.class);
        }
        long target = hall.window(senders + 1);
        var start = new CyclicBarrier(senders);
        try (var pool = Executors.newFixedThreadPool(senders)) {
            List<Callable<Ticket>> clerks = new ArrayList<>();
            for (int w = 1; w <= senders; w++) {
                long window = hall.window(w);
                clerks.add(() -> {
                    start.await();
                    return tickets.transfer(window, null, target, CLERK);
                });
            }
            for (var result : pool.invokeAll(clerks)) {
                result.get();
            }
        }

        record Sent(long id, Instant queuedAt, @org.jspecify.annotations.Nullable Integer toldAhead) {
        }
        var sent = jdbc.sql("""
                select t.id, t.queued_at, s.people_ahead from rcp_ticket t
                join rcp_ticket_sms s on s.ticket_id = t.id
                where t.target_window_id = ? and t.state = 'WAITING' order by t.id""").param(target)
                .query((rs, row) -> new Sent(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        (Integer) rs.getObject(3)))
                .list();
        assertThat(sent).hasSize(senders);
        int told = 0;
        for (var ticket : sent) {
            // The queue as the transfer left it: the tickets sent before it (lower ids) that wait ahead of it.
            long ahead = sent.stream()
                    .filter(o -> o.id() < ticket.id() && o.queuedAt().isBefore(ticket.queuedAt())).count();
            if (ahead <= 3) {
                assertThat(ticket.toldAhead()).as("ticket %d, %d sent before it stand ahead", ticket.id(), ahead)
                        .isEqualTo((int) ahead);
                told++;
            } else {
                assertThat(ticket.toldAhead()).as("ticket %d, %d ahead: not yet", ticket.id(), ahead).isNull();
            }
        }
        assertThat(told).isPositive();
    }

    /**
     * A green-channel ticket goes in ahead of waiting ordinary tickets, so it enters the queue behind the hall's lock,
     * as transfers do: while a window's call is still counting who is near, the green ticket waits for it, and the
     * message that call writes counts exactly the people then ahead. An ordinary ticket goes to the back, where it
     * cannot change anyone's count, and does not wait.
     */
    @Test
    void aGreenChannelTicketWaitsForTheCallInFlightAndAnOrdinaryOneDoesNot() throws Exception {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("综合受理", "A");
        hall.serve(1, a);
        for (int i = 0; i < 4; i++) {
            issue(a, null);
        }
        String phone = phone();
        issue(a, phone);
        var calling = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(3)) {
            var call = pool.submit(() -> transactions.execute(tx -> {
                var outcome = tickets.callNext(hall.window(1), CLERK);
                calling.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return outcome;
            }));
            assertThat(calling.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var green = pool.submit(() -> tickets.issue(a, Priority.GREEN_CHANNEL, "ELDERLY",
                    Tickets.Channel.STAFF, null, null, CLERK));
            var ordinary = pool.submit(() -> issue(a, null));

            try {
                assertThat(ordinary.get(10, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
                Thread.sleep(500);
                assertThat(green.isDone()).as("the green ticket waits for the call in flight").isFalse();
            } finally {
                release.countDown();
            }
            assertThat(call.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(CallOutcome.Called.class);
            assertThat(green.get(10, java.util.concurrent.TimeUnit.SECONDS).peopleAhead()).isZero();
        }
        assertThat(textTo(phone)).as("counted before the green ticket went ahead").contains("前面还有 3 人");
    }

    private List<String> textsTo(String phone) {
        return jdbc.sql("select body_sealed from ntf_outbox where category = ? and recipient_index = ? order by id")
                .params(TurnNotices.CATEGORY, personalData.index(phone)).query(byte[].class).list().stream()
                .map(personalData::open).toList();
    }

    private void callAndFinish(long window) {
        assertThat(tickets.callNext(window, CLERK)).isInstanceOf(CallOutcome.Called.class);
        tickets.finish(window, CLERK);
    }
}
