package org.yimen.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.yimen.catalog.GuideDraft.FeeRow;
import org.yimen.catalog.GuideDraft.MaterialRow;
import org.yimen.catalog.GuideDraft.ProcedureRow;
import org.yimen.catalog.GuideDraft.StageRow;
import org.yimen.catalog.GuidePolicy.Problem;
import org.yimen.catalog.ServiceItem.Channel;
import org.yimen.catalog.ServiceItem.Form;
import org.yimen.catalog.ServiceItem.Stage.Kind;
import org.yimen.catalog.ServiceItem.Type;

/** The guide policy rule by rule: each rule names the field at fault, and a complete guide passes. */
class GuidePolicyTest {

    private final GuidePolicy policy = new GuidePolicy(Set.of("GTZYT", "ZJT", "HBT"));

    static GuideDraft complete() {
        return new GuideDraft("T-001", "建设用地审批", Type.LICENSING, "GTZYT", "《中华人民共和国土地管理法》第四十四条",
                "符合土地利用总体规划", "受理 → 审查 → 决定",
                List.of(new MaterialRow("建设用地呈报说明书", Form.ORIGINAL, 2, true, "", "", "", false)),
                List.of(new StageRow("受理", "窗口", 10, Kind.INTAKE),
                        new StageRow("审查", "审核人员", 60, Kind.REVIEW), new StageRow("决定", "负责人", 30, Kind.DECISION)),
                List.of("ZJT"), List.of(new ProcedureRow("听证", "《中华人民共和国行政许可法》第四十六条", false)),
                60, 12, null, List.of(new FeeRow("证照费", "工本费", "", "每证 10 元", false, "计价格〔1994〕783号")),
                List.of(Channel.WINDOW), 1, "政务服务中心", "工作日", "0851-85280001", "12345", "受理回执", "用地",
                List.of());
    }

