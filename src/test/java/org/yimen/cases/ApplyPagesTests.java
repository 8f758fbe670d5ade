package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.yimen.privacy.PersonalData;
import org.yimen.support.YimenIntegrationTest;

/**
 * A citizen applies on the portal without an account: proves the phone with the SMS code, uploads the materials and
 * gets the case number on the page and by SMS; a wrong code or a file that is not what it claims creates nothing.
 */
@YimenIntegrationTest
class ApplyPagesTests {

    static final String PASSPORT = "GAT-CRJ-001";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    CaseRules rules;
    @Autowired
    CaseFiles files;

    static String mobile() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    String codeSentTo(String phone) {
        byte[] sealed = jdbc.sql("""
                select o.body_sealed from ntf_phone_code c join ntf_outbox o on o.id = c.outbox_id
                where c.phone_index = ? order by c.id desc limit 1""")
                .param(personalData.index(phone)).query(byte[].class).single();
        var matcher = SIX_DIGITS.matcher(personalData.open(sealed));
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    MockMultipartHttpServletRequestBuilder application(String phone, String code, byte[] applicationForm) {
        var builder = multipart("/apply/{code}", PASSPORT);
        builder.file(new MockMultipartFile("file_0", "申请表.pdf", "application/pdf", applicationForm))
                .file(new MockMultipartFile("file_1", "身份证.jpg", "image/jpeg",
                        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}))
                .param("key", UUID.randomUUID().toString()).param("hallCode", "GZZWFW")
                .param("applicantKind", "PERSON").param("applicantName", "孙七")
                .param("documentType", "RESIDENT_ID_CARD")
                .param("documentNumber", CaseIntakeIntegrationTests.idNumber())
                .param("phone", phone).param("smsCode", code);
        return builder;
    }

    long cases() {
        return jdbc.sql("select count(*) from case_application where channel = 'ONLINE'").query(Long.class).single();
    }

    @Test
    void aCitizenAppliesWithTheCodeTheirPhoneReceivedAndGetsTheCaseNumber() throws Exception {
        String phone = mobile();
        mvc.perform(get("/apply/{code}", PASSPORT)).andExpect(status().isOk())
                .andExpect(content().string(containsString("中国公民出入境证件申请表")));
        mvc.perform(post("/apply/{code}/code", PASSPORT).with(csrf()).param("phone", phone))
                .andExpect(status().isOk()).andExpect(content().string(containsString("验证码已发送至 139****")));

        String page = mvc.perform(application(phone, codeSentTo(phone), OnlineApplicationTests.PDF).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("申请已提交")))
                .andReturn().getResponse().getContentAsString();

        var number = Pattern.compile("GZZWFW-\\d{8}-\\d{6,}").matcher(page);
        assertThat(number.find()).isTrue();
        assertThat(jdbc.sql("select channel from case_application where case_number = ?").param(number.group())
                .query(String.class).single()).isEqualTo("ONLINE");
        assertThat(jdbc.sql("select count(*) from case_file f join case_application c on c.id = f.case_id"
                + " where c.case_number = ?").param(number.group()).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from ntf_outbox where category = 'cases.applied' and recipient_index = ?")
                .param(personalData.index(phone)).query(Long.class).single()).isOne();
    }

    @Test
    void theApplyPageStatesTheLimitsTheSettingsGive() throws Exception {
        mvc.perform(get("/apply/{code}", PASSPORT)).andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        rules.deemedAcceptanceDays() + " 个工作日内未审查的，自收到之日视为受理")))
                .andExpect(content().string(containsString("每个文件不超过 " + files.maxMegabytes() + " MB")));
    }

    @Test
    void aWrongCodeOrADisguisedFileCreatesNothingAndTheFormSaysWhy() throws Exception {
        String phone = mobile();
        mvc.perform(post("/apply/{code}/code", PASSPORT).with(csrf()).param("phone", phone))
                .andExpect(status().isOk());
        String code = codeSentTo(phone);
        long before = cases();

        mvc.perform(application(phone, code, "MZ not a pdf".getBytes()).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("申请表.pdf")))
                .andExpect(content().string(containsString("不是 PDF、JPEG 或 PNG")));
        String wrong = code.equals("000000") ? "111111" : "000000";
        mvc.perform(application(phone, wrong, OnlineApplicationTests.PDF).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("申请已提交"))));
        assertThat(cases()).isEqualTo(before);

        // The bad file did not use up the code: with the right file and code the application goes through.
        mvc.perform(application(phone, code, OnlineApplicationTests.PDF).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("申请已提交")));
        assertThat(cases()).isEqualTo(before + 1);
    }
}
