package org.yimen.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.yimen.catalog.ServiceItem.Channel;
import org.yimen.catalog.ServiceItem.Form;
import org.yimen.catalog.ServiceItem.Stage.Kind;
import org.yimen.catalog.ServiceItem.Theme;
import org.yimen.catalog.ServiceItem.Type;

/**
 * What an administrator writes for one version of a guide: the admin form, the admin API body and one entry of the
 * import file. Everything may be missing here; {@link GuidePolicy} says what is wrong, field by field, before a draft
 * is stored. Departments are named by their code, so an export can be imported into another installation. An empty
 * {@code extensionDays} is not missing: it means the statutory extension (行政许可法 Art. 42).
 */
record GuideDraft(@Nullable String code, @Nullable String name, @Nullable Type type, @Nullable String departmentCode,
        @Nullable String legalBasis, @Nullable String conditions, @Nullable String procedure,
        @Nullable List<@Nullable MaterialRow> materials, @Nullable List<@Nullable StageRow> stages,
        @Nullable List<String> consultedDepartmentCodes,
        @Nullable List<@Nullable ProcedureRow> specialProcedures, @Nullable Integer statutoryDays,
        @Nullable Integer promisedDays, @Nullable Integer extensionDays, @Nullable List<@Nullable FeeRow> fees,
        @Nullable List<Channel> channels,
        @Nullable Integer maxVisits, @Nullable String place, @Nullable String hours,
        @Nullable String consultationPhone, @Nullable String complaintPhone, @Nullable String resultPickup,
        @Nullable String keywords, @Nullable List<Theme> themes) {

    /** One material row of the form. */
    record MaterialRow(@Nullable String name, @Nullable Form form, @Nullable Integer copies, boolean required,
            @Nullable String blankForm, @Nullable String sample, @Nullable String notes, boolean deferrable) {

        boolean blank() {
            return isBlank(name);
        }

        static MaterialRow empty() {
            return new MaterialRow("", Form.ORIGINAL_AND_COPY, 1, true, "", "", "", false);
        }
    }

    /** One review stage row. Its kind alone does not make a row: an empty row still offers the kind select. */
    record StageRow(@Nullable String name, @Nullable String role, @Nullable Integer sharePercent,
            @Nullable Kind kind) {

        boolean blank() {
            return isBlank(name) && isBlank(role) && sharePercent == null;
        }

        static StageRow empty() {
            return new StageRow("", "", null, null);
        }
    }

    /** One special procedure row. */
    record ProcedureRow(@Nullable String name, @Nullable String legalBasis, boolean counted) {

        boolean blank() {
            return isBlank(name) && isBlank(legalBasis);
        }

        static ProcedureRow empty() {
            return new ProcedureRow("", "", false);
        }
    }

    /** One fee row. */
    record FeeRow(@Nullable String category, @Nullable String name, @Nullable String subItem,
            @Nullable String standard, boolean free, @Nullable String legalBasis) {

        boolean blank() {
            return isBlank(category) && isBlank(name) && isBlank(standard) && isBlank(legalBasis);
        }

        static FeeRow empty() {
            return new FeeRow("", "", "", "", false, "");
        }
    }

    GuideDraft {
        materials = rows(materials);
        stages = rows(stages);
        specialProcedures = rows(specialProcedures);
        fees = rows(fees);
        consultedDepartmentCodes = consultedDepartmentCodes == null ? List.of()
                : consultedDepartmentCodes.stream().filter(c -> !isBlank(c)).distinct().toList();
        channels = channels == null ? List.of() : channels.stream().filter(Objects::nonNull).distinct().toList();
        themes = themes == null ? List.of() : themes.stream().filter(Objects::nonNull).distinct().toList();
    }

    static GuideDraft empty() {
        return new GuideDraft("", "", Type.LICENSING, null, "", "", "", List.of(), List.of(), List.of(), List.of(),
                null, null, null, List.of(), List.of(Channel.WINDOW), 1, "", "", "", "", "", "", List.of())
                .withBlankRows(1);
    }

    /** The same draft with another code (a copy of an item, or the code from the address of an edit). */
    GuideDraft withCode(String newCode) {
        return new GuideDraft(newCode, name, type, departmentCode, legalBasis, conditions, procedure, materials,
                stages, consultedDepartmentCodes, specialProcedures, statutoryDays, promisedDays, extensionDays, fees,
                channels, maxVisits, place, hours, consultationPhone, complaintPhone, resultPickup, keywords, themes);
    }

    /** Rows a person left empty on the form are not rows: dropping them is how a row is removed. */
    GuideDraft withoutBlankRows() {
        return new GuideDraft(code, name, type, departmentCode, legalBasis, conditions, procedure,
                keep(materials, r -> !r.blank()), keep(stages, r -> !r.blank()), consultedDepartmentCodes,
                keep(specialProcedures, r -> !r.blank()), statutoryDays, promisedDays, extensionDays,
                keep(fees, r -> !r.blank()), channels, maxVisits, place, hours, consultationPhone, complaintPhone,
                resultPickup, keywords, themes);
    }

    /** Adds empty rows to every repeatable list, so the form always offers room for one more of each. */
    GuideDraft withBlankRows(int count) {
        return withRows(count, count, count, count);
    }

    /** Adds one empty row to one list ("materials", "stages", "specialProcedures" or "fees"). */
    GuideDraft withOneMoreRow(String list) {
        return withRows(list.equals("materials") ? 1 : 0, list.equals("stages") ? 1 : 0,
                list.equals("specialProcedures") ? 1 : 0, list.equals("fees") ? 1 : 0);
    }

    private GuideDraft withRows(int m, int s, int p, int f) {
        return new GuideDraft(code, name, type, departmentCode, legalBasis, conditions, procedure,
                plus(materials, m, MaterialRow.empty()), plus(stages, s, StageRow.empty()), consultedDepartmentCodes,
                plus(specialProcedures, p, ProcedureRow.empty()), statutoryDays, promisedDays, extensionDays,
                plus(fees, f, FeeRow.empty()), channels, maxVisits, place, hours, consultationPhone, complaintPhone,
                resultPickup, keywords, themes);
    }

    static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static <T> List<T> rows(@Nullable List<@Nullable T> rows) {
        return rows == null ? List.of() : rows.stream().filter(Objects::nonNull).map(Objects::requireNonNull).toList();
    }

    private static <T> List<T> keep(@Nullable List<T> rows, Predicate<T> keep) {
        return rows == null ? List.of() : rows.stream().filter(keep).toList();
    }

    private static <T> List<T> plus(@Nullable List<T> rows, int count, T empty) {
        List<T> result = new ArrayList<>(rows == null ? List.of() : rows);
        for (int i = 0; i < count; i++) {
            result.add(empty);
        }
        return result;
    }
}
