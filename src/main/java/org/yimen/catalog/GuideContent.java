package org.yimen.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.yimen.catalog.ServiceItem.Channel;
import org.yimen.catalog.ServiceItem.Fee;
import org.yimen.catalog.ServiceItem.Material;
import org.yimen.catalog.ServiceItem.SpecialProcedure;
import org.yimen.catalog.ServiceItem.Stage;
import org.yimen.catalog.ServiceItem.Theme;
import org.yimen.catalog.ServiceItem.Type;

/**
 * The content of one version as stored: a {@link GuideDraft} that passed the {@link GuidePolicy}, with departments
 * resolved to ids and text trimmed. Two versions with equal content say the same thing, which lets an import skip an
 * item that has not changed.
 */
record GuideContent(String name, Type type, long departmentId, String legalBasis, String conditions, String procedure,
        List<Material> materials, List<Stage> stages, List<Long> consultedDepartmentIds,
        List<SpecialProcedure> specialProcedures, int statutoryDays, int promisedDays, @Nullable Integer extensionDays,
        List<Fee> fees,
        List<Channel> channels, int maxVisits, String place, String hours, String consultationPhone,
        String complaintPhone, String resultPickup, String keywords, List<Theme> themes) {

    /** The content of a draft the policy found nothing wrong with. */
    static GuideContent of(GuideDraft d, Map<String, Long> departmentIds) {
        return new GuideContent(t(d.name()), Objects.requireNonNull(d.type()),
                departmentIds.get(t(d.departmentCode())), t(d.legalBasis()), t(d.conditions()), t(d.procedure()),
                d.materials().stream().map(m -> new Material(t(m.name()), Objects.requireNonNull(m.form()),
                        Objects.requireNonNull(m.copies()), m.required(), t(m.blankForm()), t(m.sample()),
                        t(m.notes()), m.deferrable())).toList(),
                d.stages().stream().map(s -> new Stage(t(s.name()), t(s.role()),
                        Objects.requireNonNull(s.sharePercent()), Objects.requireNonNull(s.kind()))).toList(),
                d.consultedDepartmentCodes().stream().map(departmentIds::get).toList(),
                d.specialProcedures().stream().map(p -> new SpecialProcedure(t(p.name()), t(p.legalBasis()),
                        p.counted())).toList(),
                Objects.requireNonNull(d.statutoryDays()), Objects.requireNonNull(d.promisedDays()), d.extensionDays(),
                d.fees().stream().map(f -> new Fee(t(f.category()), t(f.name()), t(f.subItem()), t(f.standard()),
                        f.free(), t(f.legalBasis()))).toList(),
                d.channels(), Objects.requireNonNull(d.maxVisits()), t(d.place()), t(d.hours()),
                t(d.consultationPhone()), t(d.complaintPhone()), t(d.resultPickup()), t(d.keywords()), d.themes());
    }

    /** The content of a stored version. */
    static GuideContent of(ServiceItem i) {
        return new GuideContent(i.name(), i.type(), i.departmentId(), i.legalBasis(), i.conditions(), i.procedure(),
                i.materials(), i.stages(), i.consultedDepartmentIds(), i.specialProcedures(), i.statutoryDays(),
                i.promisedDays(), i.extensionDays(), i.fees(), i.channels(), i.maxVisits(), i.place(), i.hours(),
                i.consultationPhone(), i.complaintPhone(), i.resultPickup(), i.keywords(), i.themes());
    }

    /** Back to what an administrator edits, naming departments by code. */
    static GuideDraft draftOf(String code, ServiceItem i, Map<Long, String> departmentCodes) {
        return new GuideDraft(code, i.name(), i.type(), departmentCodes.get(i.departmentId()), i.legalBasis(),
                i.conditions(), i.procedure(),
                i.materials().stream().map(m -> new GuideDraft.MaterialRow(m.name(), m.form(), m.copies(),
                        m.required(), m.blankForm(), m.sample(), m.notes(), m.deferrable())).toList(),
                i.stages().stream().map(s -> new GuideDraft.StageRow(s.name(), s.role(), s.sharePercent(),
                        s.kind())).toList(),
                i.consultedDepartmentIds().stream().map(departmentCodes::get).filter(Objects::nonNull).toList(),
                i.specialProcedures().stream().map(p -> new GuideDraft.ProcedureRow(p.name(), p.legalBasis(),
                        p.counted())).toList(),
                i.statutoryDays(), i.promisedDays(), i.extensionDays(),
                i.fees().stream().map(f -> new GuideDraft.FeeRow(f.category(), f.name(), f.subItem(), f.standard(),
                        f.free(), f.legalBasis())).toList(),
                i.channels(), i.maxVisits(), i.place(), i.hours(), i.consultationPhone(), i.complaintPhone(),
                i.resultPickup(), i.keywords(), i.themes());
    }

    /** What the search box matches: code, name and keywords. */
    String searchText(String code) {
        return code + " " + name + " " + keywords;
    }

    private static String t(String value) {
        return GuideDraft.text(value);
    }
}
