package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.org.Organisation;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.Rejected;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * The land use application of the report (建设用地审批 at 国土资源厅: promised 12, statutory 60 working days; reviewed
 * by 用地审查处, jointly with 住建厅 and 环保厅, decided by 厅领导), told as it happens.
 *
 * <ol>
 *   <li>29 September 2026: incomplete at the window, one notice lists what is missing.</li>
 *   <li>30 September: the second visit completes it and it is accepted; the promise ends on 22 October, across the
 *       National Day week and counting the make-up Saturday 10 October.</li>
 *   <li>12 October: the reviewer sends it to a 30-working-day expert review; the clock stands still until 23 November,
 *       and the promise moves 30 working days to 3 December.</li>
 *   <li>24 November: the review stage is done and the joint review asks 住建厅 and 环保厅, each by 1 December.</li>
 *   <li>住建厅 vetoes with a reason; 环保厅 stays silent and on 2 December is taken to consent, exactly once.</li>
 *   <li>The head may not decide before acknowledging the reported veto; then decides, and the result is posted.</li>
 * </ol>
 */
@YimenIntegrationTest
class LandUseScenarioTest {

    @Autowired
    Cases cases;
    @Autowired
    CaseSweep sweep;
    @Autowired
    Catalog catalog;
    @Autowired
    Organisation organisation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fromAnIncompleteFirstVisitToTheResultInThePost() {
        ServiceItem landUse = catalog.publishedItem(CaseIntakeIntegrationTests.LAND_USE).orElseThrow();
        List<String> required = landUse.materials().stream().filter(ServiceItem.Material::required)
                .map(ServiceItem.Material::name).toList();
        Officer reviewer = officer("gtzyt.reviewer");
        Officer head = officer("gtzyt.head");
        Officer housing = officer("reviewer1");

        // 29 September: the applicant brings all but the last required material; one notice names it.
        on(2026, 9, 29);
        Case c = cases.submit(new Intake(UUID.randomUUID().toString(), landUse.code(), "GZZWFW", 1,
                new Applicant(Applicant.Kind.ENTERPRISE, "贵州某某置业有限公司", "91520100MA6DLX1X2C",
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), "0851-85281234"),
                required.subList(0, required.size() - 1)));
        Notice notice = cases.issueOneTimeNotice(c.id(), List.of(new NoticeItem(required.getLast(),
                NoticeItem.Problem.MISSING, "")), "");
        assertThat(notice.items()).extracting(NoticeItem::material).containsExactly(required.getLast());

        // 30 September: the second visit completes the materials; accepted, and the review stage goes to its post.
        on(2026, 9, 30);
        cases.supplement(c.id(), List.of(required.getLast()));
        Case accepted = cases.accept(c.id());
        assertThat(accepted.visits()).isEqualTo(2);
        assertThat(accepted.thirdVisit()).isFalse();
        assertThat(accepted.clocks().promisedDue()).isEqualTo(LocalDate.of(2026, 10, 22));
        assertThat(accepted.currentStage()).hasValueSatisfying(stage -> {
            assertThat(stage.name()).isEqualTo("审查");
            assertThat(stage.officerId()).isEqualTo(reviewer.staffId());
            assertThat(stage.actingReason()).isEqualTo("A");
        });

