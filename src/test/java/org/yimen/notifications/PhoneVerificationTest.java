package org.yimen.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.notifications.NotificationsProperties.LongMessages;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.Rejected;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/** 短信验证码: a citizen proves a mobile number by typing back the code it was sent. */
@YimenIntegrationTest
class PhoneVerificationTest {

    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    @Autowired
    PhoneVerification verification;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    SmppGateway smpp;
    @Autowired
    PersonalData personalData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TestClock clock;

    String phone;
    String address;
    OutboxRows rows;

    @BeforeEach
    void setUp() {
        // Early in an hour, so the hourly limits are not split by a window boundary while the test moves the clock.
        clock.set(ZonedDateTime.of(2031, 3, 3, 10, 0, 5, 0, ZoneId.of("Asia/Shanghai"))
                .plusDays(ThreadLocalRandom.current().nextInt(3000)));
        phone = OutboxRows.phone();
        address = "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + (1 + ThreadLocalRandom.current()
                .nextInt(254));
        rows = new OutboxRows(jdbc);
    }

    @AfterEach
    void tearDown() {
        smpp.resetTarget();
        clock.reset();
    }

    /** The code in the newest message to a phone, read the way only the dispatcher does. */
    String codeSentTo(String number) {
        byte[] sealed = jdbc.sql("""
                select o.body_sealed from ntf_phone_code c join ntf_outbox o on o.id = c.outbox_id
                where c.phone_index = ? order by c.id desc limit 1""")
                .param(personalData.index(number)).query(byte[].class).single();
        var matcher = SIX_DIGITS.matcher(personalData.open(sealed));
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    long outboxOf(String number) {
        return jdbc.sql("select outbox_id from ntf_phone_code where phone_index = ? order by id desc limit 1")
                .param(personalData.index(number)).query(Long.class).single();
    }

    static String wrong(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }

    Rejected refusal(String code) {
        return catchThrowableOfType(Rejected.class, () -> verification.verify(phone, "progress", code, address));
    }

    @Test
    void theCodeSentByShortMessageProvesThePhoneOnce() {
        try (var smsc = InProcessSmsc.start()) {
            smpp.target(smsc.settings(LongMessages.UDH));
            long mark = AuditRecords.head(jdbc);

            var issued = verification.issue(" +86 " + phone, "progress", address);
            assertThat(issued.maskedPhone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
            dispatcher.dispatchDue();
            long message = outboxOf(phone);
            rows.awaitStatus(message, "SENT");

            var texts = smsc.textsTo(phone);
            assertThat(texts).hasSize(1);
            var matcher = SIX_DIGITS.matcher(texts.getFirst());
            assertThat(matcher.find()).isTrue();
            String code = matcher.group();
            assertThat(texts.getFirst()).contains("5 分钟内有效");
            assertThat(rows.row(message).hasText()).as("the code's text is dropped once sent").isFalse();
            String stored = jdbc.sql("select code_hash from ntf_phone_code where outbox_id = ?").param(message)
                    .query(String.class).single();
            assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(code);

            verification.verify(phone, "progress", code, address);
            assertThat(refusal(code).code()).as("used once").isEqualTo(PhoneVerification.REJECTED);

            var issuedRecord = AuditRecords.since(jdbc, mark).stream()
                    .filter(r -> r.action().equals("notifications.audit.codeIssued")).toList();
            assertThat(issuedRecord).singleElement().satisfies(r -> {
                assertThat(r.actorType()).isEqualTo("CITIZEN");
                assertThat(r.detail()).contains(issued.maskedPhone()).doesNotContain(phone).doesNotContain(code);
            });
            assertThat(AuditRecords.since(jdbc, mark)).filteredOn(r -> r.action()
                    .equals("notifications.audit.codeVerified")).singleElement()
                    .satisfies(r -> assertThat(r.detail()).doesNotContain(phone));
        }
    }

    @Test
    void wrongExpiredUsedAndNeverSentCodesGetOneAndTheSameRefusal() {
        Rejected never = refusal("123456");
        verification.issue(phone, "progress", address);
        String code = codeSentTo(phone);
        Rejected wrong = refusal(wrong(code));
        clock.advance(Duration.ofMinutes(5));
        Rejected expired = refusal(code);

        for (Rejected r : new Rejected[] {never, wrong, expired}) {
            assertThat(r.kind()).isEqualTo(Rejected.Kind.INVALID);
            assertThat(r.code()).isEqualTo(PhoneVerification.REJECTED);
            assertThat(r.field()).isEqualTo("code");
            assertThat(r.arguments()).isEmpty();
        }
        dispatcher.dispatchDue();
        assertThat(rows.row(outboxOf(phone)).hasText()).as("an expired code's text is dropped").isFalse();
    }

    @Test
    void fiveWrongTriesBurnTheCode() {
        verification.issue(phone, "progress", address);
        String code = codeSentTo(phone);
        for (int i = 0; i < 4; i++) {
            assertThat(refusal(wrong(code))).isNotNull();
        }
        String other = OutboxRows.phone();
        verification.issue(other, "progress", address);
        String otherCode = codeSentTo(other);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> verification.verify(other, "progress", "abc", address))
                    .isInstanceOf(Rejected.class);
        }
        verification.verify(other, "progress", otherCode, address);

        assertThat(refusal(wrong(code))).isNotNull();
        assertThat(refusal(code)).as("burnt after the fifth wrong try").isNotNull();
    }

    @Test
    void aWrongTryCountsEvenWhenTheCallersTransactionRollsBack() {
        verification.issue(phone, "progress", address);
        String code = codeSentTo(phone);
        var tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            assertThat(refusal(wrong(code))).isNotNull();
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select attempts from ntf_phone_code where phone_index = ? and closed_at is null")
                .param(personalData.index(phone)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNewCodeReplacesTheOldOneAndCodesAreKeptApartByPurpose() {
        verification.issue(phone, "progress", address);
        String first = codeSentTo(phone);
        clock.advance(Duration.ofSeconds(61));
        verification.issue(phone, "progress", address);
        String second = codeSentTo(phone);
        assertThat(refusal(first)).isNotNull();
        assertThatThrownBy(() -> verification.verify(phone, "feedback", second, address))
                .isInstanceOf(Rejected.class);
        verification.verify(phone, "progress", second, address);
    }

    @Test
    void codesAreLimitedPerPhoneAndPerClientAddress() {
        verification.issue(phone, "progress", address);
        var again = catchThrowableOfType(Rejected.class, () -> verification.issue(phone, "progress", address));
        assertThat(again.kind()).as("one code a minute").isEqualTo(Rejected.Kind.TOO_MANY_REQUESTS);
        for (int i = 2; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            verification.issue(phone, "progress", "10.78.0." + i);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(catchThrowableOfType(Rejected.class, () -> verification.issue(phone, "progress", "10.78.1.1"))
                .kind()).as("five an hour").isEqualTo(Rejected.Kind.TOO_MANY_REQUESTS);

        String busy = "10.79." + ThreadLocalRandom.current().nextInt(256) + ".9";
        for (int i = 0; i < 20; i++) {
            verification.issue(OutboxRows.phone(), "progress", busy);
        }
        assertThat(catchThrowableOfType(Rejected.class, () -> verification.issue(OutboxRows.phone(), "progress",
                busy)).kind()).as("twenty an hour from one address").isEqualTo(Rejected.Kind.TOO_MANY_REQUESTS);
    }

    @Test
    void somethingThatIsNoMobileNumberIsRefusedNamingTheField() {
        var refused = catchThrowableOfType(Rejected.class,
                () -> verification.issue("0851-86812345", "progress", address));
        assertThat(refused.field()).isEqualTo("phone");
        assertThat(refused.code()).isEqualTo("notifications.code.phoneInvalid");
    }
}
