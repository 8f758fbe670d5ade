package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.privacy.PersonalData;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * The reception desk issues tickets as the kiosk does: for the item the citizen came for, whose materials it shows,
 * and with the citizen's mobile number for the reminder when the turn is near, checked, sealed and shown only masked;
 * a green-channel ticket too. The same over the API, whose refusals are problem details in the caller's language.
 */
@YimenIntegrationTest
class DeskTicketsTest {

    /** 普通护照签发 and 居民身份证换领、补领 of the demo catalog. */
    private static final String PASSPORT = "GAT-CRJ-001";
    private static final String ID_CARD = "GAT-HZ-003";
    private static final Actor CLERK = Actor.system("desk-test");

    @Autowired
    MockMvc mvc;
    @Autowired
    Tickets tickets;
    @Autowired
    ServiceLines lines;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    TestClock clock;
    @Autowired
    WorkingDays workingDays;

    private ReceptionFixture hall;

    @BeforeEach
    void aHallWithADesk() {
        clock.set(ReceptionFixture.workingMorning(workingDays));
        hall = ReceptionFixture.hall(jdbc, lines, 1);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aGreenChannelTicketForAnItemWithANumberIsRemindedWhenItsTurnIsNear() throws Exception {
        long line = hall.line("出入境", "B", List.of(PASSPORT, ID_CARD));
        hall.serve(1, line);
        mvc.perform(get("/reception/desk").param("hallId", String.valueOf(hall.hallId)).with(clerk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + PASSPORT + "\"")))
                .andExpect(content().string(containsString("中国公民出入境证件申请表")))
                .andExpect(content().string(containsString("居民户口簿")))
                .andExpect(content().string(containsString("前面还有 3 人时短信提醒")));
        mvc.perform(get("/reception/desk/items").param("lineId", String.valueOf(line)).param("itemCode", ID_CARD)
                        .with(clerk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("居民户口簿")))
                .andExpect(content().string(not(containsString("中国公民出入境证件申请表"))));

        for (int i = 0; i < 4; i++) {
            tickets.issue(line, Priority.GREEN_CHANNEL, "DISABLED", Tickets.Channel.STAFF, CLERK);
        }
        String phone = phone();
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        long mark = AuditRecords.head(jdbc);
        String page = mvc.perform(post("/reception/desk/tickets").with(csrf()).with(clerk())
                        .param("hallId", String.valueOf(hall.hallId)).param("lineId", String.valueOf(line))
                        .param("itemCode", PASSPORT).param("category", "ELDERLY")
                        .param("phone", phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7)))
                .andExpect(redirectedUrlPattern("/reception/desk/tickets/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(page).with(clerk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("B005")))
                .andExpect(content().string(containsString("绿色通道：老年人")))
                .andExpect(content().string(containsString("普通护照签发")))
                .andExpect(content().string(containsString("前面还有 3 人时短信提醒 " + masked)))
                .andExpect(content().string(not(containsString(phone))));
        assertThat(AuditRecords.since(jdbc, mark)).filteredOn(r -> r.action().equals("reception.ticket.issued"))
                .singleElement().satisfies(r -> assertThat(r.detail()).contains(masked, PASSPORT, "STAFF")
                        .doesNotContain(phone));
        byte[] sealed = jdbc.sql("""
                select s.phone_sealed from rcp_ticket_sms s join rcp_ticket t on t.id = s.ticket_id
                where t.line_id = ?""").param(line).query(byte[].class).single();
        assertThat(personalData.open(sealed)).isEqualTo(phone);

        callAndFinish();
        assertThat(messagesTo(phone)).as("three people ahead").isEqualTo(1);
        assertThat(textTo(phone)).contains("B005 号前面还有 3 人");
        callAndFinish();
        assertThat(messagesTo(phone)).as("still the one message").isEqualTo(1);
    }

    @Test
    void aWrongNumberOrItemIsShownBesideItsFieldAndTheNumberNeverWrittenBack() throws Exception {
        long line = hall.line("出入境", "B", List.of(PASSPORT));
        mvc.perform(post("/reception/desk/tickets").with(csrf()).with(clerk())
                        .param("hallId", String.valueOf(hall.hallId)).param("lineId", String.valueOf(line))
                        .param("category", "ELDERLY").param("phone", "1234567"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"phone-error\"")))
                .andExpect(content().string(containsString("请输入 11 位手机号码，或者留空。")))
                .andExpect(content().string(not(containsString("1234567"))))
                .andExpect(content().string(containsString("value=\"ELDERLY\" selected")));
        mvc.perform(post("/reception/desk/tickets").with(csrf()).with(clerk()).param("lang", "en")
                        .param("hallId", String.valueOf(hall.hallId)).param("lineId", String.valueOf(line))
                        .param("phone", "0851-8888888"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter an 11-digit mobile number, or leave the field empty.")))
                .andExpect(content().string(not(containsString("8888888"))));
        mvc.perform(post("/reception/desk/tickets").with(csrf()).with(clerk())
                        .param("hallId", String.valueOf(hall.hallId)).param("lineId", String.valueOf(line))
                        .param("itemCode", ID_CARD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"itemCode-error\"")))
                .andExpect(content().string(containsString("出入境不办理“" + ID_CARD + "”。")));
        assertThat(jdbc.sql("select count(*) from rcp_ticket where line_id = ?").param(line).query(Integer.class)
                .single()).as("no ticket for a refused form").isZero();
    }

    @Test
    void theApiIssuesADeskTicketWithItemAndNumberAndRefusesAWrongNumberAsAProblemDetail() throws Exception {
        long line = hall.line("出入境", "B", List.of(PASSPORT));
        String phone = phone();
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        mvc.perform(post("/api/reception/tickets").with(csrf()).with(clerk())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"lineId": %d, "priority": "GREEN_CHANNEL", "category": "PREGNANT",
                                 "itemCode": "%s", "phone": "+86 %s"}""".formatted(line, PASSPORT, phone)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value("B001"))
                .andExpect(jsonPath("$.itemCode").value(PASSPORT))
                .andExpect(jsonPath("$.item").value("普通护照签发"))
                .andExpect(jsonPath("$.sms.phone").value(masked))
                .andExpect(jsonPath("$.sms.sent").value(false))
                .andExpect(content().string(not(containsString(phone))));

        String wrong = """
                {"lineId": %d, "phone": "12345"}""".formatted(line);
        mvc.perform(post("/api/reception/tickets").with(csrf()).with(clerk())
                        .contentType(MediaType.APPLICATION_JSON).content(wrong))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("reception.issue.phone"))
                .andExpect(jsonPath("$.errors[0].field").value("phone"))
                .andExpect(jsonPath("$.errors[0].message").value("请输入 11 位手机号码，或者留空。"));
        mvc.perform(post("/api/reception/tickets").with(csrf()).with(clerk()).param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(wrong))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Enter an 11-digit mobile number, or leave the field empty."));
        mvc.perform(post("/api/reception/tickets").with(csrf()).with(clerk())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lineId\": %d, \"itemCode\": \"%s\"}".formatted(line, ID_CARD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("itemCode"));
        assertThat(jdbc.sql("select count(*) from rcp_ticket where line_id = ?").param(line).query(Integer.class)
                .single()).as("only the good request issued a ticket").isEqualTo(1);
    }

    private void callAndFinish() {
        assertThat(tickets.callNext(hall.window(1), CLERK)).isInstanceOf(CallOutcome.Called.class);
        tickets.finish(hall.window(1), CLERK);
    }

    private int messagesTo(String phone) {
        return jdbc.sql("select count(*) from ntf_outbox where category = ? and recipient_index = ?")
                .params(TurnNotices.CATEGORY, personalData.index(phone)).query(Integer.class).single();
    }

    private String textTo(String phone) {
        byte[] body = jdbc.sql("select body_sealed from ntf_outbox where category = ? and recipient_index = ?")
                .params(TurnNotices.CATEGORY, personalData.index(phone)).query(byte[].class).single();
        return personalData.open(body);
    }

    private static String phone() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static RequestPostProcessor clerk() {
        return user("desk-clerk").roles("CLERK");
    }
}
