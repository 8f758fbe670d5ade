package org.yimen.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yimen.catalog.ServiceItem.Form;
import org.yimen.catalog.ServiceItem.Stage.Kind;

/**
 * What a guide must say before it may be stored (行政许可法 Art. 30: basis, conditions, materials, time limit and fees
 * are public, so none may be missing or contradict another). Returns every problem at once, each naming its field, so
 * a form or an import report can show them all; it refuses nothing itself.
 */
final class GuidePolicy {

    /** One thing wrong with a guide: the field at fault (a path such as {@code fees[1].legalBasis}) and a message key. */
    record Problem(String field, String code, List<Object> arguments) {

        Problem {
            arguments = List.copyOf(arguments);
        }

        static Problem of(String field, String code, Object... arguments) {
            return new Problem(field, code, List.of(arguments));
        }

        Problem under(String prefix) {
            return new Problem(prefix + "." + field, code, arguments);
        }
    }

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    static final int LONG_TEXT = 4000;
    /** The longest extension a guide may set; longer ones are typing errors, not what any regulation allows. */
    static final int MAX_EXTENSION_DAYS = 60;

    private final Set<String> departmentCodes;

    /** @param departmentCodes the departments that exist, which a guide may name */
    GuidePolicy(Set<String> departmentCodes) {
        this.departmentCodes = Set.copyOf(departmentCodes);
    }

    List<Problem> check(GuideDraft draft) {
        List<Problem> problems = new ArrayList<>();
        requiredFieldsArePresent(draft, problems);
        promisedLimitIsWithinStatutory(draft, problems);
        extensionIsWithinTheLimit(draft, problems);
        atLeastOneMaterial(draft, problems);
        feesHaveALegalBasisUnlessFree(draft, problems);
        stageSharesAddUpToAHundred(draft, problems);
        stageKindsFollowTheCase(draft, problems);
        specialProceduresNameTheirBasis(draft, problems);
        consultedDepartmentsExist(draft, problems);
        return List.copyOf(problems);
    }