    private List<Problem> check(GuideDraft draft) {
        return policy.check(draft);
    }

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(p -> p.field() + " " + p.code()).toList();
    }

    @Test
    void aCompleteGuidePasses() {
        assertThat(check(complete())).isEmpty();
    }

    @Test
    void thePromisedLimitMayEqualButNotExceedTheStatutoryOne() {
        var d = complete();
        assertThat(check(with(d, 60, 60))).isEmpty();
        var problems = check(with(d, 20, 21));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("promisedDays");
            assertThat(p.code()).isEqualTo("catalog.validation.promisedOverStatutory");
            assertThat(p.arguments()).containsExactly(21, 20);
        });
    }

    @Test
    void zeroDaysIsHandledOnTheSpotAndNegativeDaysAreRefused() {
        assertThat(check(with(complete(), 0, 0))).isEmpty();
        assertThat(fields(check(with(complete(), -1, 0))))
                .containsExactly("statutoryDays catalog.validation.days");
    }

    @Test
    void aGuideNeedsAtLeastOneMaterial() {
        var d = complete();
        var none = new GuideDraft(d.code(), d.name(), d.type(), d.departmentCode(), d.legalBasis(), d.conditions(),
                d.procedure(), List.of(), d.stages(), d.consultedDepartmentCodes(), d.specialProcedures(),
                d.statutoryDays(), d.promisedDays(), d.extensionDays(), d.fees(), d.channels(), d.maxVisits(),
                d.place(), d.hours(),
                d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(), d.themes());
        assertThat(fields(check(none))).containsExactly("materials catalog.validation.noMaterial");
    }

    @Test
    void aPaperMaterialNeedsAtLeastOneCopyAnElectronicOneNone() {
        var paper = withMaterial(new MaterialRow("申请表", Form.COPY, 0, true, "", "", "", false));
        assertThat(fields(check(paper))).containsExactly("materials[0].copies catalog.validation.copies");
        var electronic = withMaterial(new MaterialRow("电子文本", Form.ELECTRONIC, 0, true, "", "", "", false));
        assertThat(check(electronic)).isEmpty();
    }

    @Test
    void aFeeNeedsALegalBasisUnlessItIsFree() {
        var charged = withFee(new FeeRow("证照费", "工本费", "", "每证 10 元", false, " "));
        assertThat(fields(check(charged))).containsExactly("fees[0].legalBasis catalog.validation.feeBasis");
        var free = withFee(new FeeRow("不收费", "查询", "", "", true, ""));
        assertThat(check(free)).isEmpty();
    }

    @Test
    void stageSharesAddUpToAHundred() {
        var short_ = withStages(List.of(new StageRow("受理", "窗口", 10, Kind.INTAKE),
                new StageRow("审查", "审核", 60, Kind.REVIEW)));
        var problems = check(short_);
        assertThat(fields(problems)).containsExactly("stages catalog.validation.sharesTotal");
        assertThat(problems.getFirst().arguments()).containsExactly(70);
        assertThat(check(withStages(List.of()))).as("no stages at all is allowed (即办)").isEmpty();
        assertThat(fields(check(withStages(List.of(new StageRow("受理", "窗口", null, Kind.INTAKE))))))
                .containsExactly("stages[0].sharePercent catalog.validation.share");
    }

    @Test
    void anExtensionIsOneToSixtyWorkingDaysOrEmptyForTheStatutoryOne() {
        assertThat(check(withExtension(null))).isEmpty();
        assertThat(check(withExtension(1))).isEmpty();
        assertThat(check(withExtension(60))).isEmpty();
        assertThat(fields(check(withExtension(0)))).containsExactly("extensionDays catalog.validation.extensionDays");
        var tooLong = check(withExtension(61));
        assertThat(fields(tooLong)).containsExactly("extensionDays catalog.validation.extensionDays");
        assertThat(tooLong.getFirst().arguments()).containsExactly(60);
    }

    @Test
    void theOneIntakeStageComesFirst() {
        assertThat(fields(check(withStages(stages(Kind.INTAKE, Kind.INTAKE, Kind.DECISION)))))
                .containsExactly("stages[1].kind catalog.validation.stageKind.secondIntake");
        assertThat(fields(check(withStages(stages(Kind.REVIEW, Kind.INTAKE, Kind.DECISION)))))
                .containsExactly("stages[0].kind catalog.validation.stageKind.intakeFirst",
                        "stages[1].kind catalog.validation.stageKind.intakeFirst");
        assertThat(fields(check(withStages(stages(Kind.REVIEW, Kind.DECISION)))))
                .containsExactly("stages[0].kind catalog.validation.stageKind.intakeFirst");
        assertThat(check(withStages(stages(Kind.INTAKE)))).as("intake alone, as for a filing").isEmpty();
    }

    @Test
    void aDecisionStageComesLastIfThereIsOne() {
        assertThat(fields(check(withStages(stages(Kind.INTAKE, Kind.DECISION, Kind.REVIEW)))))
                .containsExactly("stages[1].kind catalog.validation.stageKind.decisionLast");
        assertThat(fields(check(withStages(stages(Kind.INTAKE, Kind.DECISION, Kind.DECISION)))))
                .containsExactly("stages[1].kind catalog.validation.stageKind.decisionLast");
        assertThat(check(withStages(stages(Kind.INTAKE, Kind.REVIEW)))).isEmpty();
    }

    @Test
    void atMostOneJointReviewAndOnlyWithDepartmentsToConsult() {
        assertThat(check(withStages(stages(Kind.INTAKE, Kind.REVIEW, Kind.JOINT_REVIEW, Kind.DECISION)))).isEmpty();
        assertThat(fields(check(withStages(stages(Kind.INTAKE, Kind.JOINT_REVIEW, Kind.JOINT_REVIEW,
                Kind.DECISION))))).containsExactly("stages[2].kind catalog.validation.stageKind.secondJointReview");
        var d = withStages(stages(Kind.INTAKE, Kind.JOINT_REVIEW, Kind.DECISION));
        var nobody = new GuideDraft(d.code(), d.name(), d.type(), d.departmentCode(), d.legalBasis(),
                d.conditions(), d.procedure(), d.materials(), d.stages(), List.of(), d.specialProcedures(),
                d.statutoryDays(), d.promisedDays(), d.extensionDays(), d.fees(), d.channels(), d.maxVisits(),
                d.place(), d.hours(), d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(),
                d.themes());
        assertThat(fields(check(nobody))).containsExactly("stages[1].kind catalog.validation.stageKind.nobodyToConsult");
    }

    @Test
    void everyStageSaysWhatKindItIs() {
        var rows = List.of(new StageRow("受理", "窗口", 10, Kind.INTAKE), new StageRow("审查", "审核", 90, null));
        assertThat(fields(check(withStages(rows)))).containsExactly("stages[1].kind catalog.validation.required");
    }

    @Test
    void requiredFieldsAreNamedOneByOne() {
        var empty = new GuideDraft(null, " ", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(check(empty))).contains("code catalog.validation.required",
                "name catalog.validation.required", "type catalog.validation.required",
                "departmentCode catalog.validation.required", "legalBasis catalog.validation.required",
                "conditions catalog.validation.required", "place catalog.validation.required",
                "hours catalog.validation.required", "consultationPhone catalog.validation.required",
                "complaintPhone catalog.validation.required", "statutoryDays catalog.validation.required",
                "promisedDays catalog.validation.required", "maxVisits catalog.validation.required",
                "channels catalog.validation.noChannel", "materials catalog.validation.noMaterial");
    }

    @Test
    void codesAreLettersDigitsAndDashes() {
        assertThat(fields(check(complete().withCode("建设 001"))))
                .containsExactly("code catalog.validation.code");
    }

    @Test
    void departmentsMustExistAndTheLeadingOneIsNotConsulted() {
        var d = complete();
        var wrong = new GuideDraft(d.code(), d.name(), d.type(), "NOPE", d.legalBasis(), d.conditions(),
                d.procedure(), d.materials(), d.stages(), List.of("GTZYT", "XX"), d.specialProcedures(),
                d.statutoryDays(), d.promisedDays(), d.extensionDays(), d.fees(), d.channels(), d.maxVisits(),
                d.place(), d.hours(),
                d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(), d.themes());
        assertThat(fields(check(wrong))).containsExactly("departmentCode catalog.validation.unknownDepartment",
                "consultedDepartmentCodes catalog.validation.unknownDepartment");
        var own = new GuideDraft(d.code(), d.name(), d.type(), d.departmentCode(), d.legalBasis(), d.conditions(),
                d.procedure(), d.materials(), d.stages(), List.of("GTZYT"), d.specialProcedures(),
                d.statutoryDays(), d.promisedDays(), d.extensionDays(), d.fees(), d.channels(), d.maxVisits(),
                d.place(), d.hours(),
                d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(), d.themes());
        assertThat(fields(check(own))).containsExactly("consultedDepartmentCodes catalog.validation.ownDepartment");
    }

    @Test
    void aSpecialProcedureNamesItsLegalBasis() {
        var d = complete();
        var noBasis = new GuideDraft(d.code(), d.name(), d.type(), d.departmentCode(), d.legalBasis(),
                d.conditions(), d.procedure(), d.materials(), d.stages(), d.consultedDepartmentCodes(),
                List.of(new ProcedureRow("专家评审", "", false)), d.statutoryDays(), d.promisedDays(), d.extensionDays(),
                d.fees(),
                d.channels(), d.maxVisits(), d.place(), d.hours(), d.consultationPhone(), d.complaintPhone(),
                d.resultPickup(), d.keywords(), d.themes());
        assertThat(fields(check(noBasis))).containsExactly("specialProcedures[0].legalBasis catalog.validation.required");
    }

    @Test
    void codesAreUniqueWithinABatch() {
        var codes = new ArrayList<String>(List.of("A-1", "B-2", "A-1"));
        codes.add(null);
        var problems = GuidePolicy.codesAreUnique(codes, "items");
        assertThat(fields(problems)).containsExactly("items[2].code catalog.validation.codeRepeated");
        assertThat(problems.getFirst().arguments()).containsExactly("A-1", 1);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var d = complete();
        var bad = new GuideDraft(d.code(), d.name(), d.type(), d.departmentCode(), d.legalBasis(), d.conditions(),
                d.procedure(), List.of(), List.of(new StageRow("受理", "窗口", 50, Kind.INTAKE)), List.of(), List.of(), 10,
                11,
                null, List.of(new FeeRow("证照费", "工本费", "", "10 元", false, "")), d.channels(), d.maxVisits(),
                d.place(), d.hours(), d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(),
                d.themes());
        assertThat(fields(check(bad))).containsExactlyInAnyOrder("promisedDays catalog.validation.promisedOverStatutory",
                "materials catalog.validation.noMaterial", "fees[0].legalBasis catalog.validation.feeBasis",
                "stages catalog.validation.sharesTotal");
    }

    @Test
    void emptyFormRowsAreDroppedBeforeTheCheck() {
        var withBlanks = complete().withBlankRows(2);
        assertThat(withBlanks.materials()).hasSize(3);
        assertThat(check(withBlanks.withoutBlankRows())).isEmpty();
    }

    private static GuideDraft with(GuideDraft d, int statutory, int promised) {
        return new GuideDraft(d.code(), d.name(), d.type(), d.departmentCode(), d.legalBasis(), d.conditions(),
                d.procedure(), d.materials(), d.stages(), d.consultedDepartmentCodes(), d.specialProcedures(),
                statutory, promised, d.extensionDays(), d.fees(), d.channels(), d.maxVisits(), d.place(), d.hours(),
                d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(), d.themes());
    }

    private static GuideDraft withMaterial(MaterialRow material) {
        var d = complete();
        return new GuideDraft(d.code(), d.name(), d.type(), d.departmentCode(), d.legalBasis(), d.conditions(),
                d.procedure(), List.of(material), d.stages(), d.consultedDepartmentCodes(), d.specialProcedures(),
                d.statutoryDays(), d.promisedDays(), d.extensionDays(), d.fees(), d.channels(), d.maxVisits(),
                d.place(), d.hours(),
                d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(), d.themes());
    }

    private static GuideDraft withFee(FeeRow fee) {
        var d = complete();
        return new GuideDraft(d.code(), d.name(), d.type(), d.departmentCode(), d.legalBasis(), d.conditions(),
                d.procedure(), d.materials(), d.stages(), d.consultedDepartmentCodes(), d.specialProcedures(),
                d.statutoryDays(), d.promisedDays(), d.extensionDays(), List.of(fee), d.channels(), d.maxVisits(),
                d.place(), d.hours(),
                d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(), d.themes());
    }

    /** Stages of the given kinds whose shares add up to 100. */
    private static List<StageRow> stages(Kind... kinds) {
        var rows = new ArrayList<StageRow>();
        for (int i = 0; i < kinds.length; i++) {
            int share = i < kinds.length - 1 ? 10 : 100 - 10 * (kinds.length - 1);
            rows.add(new StageRow("环节" + i, "岗位" + i, share, kinds[i]));
        }
        return rows;
    }

    private static GuideDraft withExtension(@Nullable Integer days) {
        var d = complete();
        return new GuideDraft(d.code(), d.name(), d.type(), d.departmentCode(), d.legalBasis(), d.conditions(),
                d.procedure(), d.materials(), d.stages(), d.consultedDepartmentCodes(), d.specialProcedures(),
                d.statutoryDays(), d.promisedDays(), days, d.fees(), d.channels(), d.maxVisits(), d.place(),
                d.hours(), d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(), d.themes());
    }

    private static GuideDraft withStages(List<StageRow> stages) {
        var d = complete();
        return new GuideDraft(d.code(), d.name(), d.type(), d.departmentCode(), d.legalBasis(), d.conditions(),
                d.procedure(), d.materials(), stages, d.consultedDepartmentCodes(), d.specialProcedures(),
                d.statutoryDays(), d.promisedDays(), d.extensionDays(), d.fees(), d.channels(), d.maxVisits(),
                d.place(), d.hours(),
                d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(), d.themes());
    }
}
