package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.notifications.NotificationsProperties.LongMessages;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * 状态报告: the SMSC tells, part by part, whether the handset got the short message; the hall manager sees it on the
 * outbox page. The SMSC is jsmpp's server side on a transceiver session, sending its receipts back on it.
 */
@YimenIntegrationTest
class DeliveryReceiptTest {

    static final RequestPostProcessor MANAGER = user("manager").roles("HALL_MANAGER");

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
    TestClock clock;

    OutboxRows rows;

    /** The delivery columns of an outbox row. */
    record Delivered(@Nullable String delivery, @Nullable String deliveryState,
            @Nullable OffsetDateTime deliveryReportedAt) {
    }

    @BeforeEach
    void setUp() {
        rows = new OutboxRows(jdbc);
    }

    @AfterEach
    void tearDown() {
        smpp.resetTarget();
        clock.reset();
    }

    long queue(String phone, String text) {
        Long id = new TransactionTemplate(transactionManager).execute(s -> notifications.sms("cases.accepted", phone,
                "notifications.test.sms", text));
        return id == null ? 0 : id;
    }

    /** Queues a short message and lets the dispatcher hand it to the SMSC. */
    long sent(String phone, String text) {
        long id = queue(phone, text);
        dispatcher.dispatchDue();
        rows.awaitStatus(id, "SENT");
        return id;
    }

    Delivered delivered(long id) {
        return jdbc.sql("select delivery, delivery_state, delivery_reported_at from ntf_outbox where id = ?")
                .param(id).query(Delivered.class).single();
    }

    /** Lets the dispatchers apply what the SMSC sent until the message's delivery is known. */
    Delivered awaitDelivery(long id) {
        OutboxRows.await(() -> {
            dispatcher.dispatchDue();
            return delivered(id).delivery() != null;
        }, "the delivery of message " + id);
        return delivered(id);
    }

    int filed(String messageId) {
        return jdbc.sql("select count(*) from ntf_sms_receipt where message_id = ?").param(messageId)
                .query(Integer.class).single();
    }

    @Test
    void aDeliveredReceiptShowsTheMessageDeliveredWithTheTimeItCame() throws Exception {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.transceiver(LongMessages.UDH));
            String phone = OutboxRows.phone();
            long id = sent(phone, "测试");
            var part = smsc.receivedBy(phone).getFirst();
            assertThat(part.registeredDelivery()).as("a receipt asked for, success or failure").isEqualTo((byte) 1);
            assertThat(delivered(id).delivery()).as("nothing known before the receipt").isNull();

            // Whole seconds: PostgreSQL keeps microseconds, rounded.
            Instant arrival = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(42);
            clock.set(arrival.atZone(clock.getZone()));
            smsc.sendReceipt(part, "DELIVRD", false);
            var row = awaitDelivery(id);

