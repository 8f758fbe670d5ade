package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.notifications.NotificationsProperties.LongMessages;
import org.yimen.privacy.PersonalData;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * Short messages leave the outbox for a real SMPP server: jsmpp's server side, started by each test on a free port,
 * with this node's gateway pointed at it. What the SMSC received is decoded as a handset would.
 */
@YimenIntegrationTest
class SmppDeliveryTest {

    @Autowired
    Notifications notifications;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    SmppGateway smpp;
    @Autowired
    SmtpGateway smtp;
    @Autowired
    NotificationsProperties properties;
    @Autowired
    PersonalData personalData;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DeliveryReceipts receipts;
    @Autowired
    NotificationMetrics metrics;
    @Autowired
    TestClock clock;

    TransactionTemplate tx;
    OutboxRows rows;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactionManager);
        rows = new OutboxRows(jdbc);
    }

    @AfterEach
    void tearDown() {
        smpp.resetTarget();
        clock.reset();
    }

    long queueCode(String phone, String code) {
        Long id = tx.execute(s -> notifications.sms("test.sms", phone, "notifications.sms.code", code, 5));
        return id == null ? 0 : id;
    }

    String codeText(String code) {
        return messages.getMessage("notifications.sms.code", new Object[] {code, 5}, Notifications.LANGUAGE);
    }

    @Test
    void aQueuedMessageReachesTheSmscInChineseAndIsMarkedSentWithItsId() {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.settings(LongMessages.UDH));
            String phone = OutboxRows.phone();
            long id = queueCode(phone, "042719");
            assertThat(rows.row(id).status()).isEqualTo("PENDING");

            dispatcher.dispatchDue();

            var row = rows.awaitStatus(id, "SENT");
            var received = smsc.receivedBy(phone);
            assertThat(received).hasSize(1);
            var pdu = received.getFirst();
            assertThat(pdu.dataCoding()).as("UCS2").isEqualTo((byte) 8);
            assertThat(pdu.source()).isEqualTo("10690001");
            assertThat(pdu.registeredDelivery()).as("an account without receipts asks for none")
                    .isZero();
            assertThat(pdu.text()).isEqualTo(codeText("042719")).contains("您的验证码是 042719");
            assertThat(row.providerId()).isEqualTo(pdu.messageId());
            assertThat(row.parts()).isEqualTo(1);
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.recipientMasked()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(smsc.binds()).as("one bound session for every message").isEqualTo(1);

            String other = OutboxRows.phone();
            long second = queueCode(other, "111111");
            dispatcher.dispatchDue();
            rows.awaitStatus(second, "SENT");
            assertThat(smsc.binds()).as("the session stays bound").isEqualTo(1);
        }
    }

    @Test
    void theOutboxKeepsNeitherNumberNorTextInClear() {
        String phone = OutboxRows.phone();
        long id = queueCode(phone, "555123");
        var stored = jdbc.sql("select recipient_sealed, body_sealed, recipient_index from ntf_outbox where id = ?")
                .param(id).query((rs, n) -> new Object[] {rs.getBytes(1), rs.getBytes(2), rs.getString(3)}).single();
        assertThat(new String((byte[]) stored[0], java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(phone);
        assertThat(new String((byte[]) stored[1], java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("555123");
        assertThat(personalData.open((byte[]) stored[0])).isEqualTo(phone);
        assertThat(stored[2]).isEqualTo(personalData.index(phone));
    }

    @Test
    void aLongTextArrivesInConcatenatedPartsThatTheHandsetPutsTogether() throws Exception {
        String text = "【一门】您申请的建设用地规划许可已受理，承诺办结时限为十个工作日。".repeat(5);
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.settings(LongMessages.UDH));
            String phone = OutboxRows.phone();
            Sent sent = smpp.send(phone, text, 300);

            var parts = smsc.receivedBy(phone);
            assertThat(parts).hasSize(sent.parts()).hasSizeGreaterThan(2);
            assertThat(parts).allSatisfy(p -> {
                assertThat(p.udhi()).isTrue();
                assertThat(p.shortMessage().length).isLessThanOrEqualTo(140);
                assertThat(p.concatenation()[0]).as("reference").isEqualTo(300 & 0xFF);
                assertThat(p.concatenation()[1]).as("total").isEqualTo(parts.size());
            });
            assertThat(smsc.textsTo(phone)).containsExactly(text);
            assertThat(sent.providerId().split(",")).hasSize(parts.size());

            smpp.target(smsc.settings(LongMessages.PAYLOAD));
            String other = OutboxRows.phone();
            smpp.send(other, text, 301);
            assertThat(smsc.receivedBy(other)).singleElement()
                    .satisfies(p -> assertThat(p.payload()).isNotEmpty());
            assertThat(smsc.textsTo(other)).containsExactly(text);
        }
    }

    @Test
    void whileTheSmscIsDownTheMessageWaitsAndGoesOnceItIsBack() {
        int port = InProcessSmsc.freePort();
        smpp.target(InProcessSmsc.settingsFor(port, LongMessages.UDH));
        String phone = OutboxRows.phone();
        long id = queueCode(phone, "902311");

        dispatcher.dispatchDue();
        var failed = rows.awaitAttempts(id, 1);
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.lastError()).contains("cannot bind to the SMSC at 127.0.0.1:" + port);
        assertThat(failed.nextAttemptAt().toInstant()).isAfterOrEqualTo(clock.instant().plusSeconds(29));

        try (var smsc = InProcessSmsc.start(port)) {
            dispatcher.dispatchDue();
            assertThat(rows.row(id).status()).as("not before the back-off").isEqualTo("PENDING");
            assertThat(smsc.received()).isEmpty();

            clock.advance(Duration.ofSeconds(31));
            dispatcher.dispatchDue();
            var sent = rows.awaitStatus(id, "SENT");
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(sent.lastError()).isNull();
            assertThat(smsc.textsTo(phone)).containsExactly(codeText("902311"));
        }
    }

    @Test
    void aDroppedSessionIsBoundAgainForTheNextMessage() {
        int port = InProcessSmsc.freePort();
        smpp.target(InProcessSmsc.settingsFor(port, LongMessages.UDH));
        try (var first = InProcessSmsc.start(port)) {
            long id = queueCode(OutboxRows.phone(), "100001");
            dispatcher.dispatchDue();
            rows.awaitStatus(id, "SENT");
        }
        try (var restarted = InProcessSmsc.start(port)) {
            String phone = OutboxRows.phone();
            long id = queueCode(phone, "100002");
            // The first try may still find the old, dead session; the next one binds again.
            OutboxRows.await(() -> {
                dispatcher.dispatchDue();
                if (rows.row(id).status().equals("PENDING")) {
                    clock.advance(Duration.ofMinutes(1));
                }
                return rows.row(id).status().equals("SENT");
            }, "sent after the SMSC restarted");
            assertThat(restarted.binds()).isEqualTo(1);
            assertThat(restarted.textsTo(phone)).hasSize(1);
        }
    }

    @Test
    void aThrottlingSmscIsTriedAgainAndAfterTheLastTryTheMessageFails() {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.settings(LongMessages.UDH));
            smsc.refuseNext(1, InProcessSmsc.ESME_RTHROTTLED);
            String phone = OutboxRows.phone();
            long id = queueCode(phone, "313131");
            dispatcher.dispatchDue();
            var refused = rows.awaitAttempts(id, 1);
            assertThat(refused.status()).isEqualTo("PENDING");
            assertThat(refused.lastError()).isEqualTo("the SMSC refused the message with status 0x58");
            clock.advance(Duration.ofSeconds(31));
            dispatcher.dispatchDue();
            rows.awaitStatus(id, "SENT");

            smsc.refuseNext(100, InProcessSmsc.ESME_RTHROTTLED);
            String unlucky = OutboxRows.phone();
            long doomed = queueCode(unlucky, "424242");
            for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
                dispatcher.dispatchDue();
                rows.awaitAttempts(doomed, attempt);
                clock.advance(properties.maxRetryDelay());
            }
            var failed = rows.row(doomed);
            assertThat(failed.status()).isEqualTo("FAILED");
            assertThat(failed.attempts()).isEqualTo(properties.maxAttempts());
            assertThat(failed.lastError()).contains("0x58");
            assertThat(smsc.receivedBy(unlucky)).isEmpty();
        }
    }

    @Test
    void twoDispatchersOnOneOutboxDeliverEveryMessageExactlyOnce() throws Exception {
        try (var smsc = InProcessSmsc.start()) {
            smsc.answerAfter(2);
            smpp.target(smsc.settings(LongMessages.UDH));
            var otherNode = new SmppGateway(OutboxRows.withSmpp(properties, smsc.settings(LongMessages.UDH)),
                    receipts);
            var second = new OutboxDispatcher(new Outbox(jdbc), transactionManager, personalData, clock, properties,
                    otherNode, smtp, receipts, metrics);
            List<String> phones = new ArrayList<>();
            List<Long> ids = tx.execute(s -> {
                List<Long> queued = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    String phone = OutboxRows.phone();
                    phones.add(phone);
                    queued.add(notifications.sms("test.concurrent", phone, "notifications.sms.code",
                            "%06d".formatted(i), 5));
                }
                return queued;
            });
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(2);
            for (var node : List.of(dispatcher, second)) {
                pool.execute(() -> {
                    try {
                        start.await();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                        while (pending(ids) > 0 && System.nanoTime() < deadline) {
                            node.dispatchDue();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(40, TimeUnit.SECONDS)).isTrue();
            otherNode.destroy();

            assertThat(pending(ids)).isZero();
            Set<Integer> sessions = new HashSet<>();
            for (int i = 0; i < phones.size(); i++) {
                var received = smsc.receivedBy(phones.get(i));
                assertThat(received).as("messages to " + phones.get(i)).hasSize(1);
                assertThat(received.getFirst().text()).isEqualTo(codeText("%06d".formatted(i)));
                assertThat(rows.row(ids.get(i)).providerId()).isEqualTo(received.getFirst().messageId());
                sessions.add(received.getFirst().session());
            }
            assertThat(sessions).as("both nodes sent some").hasSizeGreaterThanOrEqualTo(2);
        }
    }

    private long pending(List<Long> ids) {
        return jdbc.sql("select count(*) from ntf_outbox where id in (:ids) and status <> 'SENT'")
                .param("ids", ids).query(Long.class).single();
    }

    @Test
    void withoutAnSmscMessagesAreHeldAndLandlinesFail() {
        smpp.target(null);
        long held = queueCode(OutboxRows.phone(), "777777");
        var row = rows.row(held);
        assertThat(row.status()).isEqualTo("HELD");
        assertThat(row.attempts()).isZero();
        dispatcher.dispatchDue();
        assertThat(rows.row(held).status()).isEqualTo("HELD");

        long landline = queueCode("0851-86812345", "777777");
        assertThat(rows.row(landline).status()).isEqualTo("FAILED");
        assertThat(rows.row(landline).lastError()).isEqualTo(Notifications.NOT_A_MOBILE);
        assertThat(rows.row(landline).hasText()).isFalse();
        assertThat(rows.row(landline).recipientMasked()).doesNotContain("86812345");
    }
}