        // 12 October: an expert review of 30 working days stops the clock.
        on(2026, 10, 12);
        Case paused = cases.startSpecialProcedure(c.id(), reviewer, Pause.Procedure.EXPERT_REVIEW,
                "用地规模超过规定标准，组织专家论证", 30);
        assertThat(paused.state()).isEqualTo(CaseState.PAUSED);
        assertThat(paused.pauses().getFirst().expectedEnd()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThatThrownBy(() -> cases.completeStage(c.id(), reviewer, "同意"))
                .isInstanceOf(Rejected.class).hasMessage("cases.transition.notAllowed");

        // 23 November: the review is over; 30 working days were not counted, so the promise moves to 3 December.
        on(2026, 11, 23);
        Case resumed = cases.resume(c.id(), reviewer);
        assertThat(resumed.excludedDays()).isEqualTo(30);
        assertThat(resumed.clocks().promisedDue()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(cases.remaining(resumed.clocks().promisedDue())).isEqualTo(8);

        // 24 November: review done; the joint review asks both consulted departments, each by 1 December.
        on(2026, 11, 24);
        Case joint = cases.completeStage(c.id(), reviewer, "符合土地利用总体规划，建议报会审");
        assertThat(joint.currentStage()).hasValueSatisfying(stage -> assertThat(stage.jointReview()).isTrue());
        assertThat(joint.opinions()).hasSize(2).allSatisfy(o -> {
            assertThat(o.due()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(o.open()).isTrue();
        });

        // 25 November: 住建厅 vetoes, with its reason; the veto is reported before any decision.
        on(2026, 11, 25);
        Case vetoed = cases.answerOpinion(c.id(), housing, Opinion.Answer.VETO, "项目与城市规划道路红线冲突");
        assertThat(vetoed.opinions()).filteredOn(Opinion::vetoPending).hasSize(1);
        assertThat(vetoed.currentStage()).hasValueSatisfying(stage -> assertThat(stage.jointReview()).isTrue());

        // 2 December: 环保厅 stayed silent past its day: consent, recorded once however often the sweep runs.
        on(2026, 12, 2);
        long mark = AuditRecords.head(jdbc);
        sweep.sweep();
        sweep.sweep();
        Case afterSweep = cases.find(c.id()).orElseThrow();
        assertThat(afterSweep.opinions()).filteredOn(o -> o.answer() == Opinion.Answer.DEEMED_CONSENT)
                .singleElement().satisfies(o -> assertThat(o.answeredOn()).isEqualTo(LocalDate.of(2026, 12, 2)));
        assertThat(afterSweep.timeline()).filteredOn(e -> e.kind().equals("deemedConsent")).hasSize(1);
        AuditRecords.assertRecorded(jdbc, mark, "cases.audit.deemedConsent", Cases.TARGET, c.number());
        assertThat(jdbc.sql("select count(*) from audit_record where seq > ? and action = ? and target_id = ?")
                .params(mark, "cases.audit.deemedConsent", c.number()).query(Integer.class).single()).isOne();
        // The joint review is closed, so the decision stage is open, at 厅领导's post.
        assertThat(afterSweep.currentStage()).hasValueSatisfying(stage -> {
            assertThat(stage.name()).isEqualTo("决定");
            assertThat(stage.officerId()).isEqualTo(head.staffId());
        });

        // The head cannot decide past an unacknowledged veto; acknowledges it, then decides.
        assertThatThrownBy(() -> cases.decide(c.id(), head, Decision.Outcome.DISAPPROVED, "", "r", "m"))
                .isInstanceOf(Rejected.class).hasMessage("cases.decide.vetoUnacknowledged");
        long housingDepartment = organisation.departmentByCode("ZJT").orElseThrow().id();
        cases.acknowledgeVeto(c.id(), head, housingDepartment);
        Case decided = cases.decide(c.id(), head, Decision.Outcome.DISAPPROVED, "",
                "住建厅会审否决：项目与城市规划道路红线冲突",
                "如不服本决定，可在六十日内申请行政复议，或在六个月内提起行政诉讼");
        assertThat(decided.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(decided.decision().completedOn()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(decided.decision().deliveryDue()).isEqualTo(LocalDate.of(2026, 12, 16));

        // The decision goes out by post with its tracking number.
        Case delivered = cases.deliver(c.id(), head, Delivery.Method.POST, "EMS 1234567890123");
        assertThat(delivered.state()).isEqualTo(CaseState.DELIVERED);
        assertThat(delivered.timeline()).extracting(TimelineEntry::kind).containsSubsequence("submitted",
                "noticeIssued", "supplemented", "accepted", "stageOpened", "paused", "resumed", "stageCompleted",
                "vetoed", "deemedConsent", "stageOpened", "vetoAcknowledged", "disapproved", "delivered");
    }

    private Officer officer(String username) {
        var staff = organisation.staffByUsername(username).orElseThrow();
        return new Officer(staff.id(), staff.name());
    }

    private void on(int year, int month, int day) {
        clock.set(ZonedDateTime.of(year, month, day, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
    }
}
