package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.org.Organisation;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.Rejected;
import org.yimen.shared.StaffIdentity;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * Review as officers meet it in the pages and the API: the work queue, the stage only its acting officer may complete,
 * refusals as problem details, the printed notices, the citizen's timeline, and two officers acting at once.
 */
@YimenIntegrationTest
class CaseReviewWebTests {

    static final String PHONE = "13908517788";

    @Autowired
    MockMvc mvc;
    @Autowired
    Cases cases;
    @Autowired
    Catalog catalog;
    @Autowired
    Organisation organisation;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A signed-in member of staff as the pages see them. */
    RequestPostProcessor as(String username, String role) {
        var staff = organisation.staffByUsername(username).orElseThrow();
        StaffIdentity identity = new StaffIdentity() {
            @Override
            public long staffId() {
                return staff.id();
            }

            @Override
            public String displayName() {
                return staff.name();
            }
        };
        var token = new TestingAuthenticationToken(identity, null, "ROLE_" + role);
        return authentication(token);
    }

    Officer officer(String username) {
        var staff = organisation.staffByUsername(username).orElseThrow();
        return new Officer(staff.id(), staff.name());
    }

    Case acceptedLandUse() {
        clock.set(ZonedDateTime.of(2026, 11, 16, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        ServiceItem landUse = catalog.publishedItem(CaseIntakeIntegrationTests.LAND_USE).orElseThrow();
        List<String> required = landUse.materials().stream().filter(ServiceItem.Material::required)
                .map(ServiceItem.Material::name).toList();
        Case c = cases.submit(new Intake(UUID.randomUUID().toString(), landUse.code(), "GZZWFW", 1,
                new Applicant(Applicant.Kind.PERSON, "王五", null,
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), PHONE), required));
        return cases.accept(c.id());
    }

    @Test
    void theReviewerFindsTheCaseInTheQueueAndCompletesTheStageOnTheCasePage() throws Exception {
        Case c = acceptedLandUse();

        mvc.perform(get("/cases/work").with(as("gtzyt.reviewer", "REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(c.number())));
        mvc.perform(get("/cases/work").with(as("reviewer1", "REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(c.number()))));
        mvc.perform(get("/cases/{id}", c.id()).with(as("gtzyt.reviewer", "REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("钱进")))
                .andExpect(content().string(not(containsString(PHONE))));

        mvc.perform(post("/cases/{id}/stage", c.id()).with(as("gtzyt.reviewer", "REVIEWER")).with(csrf())
                        .param("opinion", "符合规划"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases/" + c.id()));

        Case joint = cases.find(c.id()).orElseThrow();
        assertThat(joint.currentStage()).hasValueSatisfying(st -> assertThat(st.jointReview()).isTrue());
        // Now 住建厅's reviewer has the opinion to give.
        mvc.perform(get("/cases/work").with(as("reviewer1", "REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(c.number())));
    }

    @Test
    void onlyTheActingOfficerMayCompleteTheStageAndRefusalsAreProblemDetails() throws Exception {
        Case c = acceptedLandUse();

        mvc.perform(post("/api/cases/{id}/stage", c.id()).with(as("head1", "DEPT_HEAD")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"同意\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("钱进")));
        mvc.perform(post("/api/cases/{id}/decision", c.id()).with(as("gtzyt.reviewer", "REVIEWER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"APPROVED\",\"resultNumber\":\"X\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/cases/{id}/stage", c.id()).with(as("gtzyt.reviewer", "REVIEWER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"同意\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.opinions.length()").value(2));
        mvc.perform(post("/api/cases/{id}/opinion", c.id()).with(as("hbt.reviewer", "REVIEWER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"VETO\",\"reason\":\" \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/cases/{id}/opinion", c.id()).with(as("gat.reviewer", "REVIEWER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"CONSENT\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/cases/{id}", c.id()).with(as("gtzyt.reviewer", "REVIEWER")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.maskedPhone").value(not(containsString(PHONE))));
    }

    @Test
    void aVetoIsReportedToSupervisionAndToTheHeadsQueueUntilAcknowledged() throws Exception {
        Case c = acceptedLandUse();
        cases.completeStage(c.id(), officer("gtzyt.reviewer"), "同意");
        cases.answerOpinion(c.id(), officer("reviewer1"), Opinion.Answer.VETO, "与城市规划冲突");

        mvc.perform(get("/cases").param("flag", "VETO").with(as("supervisor1", "SUPERVISOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(c.number())));
        mvc.perform(get("/cases/work").with(as("gtzyt.head", "DEPT_HEAD")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(c.number())));

        cases.acknowledgeVeto(c.id(), officer("gtzyt.head"), organisation.departmentByCode("ZJT").orElseThrow().id());

        mvc.perform(get("/cases").param("flag", "VETO").with(as("supervisor1", "SUPERVISOR")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(c.number()))));
    }

    @Test
    void aRefusalPrintsItsNoticeAndTheListShowsWorkingDaysLeft() throws Exception {
        Case open = acceptedLandUse();
        mvc.perform(get("/cases").with(as("supervisor1", "SUPERVISOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("剩 12 个工作日")));

        ServiceItem landUse = catalog.publishedItem(CaseIntakeIntegrationTests.LAND_USE).orElseThrow();
        Case c = cases.submit(new Intake(UUID.randomUUID().toString(), landUse.code(), "GZZWFW", 1,
                new Applicant(Applicant.Kind.PERSON, "吴九", null,
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), PHONE), List.of()));
        cases.refuse(c.id(), new Refusal(Refusal.Kind.NOT_ACCEPTED, "用地不符合土地利用总体规划",
                "可在六十日内申请行政复议", null));

        mvc.perform(get("/cases/{id}/documents/refusal", c.id()).with(as("clerk1", "CLERK")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不予受理通知书")))
                .andExpect(content().string(containsString("用地不符合土地利用总体规划")))
                .andExpect(content().string(containsString("第三十二条")));
        mvc.perform(get("/cases/{id}/documents/refusal", open.id()).with(as("clerk1", "CLERK")))
                .andExpect(status().isNotFound());
    }

    @Test
    void noticesPrintOnceTheyExistAndTheCitizenReadsThePlainHistory() throws Exception {
        Case c = acceptedLandUse();
        mvc.perform(get("/cases/{id}/documents/pause", c.id()).with(as("gtzyt.reviewer", "REVIEWER")))
                .andExpect(status().isNotFound());

        cases.startSpecialProcedure(c.id(), officer("gtzyt.reviewer"), Pause.Procedure.EXPERT_REVIEW,
                "组织专家论证", 10);

        mvc.perform(get("/cases/{id}/documents/pause", c.id()).with(as("gtzyt.reviewer", "REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("专家评审")))
                .andExpect(content().string(containsString("第四十五条")));
        mvc.perform(post("/progress").with(csrf()).param("caseNumber", c.number()).param("phoneLast4", "7788"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("启动特殊程序：专家评审")))
                .andExpect(content().string(containsString("进入审查环节：审查")))
                .andExpect(content().string(not(containsString("钱进"))));
    }

    @Test
    void twoOfficersActingOnOneCaseAtOnceOneWinsTheOtherIsToldAndNothingIsHalfWritten() throws Exception {
        Case c = acceptedLandUse();
        Officer reviewer = officer("gtzyt.reviewer");
        int attempts = 6;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                    cases.completeStage(c.id(), reviewer, "同意");
                    won.incrementAndGet();
                } catch (Rejected r) {
                    refusals.add(r.code());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();

        assertThat(won.get()).isOne();
        assertThat(refusals).hasSize(attempts - 1)
                .allMatch(code -> code.equals("cases.concurrentChange") || code.equals("cases.stage.jointReviewOpen"));
        Case after = cases.find(c.id()).orElseThrow();
        assertThat(after.timeline()).filteredOn(e -> e.kind().equals("stageCompleted")).hasSize(1);
        assertThat(after.opinions()).hasSize(2);
    }

    @Test
    void silenceBecomesConsentExactlyOnceWhenTwoNodesSweepAtTheSameMoment() {
        Case c = acceptedLandUse();
        cases.completeStage(c.id(), officer("gtzyt.reviewer"), "同意");
        // The opinions were due 5 working days after 16 November; on 24 November both are late.
        clock.set(ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger deemed = new AtomicInteger();
        List<CompletableFuture<Void>> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                    deemed.addAndGet(cases.deemSilentConsent(c.id()).size());
                } catch (Rejected changedMeanwhile) {
                    // the other node's sweep won
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).join();

        assertThat(deemed.get()).isEqualTo(2);
        Case after = cases.find(c.id()).orElseThrow();
        assertThat(after.opinions()).allMatch(o -> o.answer() == Opinion.Answer.DEEMED_CONSENT);
        assertThat(after.timeline()).filteredOn(e -> e.kind().equals("deemedConsent")).hasSize(2);
        assertThat(after.atDecision()).isTrue();
    }
}
