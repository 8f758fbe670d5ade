package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.Rejected;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * The applicant hears of the case by SMS (三告知), written to the outbox with the change; and follows the case with a
 * code sent to the phone on the case instead of its last digits.
 */
@YimenIntegrationTest
class CaseMessagesTests {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    @Autowired
    Cases cases;
    @Autowired
    ProgressQuery progress;
    @Autowired
    Catalog catalog;
    @Autowired
    PersonalData personalData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Case accepted(String phone) {
        clock.set(ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        ServiceItem landUse = catalog.publishedItem(CaseIntakeIntegrationTests.LAND_USE).orElseThrow();
        List<String> required = landUse.materials().stream().filter(ServiceItem.Material::required)
                .map(ServiceItem.Material::name).toList();
        Case c = cases.submit(new Intake(UUID.randomUUID().toString(), landUse.code(), "GZZWFW", 1,
                new Applicant(Applicant.Kind.PERSON, "周八", null,
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), phone), required));
        return cases.accept(c.id());
    }

    List<String> messagesTo(String phone) {
        return jdbc.sql("""
                select message_key || ':' || status from ntf_outbox where recipient_index = ? order by id""")
                .param(personalData.index(phone)).query(String.class).list();
    }

    String newestText(String phone) {
        byte[] body = jdbc.sql("select body_sealed from ntf_outbox where recipient_index = ? order by id desc limit 1")
                .param(personalData.index(phone)).query(byte[].class).single();
        return personalData.open(body);
    }

    static String mobile() {
        return "137" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void acceptanceIsAnnouncedWithThePromisedDateInTheSameTransaction() {
        String phone = mobile();
        Case c = accepted(phone);

        assertThat(messagesTo(phone)).containsExactly("cases.sms.accepted:HELD");
        assertThat(newestText(phone)).contains(c.number()).contains("2026-10-22");
    }

    @Test
    void aLandlineOnTheCaseNeverStopsTheChange() {
        Case c = accepted("0851-85281234");
        assertThat(c.state()).isEqualTo(CaseState.ACCEPTED);
    }

    @Test
    void theCitizenFollowsTheCaseWithACodeSentToItsPhone() {
        String phone = mobile();
        Case c = accepted(phone);

        progress.sendCode(c.number(), "10.9.8.7");
        byte[] sealed = jdbc.sql("""
                select o.body_sealed from ntf_phone_code p join ntf_outbox o on o.id = p.outbox_id
                where p.phone_index = ? order by p.id desc limit 1""")
                .param(personalData.index(phone)).query(byte[].class).single();
        var code = SIX_DIGITS.matcher(personalData.open(sealed));
        assertThat(code.find()).isTrue();

        assertThatThrownBy(() -> progress.lookupByCode(c.number(), code.group().equals("000000") ? "111111" : "000000",
                "10.9.8.7", "page")).isInstanceOf(Rejected.class).hasMessage(ProgressQuery.CODE_REFUSED);
        ProgressView view = progress.lookupByCode(c.number(), code.group(), "10.9.8.7", "page");
        assertThat(view.caseNumber()).isEqualTo(c.number());
        assertThat(view.state()).isEqualTo(CaseState.ACCEPTED);
    }

    @Test
    void anUnknownNumberGetsTheSameAnswersAsAWrongCode() {
        long before = jdbc.sql("select count(*) from ntf_phone_code").query(Long.class).single();
        progress.sendCode("GZZWFW-20260930-999999", "10.9.8.6");
        assertThat(jdbc.sql("select count(*) from ntf_phone_code").query(Long.class).single()).isEqualTo(before);
        assertThatThrownBy(() -> progress.lookupByCode("GZZWFW-20260930-999999", "123456", "10.9.8.6", "page"))
                .isInstanceOf(Rejected.class).hasMessage(ProgressQuery.CODE_REFUSED);
    }
}
