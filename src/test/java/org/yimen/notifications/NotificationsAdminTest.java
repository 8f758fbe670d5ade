package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.notifications.NotificationsProperties.LongMessages;
import org.yimen.support.AuditRecords;
import org.yimen.support.YimenIntegrationTest;

/** Hall managers watch the outbox, send failed messages again and check the channels with a test message. */
@YimenIntegrationTest
class NotificationsAdminTest {

    static final RequestPostProcessor MANAGER = user("manager").roles("HALL_MANAGER");
    static final RequestPostProcessor CLERK = user("clerk").roles("CLERK");
    /** SMPP 3.4 command_status: invalid destination address, which no retry changes. */
    static final int ESME_RINVDSTADR = 0x0B;

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    SmppGateway smpp;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Clock clock;

    OutboxRows rows;

    @BeforeEach
    void setUp() {
        rows = new OutboxRows(jdbc);
    }

    @AfterEach
    void tearDown() {
        smpp.resetTarget();
    }

    long queue(String phone) {
        Long id = new TransactionTemplate(transactionManager).execute(s -> notifications.sms("cases.accepted", phone,
                "notifications.test.sms", "测试"));
        return id == null ? 0 : id;
    }

    @Test
    void aManagerSeesAFailedMessageMaskedAndSendsItAgain() throws Exception {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.settings(LongMessages.UDH));
            smsc.refuseNext(1, ESME_RINVDSTADR);
            String phone = OutboxRows.phone();
            long id = queue(phone);
            dispatcher.dispatchDue();
            var failed = rows.awaitStatus(id, "FAILED");
            assertThat(failed.attempts()).as("a refused address is not tried again").isEqualTo(1);
            String masked = failed.recipientMasked();

