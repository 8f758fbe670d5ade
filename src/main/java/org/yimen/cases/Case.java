package org.yimen.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.yimen.calendar.WorkingDayResult;
import org.yimen.catalog.ServiceItem;
import org.yimen.shared.Rejected;

/**
 * An application (办件) at intake. The applicant hands in materials, the clerk ticks them against the guide of the
 * item version in force, and the visit ends one of three ways: complete materials are accepted (受理) and both clocks
 * start; incomplete ones get one notice listing everything missing (一次性告知书) and the case waits for the applicant,
 * whose next visit is counted; or the application is refused (不予受理), naming the competent department when the
 * matter is not this office's. Each transition is allowed only from the states named in it and otherwise refused with
 * the current state; the events it raises are collected for the service to publish.
 */
public final class Case {

    private final long id;
    private final String number;
    private final String itemCode;
    private final int itemVersion;
    private final long departmentId;
    private final int rowVersion;
    private CaseState state;
    private int visits;
    private boolean thirdVisit;
    private boolean secondNotice;
    private final List<CaseMaterial> materials;
    private final List<Notice> notices;
    private @Nullable Clocks clocks;
    private @Nullable Refusal refusal;
    private @Nullable LocalDate decidedOn;
    private final List<Object> events = new ArrayList<>();

    Case(long id, String number, String itemCode, int itemVersion, long departmentId, int rowVersion,
            CaseState state, int visits, boolean thirdVisit, boolean secondNotice, List<CaseMaterial> materials,
            List<Notice> notices, @Nullable Clocks clocks, @Nullable Refusal refusal, @Nullable LocalDate decidedOn) {
        this.id = id;
        this.number = number;
        this.itemCode = itemCode;
        this.itemVersion = itemVersion;
        this.departmentId = departmentId;
        this.rowVersion = rowVersion;
        this.state = state;
        this.visits = visits;
        this.thirdVisit = thirdVisit;
        this.secondNotice = secondNotice;
        this.materials = new ArrayList<>(materials);
        this.notices = new ArrayList<>(notices);
        this.clocks = clocks;
        this.refusal = refusal;
        this.decidedOn = decidedOn;
    }

    /**
     * A new application on its first visit, with the guide's materials and those the clerk ticked as received. A
     * ticked name the guide does not list is refused: the case is judged by that version's list and nothing else.
     */
    static Case submit(long id, String number, ServiceItem item, Collection<String> received) {
        Set<String> ticked = new LinkedHashSet<>(received);
        List<CaseMaterial> list = new ArrayList<>();
        int position = 0;
        for (ServiceItem.Material m : item.materials()) {
            list.add(new CaseMaterial(position++, m.name(), m.required(), ticked.remove(m.name()),
                    null));
        }
        if (!ticked.isEmpty()) {
            throw Rejected.invalid("materials", "cases.material.unknown", String.join("、", ticked));
        }
        list.replaceAll(m -> m.received() ? m.bring(1) : m);
        return new Case(id, number, item.code(), item.version(), item.departmentId(), 0, CaseState.SUBMITTED, 1,
                false, false, list, List.of(), null, null, null);
    }

    /**
     * 受理: every required material is in, so both clocks start from {@code today} (not counted) in working days of
     * the calendar ({@code WorkingDays::dueDate}).
     */
    void accept(LocalDate today, int promisedDays, int statutoryDays,
            BiFunction<LocalDate, Integer, WorkingDayResult> calendar) {
        requireState("cases.action.accept", CaseState.SUBMITTED);
        var missing = missingRequired();
        if (!missing.isEmpty()) {
            throw Rejected.conflict("materials", "cases.accept.incomplete", String.join("、", missing));
        }
        clocks = Clocks.start(today, promisedDays, statutoryDays, calendar);
        state = CaseState.ACCEPTED;
        decidedOn = today;
        events.add(new CaseAccepted(number, itemCode, itemVersion, departmentId, today, visits));
        events.add(new ClockStarted(number, departmentId, today, clocks.promisedDue(), clocks.statutoryDue(),
                clocks.published()));
    }