    /** Codes are unique: a batch (an import file) may not name the same item twice with the same status. */
    static List<Problem> codesAreUnique(List<String> codes, String listName) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (GuideDraft.isBlank(code)) {
                continue;
            }
            Integer earlier = first.putIfAbsent(code.strip(), i);
            if (earlier != null) {
                problems.add(Problem.of(listName + "[" + i + "].code", "catalog.validation.codeRepeated", code,
                        earlier + 1));
            }
        }
        return problems;
    }

    void requiredFieldsArePresent(GuideDraft d, List<Problem> problems) {
        if (GuideDraft.isBlank(d.code())) {
            problems.add(Problem.of("code", "catalog.validation.required"));
        } else if (!CODE.matcher(d.code().strip()).matches()) {
            problems.add(Problem.of("code", "catalog.validation.code"));
        }
        required("name", d.name(), problems);
        if (d.type() == null) {
            problems.add(Problem.of("type", "catalog.validation.required"));
        }
        if (GuideDraft.isBlank(d.departmentCode())) {
            problems.add(Problem.of("departmentCode", "catalog.validation.required"));
        } else if (!departmentCodes.contains(d.departmentCode().strip())) {
            problems.add(Problem.of("departmentCode", "catalog.validation.unknownDepartment", d.departmentCode()));
        }
        required("legalBasis", d.legalBasis(), problems);
        required("conditions", d.conditions(), problems);
        required("place", d.place(), problems);
        required("hours", d.hours(), problems);
        required("consultationPhone", d.consultationPhone(), problems);
        required("complaintPhone", d.complaintPhone(), problems);
        days("statutoryDays", d.statutoryDays(), problems);
        days("promisedDays", d.promisedDays(), problems);
        days("maxVisits", d.maxVisits(), problems);
        if (d.channels() == null || d.channels().isEmpty()) {
            problems.add(Problem.of("channels", "catalog.validation.noChannel"));
        }
        tooLong("name", d.name(), 200, problems);
        tooLong("legalBasis", d.legalBasis(), LONG_TEXT, problems);
        tooLong("conditions", d.conditions(), LONG_TEXT, problems);
        tooLong("procedure", d.procedure(), LONG_TEXT, problems);
        tooLong("consultationPhone", d.consultationPhone(), 40, problems);
        tooLong("complaintPhone", d.complaintPhone(), 40, problems);
    }

    /** 承诺时限 ≤ 法定时限: the hall may promise faster than the law, never slower. */
    void promisedLimitIsWithinStatutory(GuideDraft d, List<Problem> problems) {
        Integer statutory = d.statutoryDays();
        Integer promised = d.promisedDays();
        if (statutory != null && promised != null && statutory >= 0 && promised > statutory) {
            problems.add(Problem.of("promisedDays", "catalog.validation.promisedOverStatutory", promised,
                    statutory));
        }
    }

    /**
     * 法律、法规另有规定的除外 (Art. 42): a guide may set its own extension of 1 to {@value #MAX_EXTENSION_DAYS} working
     * days; left empty, a case gets the statutory one.
     */
    void extensionIsWithinTheLimit(GuideDraft d, List<Problem> problems) {
        Integer days = d.extensionDays();
        if (days != null && (days < 1 || days > MAX_EXTENSION_DAYS)) {
            problems.add(Problem.of("extensionDays", "catalog.validation.extensionDays", MAX_EXTENSION_DAYS));
        }
    }

    /** The full list of materials is public: a guide without any material says nothing to the applicant. */
    void atLeastOneMaterial(GuideDraft d, List<Problem> problems) {
        var materials = d.materials();
        if (materials == null || materials.isEmpty()) {
            problems.add(Problem.of("materials", "catalog.validation.noMaterial"));
            return;
        }
        for (int i = 0; i < materials.size(); i++) {
            var m = materials.get(i);
            String at = "materials[" + i + "].";
            required(at + "name", m.name(), problems);
            if (m.form() == null) {
                problems.add(Problem.of(at + "form", "catalog.validation.required"));
            }
            int least = m.form() == Form.ELECTRONIC ? 0 : 1;
            if (m.copies() == null || m.copies() < least || m.copies() > 99) {
                problems.add(Problem.of(at + "copies", "catalog.validation.copies", least));
            }
        }
    }

    /** A fee is charged only on a legal basis (收费依据), which the fee schedule publishes beside it. */
    void feesHaveALegalBasisUnlessFree(GuideDraft d, List<Problem> problems) {
        var fees = d.fees();
        if (fees == null) {
            return;
        }
        for (int i = 0; i < fees.size(); i++) {
            var f = fees.get(i);
            String at = "fees[" + i + "].";
            required(at + "category", f.category(), problems);
            required(at + "name", f.name(), problems);
            if (!f.free()) {
                if (GuideDraft.isBlank(f.legalBasis())) {
                    problems.add(Problem.of(at + "legalBasis", "catalog.validation.feeBasis"));
                }
                required(at + "standard", f.standard(), problems);
            }
        }
    }

    /** The review stages divide the whole time limit among them, so their shares add up to 100 percent. */
    void stageSharesAddUpToAHundred(GuideDraft d, List<Problem> problems) {
        var stages = d.stages();
        if (stages == null || stages.isEmpty()) {
            return;
        }
        int total = 0;
        boolean complete = true;
        for (int i = 0; i < stages.size(); i++) {
            var s = stages.get(i);
            String at = "stages[" + i + "].";
            required(at + "name", s.name(), problems);
            required(at + "role", s.role(), problems);
            if (s.sharePercent() == null || s.sharePercent() < 0 || s.sharePercent() > 100) {
                problems.add(Problem.of(at + "sharePercent", "catalog.validation.share"));
                complete = false;
            } else {
                total += s.sharePercent();
            }
        }
        if (complete && total != 100) {
            problems.add(Problem.of("stages", "catalog.validation.sharesTotal", total));
        }
    }

    /**
     * The kinds are in the order a case walks them: the one intake (受理) first, since accepting the application
     * completes it; a decision (决定) only last, since completing the last stage is the decision; at most one joint
     * review (会审), since a case asks the consulted departments once, and only when there are departments to ask.
     */
    void stageKindsFollowTheCase(GuideDraft d, List<Problem> problems) {
        var stages = d.stages();
        if (stages == null || stages.isEmpty()) {
            return;
        }
        Kind first = stages.getFirst().kind();
        if (first != null && first != Kind.INTAKE) {
            problems.add(Problem.of("stages[0].kind", "catalog.validation.stageKind.intakeFirst"));
        }
        boolean jointSeen = false;
        for (int i = 0; i < stages.size(); i++) {
            Kind kind = stages.get(i).kind();
            String at = "stages[" + i + "].kind";
            if (kind == null) {
                problems.add(Problem.of(at, "catalog.validation.required"));
            } else if (kind == Kind.INTAKE && i > 0) {
                problems.add(Problem.of(at, first == Kind.INTAKE ? "catalog.validation.stageKind.secondIntake"
                        : "catalog.validation.stageKind.intakeFirst"));
            } else if (kind == Kind.DECISION && i < stages.size() - 1) {
                problems.add(Problem.of(at, "catalog.validation.stageKind.decisionLast"));
            } else if (kind == Kind.JOINT_REVIEW) {
                if (jointSeen) {
                    problems.add(Problem.of(at, "catalog.validation.stageKind.secondJointReview"));
                } else if (d.consultedDepartmentCodes() == null || d.consultedDepartmentCodes().isEmpty()) {
                    problems.add(Problem.of(at, "catalog.validation.stageKind.nobodyToConsult"));
                }
                jointSeen = true;
            }
        }
    }

    /** A special procedure that stops the clock must say on what basis (行政许可法 Art. 45). */
    void specialProceduresNameTheirBasis(GuideDraft d, List<Problem> problems) {
        var procedures = d.specialProcedures();
        if (procedures == null) {
            return;
        }
        for (int i = 0; i < procedures.size(); i++) {
            var p = procedures.get(i);
            required("specialProcedures[" + i + "].name", p.name(), problems);
            required("specialProcedures[" + i + "].legalBasis", p.legalBasis(), problems);
        }
    }

    /** A joint review (会审) is held with other departments that exist. */
    void consultedDepartmentsExist(GuideDraft d, List<Problem> problems) {
        var consulted = d.consultedDepartmentCodes();
        if (consulted == null) {
            return;
        }
        for (String code : consulted) {
            if (!departmentCodes.contains(code)) {
                problems.add(Problem.of("consultedDepartmentCodes", "catalog.validation.unknownDepartment", code));
            } else if (code.equals(GuideDraft.text(d.departmentCode()))) {
                problems.add(Problem.of("consultedDepartmentCodes", "catalog.validation.ownDepartment", code));
            }
        }
    }

    private static void required(String field, @Nullable String value, List<Problem> problems) {
        if (GuideDraft.isBlank(value)) {
            problems.add(Problem.of(field, "catalog.validation.required"));
        }
    }

    private static void tooLong(String field, @Nullable String value, int max, List<Problem> problems) {
        if (value != null && value.strip().length() > max) {
            problems.add(Problem.of(field, "catalog.validation.tooLong", max));
        }
    }

    private static void days(String field, @Nullable Integer value, List<Problem> problems) {
        if (value == null) {
            problems.add(Problem.of(field, "catalog.validation.required"));
        } else if (value < 0 || value > 999) {
            problems.add(Problem.of(field, "catalog.validation.days"));
        }
    }
}
