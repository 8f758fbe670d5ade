package org.yimen.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One version of a service item's guide (办事指南), as the public sees it and as a case is judged by it. Immutable:
 * once a version is published it never changes; a change makes a new version. Departments are referenced by id of
 * the org module.
 *
 * @param statutoryDays the legal time limit (法定时限) in working days
 * @param promisedDays the shorter limit the hall commits to (承诺时限) in working days; 0 means handled on the spot
 *     (即办)
 * @param extensionDays the one extension's working days where a law or regulation sets its own (法律、法规另有规定的除外,
 *     行政许可法 Art. 42); null means the statutory 10, or 15 for joint review
 * @param maxVisits how many times an applicant has to come at most (最多跑几次); 0 means none (全程网办)
 * @param resultPickup what to bring to collect the result (领取结果须提供的材料)
 */
public record ServiceItem(String code, int version, Status status, String name, Type type, long departmentId,
        String legalBasis, String conditions, String procedure, List<Material> materials, List<Stage> stages,
        List<Long> consultedDepartmentIds, List<SpecialProcedure> specialProcedures, int statutoryDays,
        int promisedDays, @Nullable Integer extensionDays, List<Fee> fees, List<Channel> channels, int maxVisits,
        String place, String hours, String consultationPhone, String complaintPhone, String resultPickup,
        String keywords, List<Theme> themes, Instant createdAt, @Nullable Instant publishedAt) {

    /** The one extension by statute (行政许可法 Art. 42): 10 working days. */
    private static final int STATUTORY_EXTENSION_DAYS = 10;
    /** The one extension by statute where several departments handle the item jointly (Art. 42): 15 working days. */
    private static final int STATUTORY_JOINT_EXTENSION_DAYS = 15;

    public ServiceItem {
        materials = List.copyOf(materials);
        stages = List.copyOf(stages);
        consultedDepartmentIds = List.copyOf(consultedDepartmentIds);
        specialProcedures = List.copyOf(specialProcedures);
        fees = List.copyOf(fees);
        channels = List.copyOf(channels);
        themes = List.copyOf(themes);
    }

    /** 即办: handled on the spot, no clock to run. */
    public boolean onTheSpot() {
        return promisedDays == 0;
    }

    /** No fee at all, or only fees marked free (不收费). */
    public boolean free() {
        return fees.stream().allMatch(Fee::free);
    }

    /** Joint review (会审) by other departments. */
    public boolean jointReview() {
        return !consultedDepartmentIds.isEmpty();
    }

    /**
     * The working days the head of the office may extend a case of this version by, once: the item's own where a law
     * or regulation sets one, else the statutory extension.
     */
    public int extensionDaysAllowed() {
        if (extensionDays != null) {
            return extensionDays;
        }
        return jointReview() ? STATUTORY_JOINT_EXTENSION_DAYS : STATUTORY_EXTENSION_DAYS;
    }

    /** Where a version stands in the item's life. */
    public enum Status {
        /** Being written; not public. */
        DRAFT,
        /** In force (现行): the one citizens see and new cases are accepted under. */
        PUBLISHED,
        /** Was in force until a newer version was published; kept for the cases accepted under it. */
        SUPERSEDED,
        /** Was in force until the item was withdrawn (停办); kept for the cases accepted under it. */
        RETIRED
    }

    /** Kind of administrative power or service (事项类型). */
    public enum Type {
        /** 行政许可 */
        LICENSING,
        /** 行政确认 */
        CONFIRMATION,
        /** 行政给付 */
        BENEFIT,
        /** 其他行政权力, e.g. 备案 and 核准 */
        OTHER_POWER,
        /** 公共服务 */
        PUBLIC_SERVICE
    }

    /** How a material is handed in. */
    public enum Form {
        /** 原件 */
        ORIGINAL,
        /** 复印件 */
        COPY,
        /** 原件及复印件: the original is checked and returned, the copy kept */
        ORIGINAL_AND_COPY,
        /** 电子材料 */
        ELECTRONIC
    }

    /** Where an application can be made (办理渠道). */
    public enum Channel {
        /** 窗口办理 */
        WINDOW,
        /** 网上办理 */
        ONLINE,
        /** 同城通办: at any hall in the city */
        CITYWIDE
    }

    /** Life events and themes the portal is browsed by (主题). */
    public enum Theme {
        BUSINESS_STARTUP, CONSTRUCTION, LAND, ENVIRONMENT, SOCIAL_SECURITY, EMPLOYMENT, TRAVEL, IDENTITY, TAX,
        QUALIFICATION
    }

    /**
     * A material to bring (申请材料).
     *
     * @param blankForm name or address of the blank form (空白表格), empty if none
     * @param sample name or address of a filled-in sample (填写样例), empty if none
     * @param deferrable may be handed in later under 容缺受理 against a signed pledge
     */
    public record Material(String name, Form form, int copies, boolean required, String blankForm, String sample,
            String notes, boolean deferrable) {
    }

    /**
     * A review stage (审查环节) with the role responsible, its share of the time limit in percent and its kind, which
     * says how a case walks it; the {@link GuidePolicy} keeps the kinds in an order a case can follow.
     */
    public record Stage(String name, String role, int sharePercent, Kind kind) {

        public Stage {
            Objects.requireNonNull(kind, "kind");
        }

        /** What a stage is for. */
        public enum Kind {
            /** 受理: the first stage, completed by accepting the application. */
            INTAKE,
            /** 审查: an officer of the department reviews and gives an opinion. */
            REVIEW,
            /** 会审: the consulted departments answer instead of an officer (网上会审). */
            JOINT_REVIEW,
            /** 决定: the last stage, whose completion is the decision (准予/不予许可). */
            DECISION
        }
    }

    /**
     * A special procedure (特殊程序: 听证, 检验, 专家评审…) with its legal basis; most are not counted toward the time limit
     * (行政许可法 Art. 45).
     */
    public record SpecialProcedure(String name, String legalBasis, boolean counted) {
    }

    /**
     * A fee (收费项目) as the fee schedule (收费公示) publishes it: category (大项), item (小项), optional sub-item (子项),
     * standard and legal basis; a free item has no basis to cite.
     */
    public record Fee(String category, String name, String subItem, String standard, boolean free,
            String legalBasis) {
    }
}