    /**
     * 一次性告知: lists every missing or defective material with its reason (see {@link OneTimeNoticePolicy}); the
     * listed materials go back to the applicant and the case waits for them.
     */
    Notice issueOneTimeNotice(List<NoticeItem> items, String reason, LocalDate today) {
        requireState("cases.action.notice", CaseState.SUBMITTED);
        Set<String> known = materials.stream().map(CaseMaterial::name).collect(Collectors.toSet());
        var unknown = items.stream().map(NoticeItem::material).filter(m -> !known.contains(m)).toList();
        if (!unknown.isEmpty()) {
            throw Rejected.invalid("items", "cases.material.unknown", String.join("、", unknown));
        }
        Set<String> suppliedNow = materials.stream()
                .filter(m -> m.received() && m.broughtOn() != null && m.broughtOn() == visits && visits > 1)
                .map(CaseMaterial::name).collect(Collectors.toSet());
        String why = reason == null ? "" : reason.strip();
        boolean flagged = OneTimeNoticePolicy.check(notices, items, missingRequired(), suppliedNow, why);
        Map<String, NoticeItem> byName = items.stream()
                .collect(Collectors.toMap(NoticeItem::material, Function.identity()));
        List<NoticeItem> ordered = materials.stream().map(m -> byName.get(m.name()))
                .filter(java.util.Objects::nonNull).toList();
        materials.replaceAll(m -> byName.containsKey(m.name()) ? m.handBack() : m);
        var notice = new Notice(notices.size() + 1, today, visits, why, flagged, ordered);
        notices.add(notice);
        secondNotice |= flagged;
        state = CaseState.WAITING_FOR_MATERIALS;
        events.add(new NoticeIssued(number, departmentId, notice.number(), flagged,
                ordered.stream().map(NoticeItem::material).toList()));
        return notice;
    }

    /** The applicant comes back with materials the notice asked for: a new visit, counted and flagged from the third. */
    void supplement(Collection<String> brought) {
        requireState("cases.action.supplement", CaseState.WAITING_FOR_MATERIALS);
        Set<String> names = new LinkedHashSet<>(brought);
        if (names.isEmpty()) {
            throw Rejected.invalid("materials", "cases.supplement.empty");
        }
        Set<String> open = materials.stream().filter(m -> !m.received()).map(CaseMaterial::name)
                .collect(Collectors.toSet());
        var notOpen = names.stream().filter(n -> !open.contains(n)).toList();
        if (!notOpen.isEmpty()) {
            throw Rejected.invalid("materials", "cases.material.unknown", String.join("、", notOpen));
        }
        visits++;
        thirdVisit |= VisitPolicy.flagged(visits);
        int visit = visits;
        materials.replaceAll(m -> names.contains(m.name()) ? m.bring(visit) : m);
        state = CaseState.SUBMITTED;
    }

    /** 不予受理, or outside the remit naming the competent department; never after acceptance. */
    void refuse(Refusal refusal, LocalDate today) {
        requireState("cases.action.refuse", CaseState.SUBMITTED, CaseState.WAITING_FOR_MATERIALS);
        if (refusal.kind() == Refusal.Kind.OUTSIDE_REMIT && refusal.competentDepartmentId() != null
                && refusal.competentDepartmentId() == departmentId) {
            throw Rejected.invalid("competentDepartmentId", "cases.refusal.competentIsThisDepartment");
        }
        this.refusal = refusal;
        state = CaseState.REFUSED;
        decidedOn = today;
        events.add(new CaseRefused(number, departmentId, refusal.kind(), refusal.competentDepartmentId()));
    }

    /** Required materials of the guide not (or no longer) received, in the guide's order. */
    List<String> missingRequired() {
        return materials.stream().filter(m -> m.required() && !m.received()).map(CaseMaterial::name).toList();
    }

    private void requireState(String actionKey, CaseState... allowed) {
        for (CaseState s : allowed) {
            if (state == s) {
                return;
            }
        }
        // Both arguments are message keys, so the refusal names the action and the current state in the reader's language.
        throw Rejected.conflict(null, "cases.transition.notAllowed", new DefaultMessageSourceResolvable(actionKey),
                new DefaultMessageSourceResolvable(new String[] {"cases.state." + state.name()}, state.name()));
    }

    List<Object> drainEvents() {
        var drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    public long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String itemCode() {
        return itemCode;
    }

    public int itemVersion() {
        return itemVersion;
    }

    public long departmentId() {
        return departmentId;
    }

    int rowVersion() {
        return rowVersion;
    }

    public CaseState state() {
        return state;
    }

    public int visits() {
        return visits;
    }

    /** Needed a third visit (决不让群众跑第三趟). */
    public boolean thirdVisit() {
        return thirdVisit;
    }

    /** Had a second one-time notice, the flagged exception. */
    public boolean secondNotice() {
        return secondNotice;
    }

    public List<CaseMaterial> materials() {
        return List.copyOf(materials);
    }

    public List<Notice> notices() {
        return List.copyOf(notices);
    }

    public @Nullable Clocks clocks() {
        return clocks;
    }

    public @Nullable Refusal refusal() {
        return refusal;
    }

    public @Nullable LocalDate decidedOn() {
        return decidedOn;
    }
}
