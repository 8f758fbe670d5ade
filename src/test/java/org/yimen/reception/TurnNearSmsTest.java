package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
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
 * at most three people ahead of the ticket, and never a second one, however many windows call at once.
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

    private void callAndFinish(long window) {
        assertThat(tickets.callNext(window, CLERK)).isInstanceOf(CallOutcome.Called.class);
        tickets.finish(window, CLERK);
    }
}