            mvc.perform(get("/admin/notifications").param("status", "FAILED").with(MANAGER))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(masked)))
                    .andExpect(content().string(containsString("发送失败")))
                    .andExpect(content().string(containsString("status 0xb")))
                    .andExpect(content().string(containsString("/admin/notifications/" + id + "/retry")))
                    .andExpect(content().string(not(containsString(phone))));
            mvc.perform(get("/api/admin/notifications").param("status", "FAILED").param("channel", "SMS")
                            .with(MANAGER))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.id == " + id + ")].recipient").value(masked))
                    .andExpect(jsonPath("$[?(@.id == " + id + ")].retryable").value(true))
                    .andExpect(content().string(not(containsString(phone))));

            long mark = AuditRecords.head(jdbc);
            mvc.perform(post("/admin/notifications/" + id + "/retry").with(csrf()).with(MANAGER))
                    .andExpect(redirectedUrl("/admin/notifications"));
            var recorded = AuditRecords.assertRecorded(jdbc, mark, "notifications.audit.resent",
                    OutboxAdministration.TARGET, id);
            assertThat(recorded.detail()).contains(masked).contains("FAILED").doesNotContain(phone);

            long again = resentAs(id);
            dispatcher.dispatchDue();
            rows.awaitStatus(again, "SENT");
            assertThat(smsc.receivedBy(phone)).hasSize(1);
            var first = rows.row(id);
            assertThat(first.status()).as("the failure stays visible").isEqualTo("FAILED");
            assertThat(first.lastError()).contains("0xb");
            mvc.perform(get("/admin/notifications").with(MANAGER))
                    .andExpect(content().string(containsString("已重新发送为消息 " + again)))
                    .andExpect(content().string(containsString("重新发送自消息 " + id)));

            mvc.perform(post("/api/admin/notifications/" + id + "/retry").with(csrf()).with(MANAGER))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("notifications.resend.already"));
        }
    }

    long resentAs(long id) {
        return jdbc.sql("select id from ntf_outbox where resent_from = ?").param(id).query(Long.class).single();
    }

    long sendAndReport(InProcessSmsc smsc, String phone, String state) {
        long id = queue(phone);
        dispatcher.dispatchDue();
        rows.awaitStatus(id, "SENT");
        smsc.sendReceipt(smsc.receivedBy(phone).getLast(), state, false);
        OutboxRows.await(() -> {
            dispatcher.dispatchDue();
            return jdbc.sql("select delivery is not null from ntf_outbox where id = ?").param(id)
                    .query(Boolean.class).single();
        }, "the receipt of message " + id);
        return id;
    }

    @Test
    void anUndeliveredMessageIsSentOnceMoreAsANewMessageAndTheFirstKeepsItsReceipt() throws Exception {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.transceiver(LongMessages.UDH));
            String phone = OutboxRows.phone();
            long id = sendAndReport(smsc, phone, "UNDELIV");
            String masked = rows.row(id).recipientMasked();
            mvc.perform(get("/api/admin/notifications").param("status", "SENT").with(MANAGER))
                    .andExpect(jsonPath("$[?(@.id == " + id + ")].retryable").value(true));

            long mark = AuditRecords.head(jdbc);
            mvc.perform(post("/api/admin/notifications/" + id + "/retry").with(csrf()).with(MANAGER))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("PENDING"))
                    .andExpect(jsonPath("$.resentFrom").value(id))
                    .andExpect(jsonPath("$.recipient").value(masked))
                    .andExpect(content().string(not(containsString(phone))));
            long again = resentAs(id);
            var recorded = AuditRecords.assertRecorded(jdbc, mark, "notifications.audit.resent",
                    OutboxAdministration.TARGET, id);
            assertThat(recorded.detail()).contains(masked).contains("UNDELIVERED")
                    .contains(String.valueOf(again)).doesNotContain(phone);

            dispatcher.dispatchDue();
            rows.awaitStatus(again, "SENT");
            assertThat(smsc.textsTo(phone)).hasSize(2).containsOnly(smsc.textsTo(phone).getFirst());
            assertThat(jdbc.sql("select delivery from ntf_outbox where id = ?").param(id).query(String.class)
                    .single()).as("the first keeps its receipt").isEqualTo("UNDELIVERED");
            assertThat(jdbc.sql("select count(*) from ntf_sms_part where outbox_id = ?").param(id)
                    .query(Integer.class).single()).as("and its parts").isEqualTo(1);

            mvc.perform(post("/admin/notifications/" + id + "/retry").with(csrf()).with(MANAGER))
                    .andExpect(redirectedUrl("/admin/notifications"))
                    .andExpect(flash().attribute("actionError", "该消息已重新发送过一次（新消息编号 " + again
                            + "），请查看新消息的发送情况"));
            mvc.perform(post("/api/admin/notifications/" + again + "/retry").with(csrf()).with(MANAGER))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("notifications.resend.notReported"));
        }
    }

    @Test
    void deliveredMessagesAndVerificationCodesAreNotSentAgain() throws Exception {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.transceiver(LongMessages.UDH));
            long delivered = sendAndReport(smsc, OutboxRows.phone(), "DELIVRD");
            mvc.perform(post("/api/admin/notifications/" + delivered + "/retry").with(csrf()).with(MANAGER))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("notifications.resend.delivered"))
                    .andExpect(jsonPath("$.detail").value("消息已送达手机，不再重新发送"));
            mvc.perform(post("/api/admin/notifications/" + delivered + "/retry").with(csrf()).with(MANAGER)
                            .param("lang", "en"))
                    .andExpect(jsonPath("$.detail").value("The message reached the phone; it is not sent again"));

            String phone = OutboxRows.phone();
            Long code = new TransactionTemplate(transactionManager).execute(s -> notifications.queueSms(
                    "verification", phone, "notifications.sms.code", new Object[] {"123456", 5}, true,
                    clock.instant().plusSeconds(300)));
            dispatcher.dispatchDue();
            rows.awaitStatus(code, "SENT");
            smsc.sendReceipt(smsc.receivedBy(phone).getFirst(), "UNDELIV", false);
            OutboxRows.await(() -> {
                dispatcher.dispatchDue();
                return jdbc.sql("select delivery is not null from ntf_outbox where id = ?").param(code)
                        .query(Boolean.class).single();
            }, "the receipt of the code");
            mvc.perform(get("/api/admin/notifications").param("status", "SENT").with(MANAGER))
                    .andExpect(jsonPath("$[?(@.id == " + code + ")].retryable").value(false));
            mvc.perform(post("/admin/notifications/" + code + "/retry").with(csrf()).with(MANAGER)
                            .param("lang", "en"))
                    .andExpect(redirectedUrl("/admin/notifications"))
                    .andExpect(flash().attribute("actionError",
                            "Verification codes expire and are never sent again; the applicant asks for a new code"));
            mvc.perform(get("/admin/notifications").with(MANAGER))
                    .andExpect(content().string(not(containsString(phone))));
            assertThat(jdbc.sql("select count(*) from ntf_outbox where resent_from in (?, ?)")
                    .params(delivered, code).query(Integer.class).single()).isZero();
        }
    }

    @Test
    void aHeldMessageCannotBeSentAgainWhileNoSmscIsConfigured() throws Exception {
        smpp.target(null);
        long id = queue(OutboxRows.phone());
        assertThat(rows.row(id).status()).isEqualTo("HELD");
        mvc.perform(get("/admin/notifications").with(MANAGER))
                .andExpect(content().string(containsString("未配置服务器，消息暂存不发送")));
        mvc.perform(post("/api/admin/notifications/" + id + "/retry").with(csrf()).with(MANAGER))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("notifications.retry.noServer"));
        mvc.perform(post("/api/admin/notifications/999999999/retry").with(csrf()).with(MANAGER))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTestMessageChecksTheSmsc() throws Exception {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.settings(LongMessages.UDH));
            String phone = OutboxRows.phone();
            long mark = AuditRecords.head(jdbc);
            String body = mvc.perform(post("/api/admin/notifications/test").with(csrf()).with(MANAGER)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channel\":\"SMS\",\"recipient\":\"" + phone + "\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.category").value("test"))
                    .andExpect(jsonPath("$.status").value("PENDING"))
                    .andReturn().getResponse().getContentAsString();
            long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
            AuditRecords.assertRecorded(jdbc, mark, "notifications.audit.testQueued", OutboxAdministration.TARGET,
                    id);
            dispatcher.dispatchDue();
            rows.awaitStatus(id, "SENT");
            assertThat(smsc.textsTo(phone)).singleElement().asString().contains("manager");

            mvc.perform(post("/api/admin/notifications/test").with(csrf()).with(MANAGER)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channel\":\"SMS\",\"recipient\":\"0851-86812345\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("notifications.test.phoneInvalid"));
            mvc.perform(post("/admin/notifications/test").with(csrf()).with(MANAGER)
                            .param("testChannel", "EMAIL").param("testRecipient", "nobody"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("请输入正确的电子邮件地址")));
        }
    }

    @Test
    void clerksCannotSeeTheOutbox() throws Exception {
        mvc.perform(get("/admin/notifications").with(CLERK)).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/notifications").with(CLERK)).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/notifications/1/retry").with(csrf()).with(CLERK))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/notifications/overview").with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.smsConfigured").value(false));
    }
}
