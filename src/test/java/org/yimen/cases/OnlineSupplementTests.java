package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.Rejected;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * 网上补正: an online applicant who got a one-time notice uploads the missing material with an SMS code instead of
 * going to a window; the case is back with the office as a new, counted round, and Art. 32's limit runs from the day
 * the supplement arrived. Nobody but the case's phone can do it, and a stranger learns nothing about which cases exist.
 */
@YimenIntegrationTest
class OnlineSupplementTests {

    static final String PASSPORT = ApplyPagesTests.PASSPORT;
    static final String FORM = "中国公民出入境证件申请表";
    static final String ID_CARD = "居民身份证";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    @Autowired
    MockMvc mvc;
    @Autowired
    Cases cases;
    @Autowired
    OnlineSupplements supplements;
    @Autowired
    CaseFiles files;
    @Autowired
    CaseSweep sweep;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    TestClock clock;
    @Autowired
    CaseRules rules;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(int month, int day, int hour, int minute) {
        clock.set(ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, ZoneId.of("Asia/Shanghai")));
    }

    /** Applied online with the form only; the notice asks for the identity card. */
    Case noticedOnline(String phone) {
        Case c = cases.applyOnline(new OnlineApplication(UUID.randomUUID().toString(), PASSPORT, "GZZWFW",
                new Applicant(Applicant.Kind.PERSON, "钱八", null,
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), phone),
                List.of(new CaseFiles.Upload(FORM, "申请表.pdf", OnlineApplicationTests.PDF))), () -> { });
        cases.issueOneTimeNotice(c.id(), List.of(new NoticeItem(ID_CARD, NoticeItem.Problem.MISSING, "")), "");
        return cases.find(c.id()).orElseThrow();
    }

    OnlineSupplements.Proof proven(Case c) {
        return new OnlineSupplements.Proof(c.id(), c.number(), "139****0000", clock.instant().plusSeconds(600));
    }

    String codeSentTo(String phone) {
        byte[] sealed = jdbc.sql("""
                select o.body_sealed from ntf_phone_code c join ntf_outbox o on o.id = c.outbox_id
                where c.phone_index = ? and c.purpose = ? order by c.id desc limit 1""")
                .params(personalData.index(phone), OnlineSupplements.PURPOSE).query(byte[].class).single();
        var matcher = SIX_DIGITS.matcher(personalData.open(sealed));
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    @Test
    void theApplicantUploadsTheMissingMaterialOnlineAndTheCaseIsBackWithTheOffice() throws Exception {
        String phone = ApplyPagesTests.mobile();
        Case c = noticedOnline(phone);
        String last4 = phone.substring(7);

        // The progress page of an online case waiting for materials offers the online supplement.
        mvc.perform(post("/progress").with(csrf()).param("caseNumber", c.number()).param("phoneLast4", last4))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/apply/supplement?caseNumber=" + c.number())));
        mvc.perform(get("/apply/supplement").param("caseNumber", c.number())).andExpect(status().isOk())
                .andExpect(content().string(containsString(c.number())));

        long mark = AuditRecords.head(jdbc);
        mvc.perform(post("/apply/supplement/code").with(csrf()).param("caseNumber", c.number())
                .param("phone", phone)).andExpect(status().isOk())
                .andExpect(content().string(containsString("验证码已发送至 139****")));
        // The proven phone lives in the (shared, JDBC-backed) session the browser's cookie names.
        Cookie session = mvc.perform(post("/apply/supplement/verify").with(csrf()).param("caseNumber", c.number())
                .param("phone", phone).param("smsCode", codeSentTo(phone)))
                .andExpect(redirectedUrl("/apply/supplement")).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/apply/supplement").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(ID_CARD)))
                .andExpect(content().string(containsString("name=\"file_0\"")))
                .andExpect(content().string(containsString("每个文件不超过 " + files.maxMegabytes() + " MB")));

        mvc.perform(multipart("/apply/supplement").file(new MockMultipartFile("file_0", "身份证.png", "image/png",
                OnlineApplicationTests.PNG)).cookie(session).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("补正材料已提交")))
                .andExpect(content().string(containsString(
                        rules.deemedAcceptanceDays() + " 个工作日内未审查的，自今日起视为受理")));

        Case after = cases.find(c.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(after.visits()).as("the upload is the second submission round").isEqualTo(2);
        assertThat(after.materials()).filteredOn(m -> m.name().equals(ID_CARD))
                .singleElement().satisfies(m -> {
                    assertThat(m.received()).isTrue();
                    assertThat(m.broughtOn()).isEqualTo(2);
                });
        assertThat(after.timeline()).filteredOn(e -> e.kind().equals("supplementedOnline")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo(ID_CARD));

        // Staff open the uploaded file like any other.
        var uploaded = files.list(c.id()).stream().filter(f -> f.material().equals(ID_CARD)).findFirst()
                .orElseThrow();
        mvc.perform(get("/cases/{id}/files/{file}", c.id(), uploaded.id()).with(user("clerk").roles("CLERK")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(OnlineApplicationTests.PNG));

        // The citizen reads it on the progress page in plain words, and the proof was used up.
        mvc.perform(post("/progress").with(csrf()).param("caseNumber", c.number()).param("phoneLast4", last4))
                .andExpect(content().string(containsString("申请人网上补正材料：居民身份证")));
        mvc.perform(get("/apply/supplement").cookie(session))
                .andExpect(content().string(containsString("name=\"phone\"")));
        var audited = AuditRecords.assertRecorded(jdbc, mark, "cases.audit.supplementedOnline", Cases.TARGET,
                c.number());
        assertThat(audited.actorType()).isEqualToIgnoringCase("citizen");
        assertThat(audited.actorId()).as("the phone only masked").contains("****").doesNotContain(phone);
    }

    @Test
    void theNextStepOfAnOnlineCaseSaysUploadAndOfAWindowCaseSaysBringThemToTheWindow() throws Exception {
        String online = ApplyPagesTests.mobile();
        Case byPortal = noticedOnline(online);
        mvc.perform(post("/progress").with(csrf()).param("caseNumber", byPortal.number())
                .param("phoneLast4", online.substring(7))).andExpect(status().isOk())
                .andExpect(content().string(containsString("可按一次性告知书在网上上传下列补正材料，无需到窗口；"
                        + "也可以带齐材料到窗口补正")))
                .andExpect(content().string(containsString("/apply/supplement?caseNumber=" + byPortal.number())))
                .andExpect(content().string(not(containsString("请按一次性告知书带齐下列材料到窗口补正"))));

        String atWindow = ApplyPagesTests.mobile();
        Case byWindow = cases.submit(new Intake(UUID.randomUUID().toString(), CaseIntakeIntegrationTests.LAND_USE,
                CaseIntakeIntegrationTests.HALL, 1, new Applicant(Applicant.Kind.PERSON, "孙十", null,
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), atWindow),
                List.of()));
        cases.issueOneTimeNotice(byWindow.id(), byWindow.missingRequired().stream()
                .map(m -> new NoticeItem(m, NoticeItem.Problem.MISSING, "")).toList(), "");
        mvc.perform(post("/progress").with(csrf()).param("caseNumber", byWindow.number())
                .param("phoneLast4", atWindow.substring(7))).andExpect(status().isOk())
                .andExpect(content().string(containsString("请按一次性告知书带齐下列材料到窗口补正")))
                .andExpect(content().string(not(containsString("在网上上传"))))
                .andExpect(content().string(not(containsString("/apply/supplement"))));
    }

    @Test
    void anUnknownNumberAWrongPhoneAndAWrongCodeGetTheSameRefusal() throws Exception {
        String phone = ApplyPagesTests.mobile();
        Case c = noticedOnline(phone);
        mvc.perform(post("/api/apply/supplement/code").contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseNumber\":\"" + c.number() + "\",\"phone\":\"" + phone + "\"}"))
                .andExpect(status().isAccepted());
        String code = codeSentTo(phone);
        String wrongCode = code.equals("000000") ? "111111" : "000000";
        String otherPhone = phone.startsWith("139") ? "138" + phone.substring(3) : "139" + phone.substring(3);
        String unknown = c.number().substring(0, c.number().length() - 6) + "999999";

        String wrongCodeAnswer = refusal(c.number(), phone, wrongCode);
        String wrongPhoneAnswer = refusal(c.number(), otherPhone, code);
        String unknownAnswer = refusal(unknown, phone, code);

        assertThat(wrongCodeAnswer).contains("cases.supplement.refused");
        assertThat(wrongPhoneAnswer).isEqualTo(wrongCodeAnswer);
        assertThat(unknownAnswer).isEqualTo(wrongCodeAnswer);
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.WAITING_FOR_MATERIALS);

        // The right code still works afterwards, through the API.
        mvc.perform(post("/api/apply/supplement").contentType(MediaType.APPLICATION_JSON)
                .content(request(c.number(), phone, code, ID_CARD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"state\":\"SUBMITTED\"")))
                .andExpect(content().string(containsString("\"round\":2")));
    }

    /** The problem details of a refused upload, word for word. */
    String refusal(String number, String phone, String code) throws Exception {
        return mvc.perform(post("/api/apply/supplement").contentType(MediaType.APPLICATION_JSON)
                .content(request(number, phone, code, ID_CARD)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    }

    static String request(String number, String phone, String code, String material) {
        return """
                {"caseNumber":"%s","phone":"%s","smsCode":"%s",
                 "files":[{"material":"%s","fileName":"id.png","content":"%s"}]}"""
                .formatted(number, phone, code, material,
                        Base64.getEncoder().encodeToString(OnlineApplicationTests.PNG));
    }

    @Test
    void aMaterialTheNoticeDidNotAskForIsRefused() {
        Case c = noticedOnline(ApplyPagesTests.mobile());

        assertThatThrownBy(() -> supplements.supplement(proven(c),
                List.of(new CaseFiles.Upload(FORM, "again.pdf", OnlineApplicationTests.PDF))))
                .isInstanceOfSatisfying(Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo("cases.material.unknown");
                    assertThat(r.arguments()).containsExactly(FORM);
                });
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.WAITING_FOR_MATERIALS);
        assertThat(files.list(c.id())).as("nothing kept of a refused upload").hasSize(1);
    }

    @Test
    void aCaseAppliedForAtAWindowCannotBeSupplementedOnline() {
        Case c = cases.submit(new Intake(UUID.randomUUID().toString(), CaseIntakeIntegrationTests.LAND_USE,
                CaseIntakeIntegrationTests.HALL, 1, new Applicant(Applicant.Kind.PERSON, "孙九", null,
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()),
                        ApplyPagesTests.mobile()), List.of()));
        String missing = c.missingRequired().getFirst();
        cases.issueOneTimeNotice(c.id(), c.missingRequired().stream()
                .map(m -> new NoticeItem(m, NoticeItem.Problem.MISSING, "")).toList(), "");

        assertThatThrownBy(() -> supplements.owed(proven(c))).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.code()).isEqualTo("cases.supplement.onlineOnly"));
        assertThatThrownBy(() -> supplements.supplement(proven(c),
                List.of(new CaseFiles.Upload(missing, "x.pdf", OnlineApplicationTests.PDF))))
                .isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("cases.supplement.onlineOnly"));
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.WAITING_FOR_MATERIALS);
    }

    @Test
    void aSecondNoticeAndASecondUploadMakeAThirdRoundWhichIsFlagged() {
        Case c = noticedOnline(ApplyPagesTests.mobile());
        supplements.supplement(proven(c), List.of(new CaseFiles.Upload(ID_CARD, "blurred.png",
                OnlineApplicationTests.PNG)));
        cases.issueOneTimeNotice(c.id(), List.of(new NoticeItem(ID_CARD, NoticeItem.Problem.DEFECTIVE,
                "照片不清晰")), "网上补正的身份证照片无法辨认");

        assertThat(supplements.owed(proven(c)).items()).singleElement()
                .satisfies(i -> assertThat(i.reason()).isEqualTo("照片不清晰"));
        Case third = supplements.supplement(proven(c), List.of(new CaseFiles.Upload(ID_CARD, "clear.png",
                OnlineApplicationTests.PNG)));

        assertThat(third.visits()).isEqualTo(3);
        assertThat(third.thirdVisit()).as("决不让群众跑第三趟 counts online rounds too").isTrue();
    }

    @Test
    void deemedAcceptanceCountsFromTheDayTheSupplementArrived() {
        // Applied Monday 2 November, noticed Tuesday 3, supplemented Thursday 5: the fifth working day after the
        // supplement is Thursday 12 November, where the first submission's would have been Monday 9.
        at(11, 2, 9, 0);
        Case c = noticedOnline(ApplyPagesTests.mobile());
        at(11, 5, 15, 0);
        supplements.supplement(proven(c), List.of(new CaseFiles.Upload(ID_CARD, "id.png",
                OnlineApplicationTests.PNG)));

        at(11, 10, 0, 5);
        sweep.sweep();
        assertThat(cases.find(c.id()).orElseThrow().state()).as("not counted from the first submission")
                .isEqualTo(CaseState.SUBMITTED);
        at(11, 12, 23, 0);
        sweep.sweep();
        assertThat(cases.find(c.id()).orElseThrow().state()).as("on the fifth working day still the office's")
                .isEqualTo(CaseState.SUBMITTED);

        at(11, 13, 0, 5);
        sweep.sweep();
        Case deemed = cases.find(c.id()).orElseThrow();
        assertThat(deemed.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(deemed.deemedAccepted()).isTrue();
        assertThat(deemed.clocks().acceptedOn()).isEqualTo(LocalDate.of(2026, 11, 5));
    }

    @Test
    void aProofThatRanOutIsRefused() {
        Case c = noticedOnline(ApplyPagesTests.mobile());
        var stale = new OnlineSupplements.Proof(c.id(), c.number(), "139****0000", Instant.now(clock).minusSeconds(1));

        assertThatThrownBy(() -> supplements.owed(stale)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.code()).isEqualTo("cases.supplement.proofExpired"));
    }
}