            assertThat(row.delivery()).isEqualTo("DELIVERED");
            assertThat(row.deliveryState()).isEqualTo("DELIVRD");
            assertThat(row.deliveryReportedAt().toInstant()).isEqualTo(arrival);
            mvc.perform(get("/admin/notifications").param("status", "SENT").with(MANAGER))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("已送达手机")))
                    .andExpect(content().string(not(containsString(phone))));
            mvc.perform(get("/api/admin/notifications").param("status", "SENT").with(MANAGER))
                    .andExpect(jsonPath("$[?(@.id == " + id + ")].delivery").value("DELIVERED"))
                    .andExpect(jsonPath("$[?(@.id == " + id + ")].deliveryState").value("DELIVRD"));
        }
    }

    /**
     * The SMSC restarts after the message went out and the node has nothing more to send: it binds again all the
     * same, so the receipt the SMSC kept for it arrives.
     */
    @Test
    void aNodeWithNothingToSendBindsAgainAndStillGetsItsReceipts() throws Exception {
        int port = InProcessSmsc.freePort();
        String phone = OutboxRows.phone();
        long id;
        String messageId;
        try (var smsc = InProcessSmsc.start(port)) {
            smpp.target(smsc.transceiver(LongMessages.UDH));
            id = sent(phone, "测试");
            messageId = smsc.receivedBy(phone).getFirst().messageId();
        }
        try (var restarted = InProcessSmsc.start(port)) {
            OutboxRows.await(() -> {
                dispatcher.dispatchDue();
                return restarted.binds() == 1;
            }, "a session bound again with nothing to send");
            restarted.sendReceipt(0, phone, messageId, "DELIVRD", false);
            assertThat(awaitDelivery(id).delivery()).isEqualTo("DELIVERED");
        }
    }

    /** An account that may only bind as a transmitter sends on that session and gets its receipts on a receiver. */
    @Test
    void aTransmitterOnlyAccountGetsItsReceiptsOnAReceiverSession() throws Exception {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.transmitterWithReceipts(LongMessages.UDH));
            String phone = OutboxRows.phone();
            long id = sent(phone, "测试");
            var part = smsc.receivedBy(phone).getFirst();
            assertThat(part.registeredDelivery()).as("a receipt asked for").isEqualTo((byte) 1);
            assertThat(smsc.bindTypes()).containsExactlyInAnyOrder(org.jsmpp.bean.BindType.BIND_RX,
                    org.jsmpp.bean.BindType.BIND_TX);

            smsc.sendReceipt(smsc.sessionBoundAs(org.jsmpp.bean.BindType.BIND_RX), phone, part.messageId(),
                    "DELIVRD", false);
            assertThat(awaitDelivery(id).delivery()).isEqualTo("DELIVERED");
        }
    }

    @Test
    void aLongMessageIsUndeliveredAsSoonAsOnePartExpiredAndDeliveredOnlyWhenEveryPartIs() throws Exception {
        String longText = "您申请的建设用地规划许可已受理，承诺办结时限为十个工作日。".repeat(4);
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.transceiver(LongMessages.UDH));
            String phone = OutboxRows.phone();
            long id = queue(phone, longText);
            String other = OutboxRows.phone();
            long second = queue(other, longText);
            dispatcher.dispatchDue();
            rows.awaitStatus(id, "SENT");
            rows.awaitStatus(second, "SENT");
            var parts = smsc.receivedBy(phone);
            var otherParts = smsc.receivedBy(other);
            assertThat(parts).hasSizeGreaterThan(1);

            smsc.sendReceipt(parts.getFirst(), "DELIVRD", true);
            smsc.sendReceipt(parts.get(1), "EXPIRED", true);
            var row = awaitDelivery(id);
            assertThat(row.delivery()).isEqualTo("UNDELIVERED");
            assertThat(row.deliveryState()).isEqualTo("EXPIRED");

            for (int i = 0; i < otherParts.size() - 1; i++) {
                smsc.sendReceipt(otherParts.get(i), "DELIVRD", false);
            }
            OutboxRows.await(() -> {
                dispatcher.dispatchDue();
                return jdbc.sql("select count(*) from ntf_sms_part where outbox_id = ? and state = 'DELIVRD'")
                        .param(second).query(Integer.class).single() == otherParts.size() - 1;
            }, "all but the last part reported");
            assertThat(delivered(second).delivery()).as("one part still out").isNull();
            smsc.sendReceipt(otherParts.getLast(), "DELIVRD", false);
            assertThat(awaitDelivery(second).delivery()).isEqualTo("DELIVERED");

            mvc.perform(get("/admin/notifications").param("status", "SENT").with(MANAGER))
                    .andExpect(content().string(containsString("未送达：有效期内未能送达")));
        }
    }

    @Test
    void aReceiptForAnIdNobodySentIsDroppedOnceItCannotBelongToASendStillGoingOn() {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.transceiver(LongMessages.UDH));
            String phone = OutboxRows.phone();
            long id = sent(phone, "测试");
            var part = smsc.receivedBy(phone).getFirst();
            String stranger = "not-ours-" + id;

            smsc.sendReceipt(part.session(), phone, stranger, "UNDELIV", false);
            OutboxRows.await(() -> filed(stranger) == 1, "the receipt filed");
            dispatcher.dispatchDue();
            assertThat(filed(stranger)).as("kept while a send may not have committed yet").isEqualTo(1);

            clock.advance(DeliveryReceipts.UNMATCHED_KEPT.plus(Duration.ofMinutes(1)));
            dispatcher.dispatchDue();
            assertThat(filed(stranger)).isZero();
            assertThat(delivered(id).delivery()).as("no other message takes it").isNull();
        }
    }

    @Test
    void aReceiptWithTheDecimalFormOfAHexadecimalIdMarksTheMessageDeliveredAndAnUnrelatedNumberIsIgnored() {
        try (var smsc = InProcessSmsc.start()) {
            smsc.answerWithHexIds();
            smpp.target(smsc.transceiver(LongMessages.UDH));
            String phone = OutboxRows.phone();
            long id = sent(phone, "测试");
            var part = smsc.receivedBy(phone).getFirst();
            assertThat(part.messageId()).as("the SMSC's answer").matches("[0-9A-F]+");
            String decimal = new BigInteger(part.messageId(), 16).toString();
            String unrelated = new BigInteger(part.messageId(), 16).add(BigInteger.valueOf(1L << 40)).toString();

            smsc.sendReceipt(part.session(), phone, unrelated, "UNDELIV", false);
            OutboxRows.await(() -> filed(unrelated) == 1, "the unrelated receipt filed");
            clock.advance(DeliveryReceipts.UNMATCHED_KEPT.plus(Duration.ofMinutes(1)));
            dispatcher.dispatchDue();
            assertThat(filed(unrelated)).as("dropped, not applied").isZero();
            assertThat(delivered(id).delivery()).isNull();

            smsc.sendReceipt(part.session(), phone, decimal, "DELIVRD", false);
            var row = awaitDelivery(id);
            assertThat(row.delivery()).isEqualTo("DELIVERED");
            assertThat(jdbc.sql("select state from ntf_sms_part where outbox_id = ?").param(id).query(String.class)
                    .single()).isEqualTo("DELIVRD");
        }
    }
}
