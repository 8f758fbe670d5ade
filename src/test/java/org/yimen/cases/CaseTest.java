package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;
import org.yimen.calendar.WorkingDayResult;
import org.yimen.catalog.ServiceItem;
import org.yimen.catalog.ServiceItem.Material;
import org.yimen.shared.Rejected;

/** The intake rules of a case on their own: acceptance and its clocks, the one-time notice, visits, refusal. */
class CaseTest {

    static final String FORM = "申请表";
    static final String PLAN = "用地方案";
    static final String MAP = "勘测定界图";
    static final String OPTIONAL = "委托书";

    /** Monday to Friday, no holidays: enough to test the rule, the real calendar is tested with the application. */
    static final BiFunction<LocalDate, Integer, WorkingDayResult> WEEKDAYS = (start, days) -> {
        LocalDate d = start;
        for (int i = 0; i < days; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                i++;
            }
        }
        return new WorkingDayResult(d, d.getYear() < 2027, d.getYear() < 2027 ? List.of() : List.of(2027));
    };

    static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);

    static ServiceItem item(int promised, int statutory) {
        return new ServiceItem("T-001", 3, ServiceItem.Status.PUBLISHED, "测试事项", ServiceItem.Type.LICENSING, 7L,
                "", "", "", List.of(material(FORM, true), material(PLAN, true), material(MAP, true),
                        material(OPTIONAL, false)),
                List.of(), List.of(), List.of(), statutory, promised, null, List.of(), List.of(), 2, "", "", "", "",
                "", "", List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    static Material material(String name, boolean required) {
        return new Material(name, ServiceItem.Form.ORIGINAL, 1, required, "", "", "", false);
    }

    static Case submitted(String... received) {
        return Case.submit(1, "H-20260601-000001", item(12, 60), List.of(received));
    }

    @Test
    void completeMaterialsAreAcceptedWithBothClocksCountedFromTheNextWorkingDay() {
        Case c = submitted(FORM, PLAN, MAP);

        c.accept(MONDAY, 12, 60, WEEKDAYS);

        assertThat(c.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(c.itemVersion()).isEqualTo(3);
        assertThat(c.clocks().promisedDue()).isEqualTo(LocalDate.of(2026, 6, 17));
        assertThat(c.clocks().statutoryDue()).isEqualTo(LocalDate.of(2026, 8, 24));
        assertThat(c.clocks().published()).isTrue();
        assertThat(c.drainEvents()).hasSize(2).first().isInstanceOf(CaseAccepted.class);
    }

    @Test
    void anOnTheSpotItemIsDueTheDayItIsAccepted() {
        Case c = submitted(FORM, PLAN, MAP);

        c.accept(MONDAY, 0, 5, WEEKDAYS);

        assertThat(c.clocks().promisedDue()).isEqualTo(MONDAY);
    }

    @Test
    void dueDatesInAYearWithoutAPublishedScheduleAreFlagged() {
        Case c = submitted(FORM, PLAN, MAP);

        c.accept(LocalDate.of(2026, 12, 1), 12, 60, WEEKDAYS);

        assertThat(c.clocks().published()).isFalse();
    }

    @Test
    void incompleteMaterialsCannotBeAccepted() {
        Case c = submitted(FORM);

        assertThatThrownBy(() -> c.accept(MONDAY, 12, 60, WEEKDAYS)).isInstanceOf(Rejected.class)
                .hasMessage("cases.accept.incomplete");
        assertThat(c.state()).isEqualTo(CaseState.SUBMITTED);
    }

    @Test
    void theOneTimeNoticeMustListEveryMissingMaterial() {
        Case c = submitted(FORM);

        assertThatThrownBy(() -> c.issueOneTimeNotice(List.of(missing(PLAN)), "", MONDAY))
                .isInstanceOf(Rejected.class).hasMessage("cases.notice.mustListEveryMissing");
    }

    @Test
    void aNoticeListsMissingAndDefectiveMaterialsAndTheCaseWaits() {
        Case c = submitted(FORM, PLAN);

        Notice notice = c.issueOneTimeNotice(List.of(missing(MAP),
                new NoticeItem(FORM, NoticeItem.Problem.DEFECTIVE, "缺少盖章")), "", MONDAY);

        assertThat(c.state()).isEqualTo(CaseState.WAITING_FOR_MATERIALS);
        assertThat(notice.items()).extracting(NoticeItem::material).containsExactly(FORM, MAP);
        assertThat(notice.flagged()).isFalse();
        assertThat(c.missingRequired()).containsExactly(FORM, MAP);
    }

    @Test
    void completedOnTheSecondVisitTheCaseIsAcceptedAndNotFlagged() {
        Case c = submitted(FORM, PLAN);
        c.issueOneTimeNotice(List.of(missing(MAP)), "", MONDAY);

        c.supplement(List.of(MAP), Instant.EPOCH);
        c.accept(MONDAY.plusDays(1), 12, 60, WEEKDAYS);

        assertThat(c.visits()).isEqualTo(2);
        assertThat(c.thirdVisit()).isFalse();
        assertThat(c.state()).isEqualTo(CaseState.ACCEPTED);
    }

    @Test
    void aSecondNoticeAboutMaterialsNotJustSuppliedIsRefused() {
        Case c = submitted(FORM, PLAN);
        c.issueOneTimeNotice(List.of(missing(MAP)), "", MONDAY);
        c.supplement(List.of(MAP), Instant.EPOCH);

        assertThatThrownBy(() -> c.issueOneTimeNotice(
                List.of(new NoticeItem(FORM, NoticeItem.Problem.DEFECTIVE, "忘了说")), "补充说明", MONDAY))
                .isInstanceOf(Rejected.class).hasMessage("cases.notice.onlyOnce");
        assertThat(c.notices()).hasSize(1);
    }

    @Test
    void aSecondNoticeAboutNewlySuppliedMaterialsNeedsAReasonAndIsFlagged() {
        Case c = submitted(FORM, PLAN);
        c.issueOneTimeNotice(List.of(missing(MAP)), "", MONDAY);
        c.supplement(List.of(MAP), Instant.EPOCH);
        var defect = List.of(new NoticeItem(MAP, NoticeItem.Problem.DEFECTIVE, "图件比例尺不符"));

        assertThatThrownBy(() -> c.issueOneTimeNotice(defect, " ", MONDAY)).isInstanceOf(Rejected.class)
                .hasMessage("cases.notice.secondNeedsReason");
        Notice second = c.issueOneTimeNotice(defect, "新提交的图件不符合要求", MONDAY);

        assertThat(second.number()).isEqualTo(2);
        assertThat(second.flagged()).isTrue();
        assertThat(c.secondNotice()).isTrue();
    }

    @Test
    void aCaseThatNeedsAThirdVisitIsFlagged() {
        Case c = submitted(FORM, PLAN);
        c.issueOneTimeNotice(List.of(missing(MAP)), "", MONDAY);
        c.supplement(List.of(MAP), Instant.EPOCH);
        c.issueOneTimeNotice(List.of(new NoticeItem(MAP, NoticeItem.Problem.DEFECTIVE, "比例尺")), "新材料有误", MONDAY);

        c.supplement(List.of(MAP), Instant.EPOCH);

        assertThat(c.visits()).isEqualTo(3);
        assertThat(c.thirdVisit()).isTrue();
    }

    @Test
    void aRefusalNeedsReasonAndRemediesAndOutsideTheRemitNamesTheCompetentDepartment() {
        assertThatThrownBy(() -> new Refusal(Refusal.Kind.NOT_ACCEPTED, "不符合条件", "", null))
                .isInstanceOf(Rejected.class).hasMessage("cases.refusal.remediesRequired");
        assertThatThrownBy(() -> new Refusal(Refusal.Kind.OUTSIDE_REMIT, "不属本部门职权", "", null))
                .isInstanceOf(Rejected.class).hasMessage("cases.refusal.competentDepartmentRequired");
        Case c = submitted(FORM);

        c.refuse(new Refusal(Refusal.Kind.OUTSIDE_REMIT, "不属本部门职权", "", 9L), MONDAY);

        assertThat(c.state()).isEqualTo(CaseState.REFUSED);
        assertThat(c.refusal().competentDepartmentId()).isEqualTo(9L);
    }

    @Test
    void illegalTransitionsAreRefusedNamingTheCurrentState() {
        Case c = submitted(FORM, PLAN, MAP);
        c.accept(MONDAY, 12, 60, WEEKDAYS);

        assertThatThrownBy(() -> c.refuse(new Refusal(Refusal.Kind.NOT_ACCEPTED, "r", "m", null), MONDAY))
                .isInstanceOfSatisfying(Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo("cases.transition.notAllowed");
                    assertThat(r.arguments()).extracting(a -> ((MessageSourceResolvable) a).getCodes()[0])
                            .containsExactly("cases.action.refuse", "cases.state.ACCEPTED");
                });
        assertThatThrownBy(() -> c.supplement(List.of(MAP), Instant.EPOCH)).isInstanceOf(Rejected.class)
                .hasMessage("cases.transition.notAllowed");
    }

    @Test
    void materialsTheGuideDoesNotListAreRefused() {
        assertThatThrownBy(() -> submitted(FORM, "别的材料")).isInstanceOf(Rejected.class)
                .hasMessage("cases.material.unknown");
    }

    static NoticeItem missing(String material) {
        return new NoticeItem(material, NoticeItem.Problem.MISSING, "");
    }
}
