package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/** E-mails leave the outbox for a real SMTP server: GreenMail, started on a free port by each test. */
@YimenIntegrationTest
class EmailDeliveryTest {

    @Autowired
    Notifications notifications;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    SmtpGateway smtp;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
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
        smtp.resetTarget();
        clock.reset();
    }

    static JavaMailSenderImpl mailSender(int port) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return sender;
    }

    long queue(String address) {
        Long id = tx.execute(s -> notifications.email("test.email", address, "notifications.test.subject",
                "notifications.test.body", "王管理员"));
        return id == null ? 0 : id;
    }

    @Test
    void anEmailReachesTheSmtpServerWithItsChineseSubjectAndText() throws Exception {
        var greenMail = new GreenMail(new ServerSetup(InProcessSmsc.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            smtp.target(mailSender(greenMail.getSmtp().getPort()));
            long id = queue(" Li.Ming@Example.CN ");
            assertThat(rows.row(id).recipientMasked()).isEqualTo("L***@example.cn");

            dispatcher.dispatchDue();
            var sent = rows.awaitStatus(id, "SENT");

            assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
            MimeMessage mail = greenMail.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("Li.Ming@example.cn");
            assertThat(mail.getSubject()).isEqualTo(messages.getMessage("notifications.test.subject", null,
                    Notifications.LANGUAGE));
            assertThat(String.valueOf(mail.getContent()).strip()).isEqualTo(messages.getMessage(
                    "notifications.test.body", new Object[] {"王管理员"}, Notifications.LANGUAGE));
            assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("yimen@localhost");
            assertThat(sent.providerId()).isEqualTo(mail.getMessageID());
            assertThat(sent.hasText()).as("an ordinary message keeps its text").isTrue();
        } finally {
            greenMail.stop();
        }
    }

    @Test
    void whileTheMailServerIsDownTheEmailWaitsForTheNextTry() {
        smtp.target(mailSender(InProcessSmsc.freePort()));
        long id = queue("citizen@example.cn");
        dispatcher.dispatchDue();
        var row = rows.awaitAttempts(id, 1);
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.lastError()).contains("connection failed").doesNotContain("citizen@example.cn");
    }

    @Test
    void withoutAMailServerTheEmailIsHeldAndAMalformedAddressFails() {
        smtp.target(null);
        assertThat(rows.row(queue("citizen@example.cn")).status()).isEqualTo("HELD");
        var malformed = rows.row(queue("citizen at example"));
        assertThat(malformed.status()).isEqualTo("FAILED");
        assertThat(malformed.lastError()).isEqualTo(Notifications.NOT_AN_EMAIL_ADDRESS);
        assertThat(malformed.hasText()).as("nothing that can never be sent is kept").isFalse();
    }
}
