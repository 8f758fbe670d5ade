package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yimen.calendar.WorkingDayResult;
import org.yimen.catalog.ServiceItem;
import org.yimen.catalog.ServiceItem.Material;
import org.yimen.catalog.ServiceItem.Stage.Kind;
import org.yimen.shared.Rejected;

/**
 * The review rules of a case on their own, on a Monday-to-Friday calendar: stages routed to posts, consent by silence
 * exactly once, a veto blocking the decision until acknowledged, special procedures moving the due dates, the one
 * extension, 容缺 acceptance and its termination, and Art. 32's deemed acceptance.
 */
class CaseReviewTest {

    static final String FORM = "申请表";
    static final String PLAN = "用地方案";
    static final String LICENCE = "营业执照";
    static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);
    static final long HOUSING = 2;
    static final long ENVIRONMENT = 3;

    static final WorkingDayRules WEEKDAYS = new WorkingDayRules() {
        @Override
        public WorkingDayResult dueDate(LocalDate start, int days) {
            return new WorkingDayResult(CaseTest.WEEKDAYS.apply(start, days).due(), true, List.of());
        }

        @Override
        public int count(LocalDate fromExclusive, LocalDate toInclusive) {
            int n = 0;
            for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    n++;
                }
            }
            return n;
        }
    };

    /** Every stage goes to officer 7 of post 70, acting as A. */
    static final Case.Routing ROUTING = new Case.Routing(
            stage -> new ReviewStage.Assignment(70L, 7L, "钱进", "A"), List.of(HOUSING, ENVIRONMENT), 5, WEEKDAYS);

    static ServiceItem item(List<ServiceItem.Stage> stages) {
        return new ServiceItem("T-002", 1, ServiceItem.Status.PUBLISHED, "测试事项", ServiceItem.Type.LICENSING, 1L,
                "", "", "", List.of(material(FORM, true, false), material(PLAN, true, false),
                        material(LICENCE, true, true)),
                stages, List.of(HOUSING, ENVIRONMENT), List.of(), 60, 12, null, List.of(), List.of(), 2, "", "", "", "",
                "", "", List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    static Material material(String name, boolean required, boolean deferrable) {
        return new Material(name, ServiceItem.Form.ORIGINAL, 1, required, "", "", "", deferrable);
    }

    static final List<ServiceItem.Stage> STAGES = List.of(new ServiceItem.Stage("受理", "窗口受理人员", 10, Kind.INTAKE),
            new ServiceItem.Stage("审查", "审核人员", 40, Kind.REVIEW),
            new ServiceItem.Stage("网上会审", "会审部门", 30, Kind.JOINT_REVIEW),
            new ServiceItem.Stage("决定", "部门负责人", 20, Kind.DECISION));

    static Case accepted() {
        Case c = Case.submit(1, "H-20260601-000001", item(STAGES), List.of(FORM, PLAN, LICENCE));
        c.accept(MONDAY, 12, 60, CaseTest.WEEKDAYS);
        c.advance("窗口", MONDAY, ROUTING);
        return c;
    }

    @Test
    void acceptanceCompletesTheIntakeStageAndHandsTheNextToTheOfficerActingForItsPost() {
        Case c = accepted();

        assertThat(c.stages().getFirst().completed()).isTrue();
        assertThat(c.currentStage()).hasValueSatisfying(st -> {
            assertThat(st.name()).isEqualTo("审查");
            assertThat(st.officerId()).isEqualTo(7L);
            assertThat(st.postId()).isEqualTo(70L);
        });
        assertThat(c.opinions()).isEmpty();
    }

    @Test
    void aJointReviewStageIsKnownByItsKindWhateverItsRoleIsCalled() {
        var renamed = List.of(new ServiceItem.Stage("受理", "窗口受理人员", 10, Kind.INTAKE),
                new ServiceItem.Stage("审查", "审核人员", 40, Kind.REVIEW),
                new ServiceItem.Stage("联合审查", "住建、环保联审", 30, Kind.JOINT_REVIEW),
                new ServiceItem.Stage("决定", "部门负责人", 20, Kind.DECISION));
        Case c = Case.submit(1, "H-20260601-000002", item(renamed), List.of(FORM, PLAN, LICENCE));
        c.accept(MONDAY, 12, 60, CaseTest.WEEKDAYS);
        c.advance("窗口", MONDAY, ROUTING);

        c.completeStage("钱进", "同意", MONDAY, ROUTING);

        assertThat(c.currentStage()).hasValueSatisfying(st -> {
            assertThat(st.name()).isEqualTo("联合审查");
            assertThat(st.jointReview()).isTrue();
            assertThat(st.officerId()).as("the consulted departments answer, no officer").isNull();
        });
        assertThat(c.opinions()).extracting(Opinion::departmentId).containsExactly(HOUSING, ENVIRONMENT);
    }

    @Test
    void aReviewStageGoesToAnOfficerEvenIfItsRoleReadsLikeTheJointReview() {
        var review = List.of(new ServiceItem.Stage("受理", "窗口受理人员", 10, Kind.INTAKE),
                new ServiceItem.Stage("审查", "会审部门", 70, Kind.REVIEW),
                new ServiceItem.Stage("决定", "部门负责人", 30, Kind.DECISION));
        Case c = Case.submit(1, "H-20260601-000003", item(review), List.of(FORM, PLAN, LICENCE));
        c.accept(MONDAY, 12, 60, CaseTest.WEEKDAYS);
        c.advance("窗口", MONDAY, ROUTING);

        assertThat(c.currentStage()).hasValueSatisfying(st -> {
            assertThat(st.name()).isEqualTo("审查");
            assertThat(st.jointReview()).isFalse();
            assertThat(st.officerId()).isEqualTo(7L);
        });
    }

    @Test
    void theJointReviewAsksEveryConsultedDepartmentWithItsOwnDeadline() {
        Case c = accepted();

        c.completeStage("钱进", "同意", MONDAY.plusDays(1), ROUTING);

        assertThat(c.currentStage()).hasValueSatisfying(st -> assertThat(st.jointReview()).isTrue());
        assertThat(c.opinions()).extracting(Opinion::departmentId).containsExactly(HOUSING, ENVIRONMENT);
        assertThat(c.opinions()).allSatisfy(o -> assertThat(o.due()).isEqualTo(LocalDate.of(2026, 6, 9)));
        assertThatThrownBy(() -> c.completeStage("钱进", "同意", MONDAY, ROUTING)).isInstanceOf(Rejected.class)
                .hasMessage("cases.stage.jointReviewOpen");
    }

    @Test
    void silencePastTheDeadlineIsConsentOnceAndTheDecisionStageOpens() {
        Case c = accepted();
        c.completeStage("钱进", "同意", MONDAY, ROUTING);
        c.answerOpinion(HOUSING, Opinion.Answer.CONSENT, "", "韩冬", MONDAY, ROUTING);

        assertThat(c.opinions()).allSatisfy(o -> assertThat(o.due()).isEqualTo(LocalDate.of(2026, 6, 8)));
        assertThat(c.deemSilentConsent(LocalDate.of(2026, 6, 8), ROUTING)).as("the due day itself still counts")
                .isEmpty();
        assertThat(c.deemSilentConsent(LocalDate.of(2026, 6, 9), ROUTING)).containsExactly(ENVIRONMENT);
        assertThat(c.deemSilentConsent(LocalDate.of(2026, 6, 10), ROUTING)).isEmpty();

        assertThat(c.opinions()).filteredOn(o -> o.answer() == Opinion.Answer.DEEMED_CONSENT).hasSize(1);
        assertThat(c.atDecision()).isTrue();
        assertThat(c.currentStage()).hasValueSatisfying(st -> assertThat(st.name()).isEqualTo("决定"));
    }

    @Test
    void aVetoNeedsAReasonIsReportedAndBlocksTheDecisionUntilAcknowledged() {
        Case c = accepted();
        c.completeStage("钱进", "同意", MONDAY, ROUTING);
        assertThatThrownBy(() -> c.answerOpinion(HOUSING, Opinion.Answer.VETO, " ", "韩冬", MONDAY, ROUTING))
                .isInstanceOf(Rejected.class).hasMessage("cases.opinion.vetoReason");

        c.answerOpinion(HOUSING, Opinion.Answer.VETO, "与规划冲突", "韩冬", MONDAY, ROUTING);
        c.answerOpinion(ENVIRONMENT, Opinion.Answer.CONSENT, "", "曹颖", MONDAY, ROUTING);

        assertThat(c.drainEvents()).filteredOn(VetoReported.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((VetoReported) e).reason()).isEqualTo("与规划冲突"));
        assertThatThrownBy(() -> c.decide(Decision.Outcome.DISAPPROVED, "", "否决", "复议", "赵", MONDAY, WEEKDAYS, 10))
                .isInstanceOf(Rejected.class).hasMessage("cases.decide.vetoUnacknowledged");
        c.acknowledgeVeto(HOUSING, "赵", MONDAY);
        Decision d = c.decide(Decision.Outcome.DISAPPROVED, "", "否决", "复议", "赵", MONDAY, WEEKDAYS, 10);
        assertThat(d.deliveryDue()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(c.state()).isEqualTo(CaseState.COMPLETED);
    }

    @Test
    void theDecisionWaitsForEveryConsultedDepartmentAndForEarlierStages() {
        Case c = accepted();
        assertThatThrownBy(() -> c.decide(Decision.Outcome.APPROVED, "X1", "", "", "赵", MONDAY, WEEKDAYS, 10))
                .isInstanceOf(Rejected.class).hasMessage("cases.decide.stagesOpen");
        c.completeStage("钱进", "同意", MONDAY, ROUTING);
        assertThatThrownBy(() -> c.decide(Decision.Outcome.APPROVED, "X1", "", "", "赵", MONDAY, WEEKDAYS, 10))
                .isInstanceOf(Rejected.class).hasMessage("cases.decide.opinionsOpen");
    }

    @Test
    void anApprovalNeedsItsDocumentNumberAndARefusalItsReasonsAndRemedies() {
        Case c = accepted();
        c.completeStage("钱进", "同意", MONDAY, ROUTING);
        c.answerOpinion(HOUSING, Opinion.Answer.CONSENT, "", "韩冬", MONDAY, ROUTING);
        c.answerOpinion(ENVIRONMENT, Opinion.Answer.CONSENT, "", "曹颖", MONDAY, ROUTING);

        assertThatThrownBy(() -> c.decide(Decision.Outcome.APPROVED, " ", "", "", "赵", MONDAY, WEEKDAYS, 10))
                .isInstanceOf(Rejected.class).hasMessage("cases.decide.resultNumberRequired");
        assertThatThrownBy(() -> c.decide(Decision.Outcome.DISAPPROVED, "", "理由", "", "赵", MONDAY, WEEKDAYS, 10))
                .isInstanceOf(Rejected.class).hasMessage("cases.decide.remediesRequired");
        c.decide(Decision.Outcome.APPROVED, "黔许〔2026〕1号", "", "", "赵", MONDAY, WEEKDAYS, 10);

        assertThatThrownBy(() -> c.deliver(Delivery.Method.POST, "", MONDAY)).isInstanceOf(Rejected.class)
                .hasMessage("cases.deliver.referenceRequired");
        c.deliver(Delivery.Method.POST, "EMS 1", MONDAY);
        assertThat(c.state()).isEqualTo(CaseState.DELIVERED);
    }

    @Test
    void aSpecialProcedureMovesBothDueDatesByTheWorkingDaysItTook() {
        Case c = accepted();
        LocalDate promised = c.clocks().promisedDue();
        LocalDate statutory = c.clocks().statutoryDue();

        Pause p = c.startSpecialProcedure(Pause.Procedure.TESTING, "样品送检", 3, LocalDate.of(2026, 6, 3), WEEKDAYS);
        assertThat(p.expectedEnd()).isEqualTo(LocalDate.of(2026, 6, 8));
        assertThatThrownBy(() -> c.completeStage("钱进", "同意", MONDAY, ROUTING)).isInstanceOf(Rejected.class)
                .hasMessage("cases.transition.notAllowed");
        // Resumed the next Wednesday: Thursday to Wednesday is five working days not counted.
        Pause ended = c.resume(LocalDate.of(2026, 6, 10), WEEKDAYS);

        assertThat(ended.excludedDays()).isEqualTo(5);
        assertThat(c.clocks().promisedDue()).isEqualTo(WEEKDAYS.add(promised, 5));
        assertThat(c.clocks().statutoryDue()).isEqualTo(WEEKDAYS.add(statutory, 5));
        assertThat(c.state()).isEqualTo(CaseState.ACCEPTED);
    }

    @Test
    void aProcedureResumedTheDayItStartedMovesNothing() {
        Case c = accepted();
        LocalDate promised = c.clocks().promisedDue();
        c.startSpecialProcedure(Pause.Procedure.HEARING, "听证", 5, MONDAY, WEEKDAYS);
        c.resume(MONDAY, WEEKDAYS);
        assertThat(c.clocks().promisedDue()).isEqualTo(promised);
    }

    @Test
    void oneExtensionOnlyAndOnlyOnceApproved() {
        Case c = accepted();
        LocalDate promised = c.clocks().promisedDue();
        assertThatThrownBy(() -> c.approveExtension("赵", MONDAY, WEEKDAYS)).isInstanceOf(Rejected.class)
                .hasMessage("cases.extension.nonePending");

        c.requestExtension(10, "需现场核查", "钱进");
        assertThat(c.clocks().promisedDue()).as("nothing moves before approval").isEqualTo(promised);
        c.approveExtension("赵", MONDAY, WEEKDAYS);

        assertThat(c.clocks().promisedDue()).isEqualTo(WEEKDAYS.add(promised, 10));
        assertThatThrownBy(() -> c.requestExtension(10, "再延", "钱进")).isInstanceOf(Rejected.class)
                .hasMessage("cases.extension.once");
        assertThatThrownBy(() -> c.approveExtension("赵", MONDAY, WEEKDAYS)).isInstanceOf(Rejected.class)
                .hasMessage("cases.extension.nonePending");
    }

    @Test
    void deferredAcceptanceOnlyForDeferrableMaterialsAndTerminatedWhenThePledgeLapses() {
        Case notDeferrable = Case.submit(2, "H-2", item(STAGES), List.of(FORM, LICENCE));
        assertThatThrownBy(() -> notDeferrable.acceptWithDeferral("承诺", 5, MONDAY, 12, 60, WEEKDAYS))
                .isInstanceOf(Rejected.class).hasMessage("cases.deferral.notDeferrable");
        Case complete = Case.submit(3, "H-3", item(STAGES), List.of(FORM, PLAN, LICENCE));
        assertThatThrownBy(() -> complete.acceptWithDeferral("承诺", 5, MONDAY, 12, 60, WEEKDAYS))
                .isInstanceOf(Rejected.class).hasMessage("cases.deferral.nothingMissing");

        Case c = Case.submit(4, "H-4", item(STAGES), List.of(FORM, PLAN));
        assertThatThrownBy(() -> c.acceptWithDeferral(" ", 5, MONDAY, 12, 60, WEEKDAYS))
                .isInstanceOf(Rejected.class).hasMessage("cases.deferral.pledgeRequired");
        c.acceptWithDeferral("本人承诺五个工作日内补交营业执照", 5, MONDAY, 12, 60, WEEKDAYS);

        assertThat(c.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(c.pledge().due()).isEqualTo(LocalDate.of(2026, 6, 8));
        assertThat(c.deferredMaterials()).containsExactly(LICENCE);
        assertThat(c.terminateIfPledgeMissed(LocalDate.of(2026, 6, 8))).isFalse();
        assertThat(c.terminateIfPledgeMissed(LocalDate.of(2026, 6, 9))).isTrue();
        assertThat(c.state()).isEqualTo(CaseState.TERMINATED);
        assertThat(c.terminateIfPledgeMissed(LocalDate.of(2026, 6, 10))).as("once").isFalse();
    }

    @Test
    void deferredMaterialsHandedInKeepThePledgeAndTheCaseGoesOn() {
        Case c = Case.submit(5, "H-5", item(STAGES), List.of(FORM, PLAN));
        c.acceptWithDeferral("承诺", 5, MONDAY, 12, 60, WEEKDAYS);
        assertThatThrownBy(() -> c.supplyDeferred(List.of(FORM))).isInstanceOf(Rejected.class)
                .hasMessage("cases.deferral.notAwaited");

        c.supplyDeferred(List.of(LICENCE));

        assertThat(c.deferredMaterials()).isEmpty();
        assertThat(c.terminateIfPledgeMissed(LocalDate.of(2026, 6, 30))).isFalse();
    }

    @Test
    void anUnexaminedOnlineApplicationCountsAsAcceptedFromTheDayItArrived() {
        Case window = Case.submit(6, "H-6", item(STAGES), List.of(FORM, PLAN, LICENCE));
        assertThatThrownBy(() -> window.deemAccepted(MONDAY, 12, 60, WEEKDAYS)).isInstanceOf(Rejected.class)
                .hasMessage("cases.deemed.onlineOnly");

        Case online = Case.submit(7, "H-7", item(STAGES), List.of(FORM, PLAN), Case.Channel.ONLINE);
        online.deemAccepted(MONDAY, 12, 60, WEEKDAYS);

        assertThat(online.deemedAccepted()).isTrue();
        assertThat(online.clocks().acceptedOn()).isEqualTo(MONDAY);
        assertThat(online.clocks().promisedDue()).isEqualTo(LocalDate.of(2026, 6, 17));
    }
}
