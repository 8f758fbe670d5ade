package org.yimen.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Channel channel;
    /** When the materials last arrived (the submission, or a supplement after a notice): Art. 32 counts from it. */
    private @Nullable Instant materialsArrivedAt;
    private boolean deemedAccepted;
    private @Nullable Pledge pledge;
    private int excludedDays;
    private @Nullable Extension extension;
    private @Nullable Decision decision;
    private @Nullable Delivery delivery;
    private @Nullable LocalDate terminatedOn;
    private final List<ReviewStage> stages;
    private final List<Opinion> opinions;
    private final List<Pause> pauses;
    private final List<TimelineEntry> timeline;
    /** As loaded, so that storage writes only what a transition changed. */
    private final Loaded loaded;
    private final List<Object> events = new ArrayList<>();

    /** Where an application came in. */
    public enum Channel {
        WINDOW, ONLINE
    }

    /** What a case was when loaded; storage compares against it. */
    record Loaded(List<CaseMaterial> materials, int notices, List<ReviewStage> stages, List<Opinion> opinions,
            List<Pause> pauses, int timeline) {
    }

    /** The parts of a case decided after acceptance, as storage hands them over. */
    record Review(Channel channel, boolean deemedAccepted, @Nullable Pledge pledge, int excludedDays,
            @Nullable Extension extension, @Nullable Decision decision, @Nullable Delivery delivery,
            @Nullable LocalDate terminatedOn, List<ReviewStage> stages, List<Opinion> opinions, List<Pause> pauses,
            List<TimelineEntry> timeline, @Nullable Instant materialsArrivedAt) {

        static Review none(Channel channel, List<ReviewStage> stages) {
            return new Review(channel, false, null, 0, null, null, null, null, stages, List.of(), List.of(),
                    List.of(), null);
        }
    }

    /**
     * How review stages are routed: who gets a stage (the officer acting for its post now), the departments consulted
     * in the joint review and how many working days each has to answer.
     */
    record Routing(Function<ReviewStage, ReviewStage.Assignment> assign, List<Long> consulted, int opinionDays,
            WorkingDayRules days) {
    }

    Case(long id, String number, String itemCode, int itemVersion, long departmentId, int rowVersion,
            CaseState state, int visits, boolean thirdVisit, boolean secondNotice, List<CaseMaterial> materials,
            List<Notice> notices, @Nullable Clocks clocks, @Nullable Refusal refusal, @Nullable LocalDate decidedOn,
            Review review) {
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
        this.channel = review.channel();
        this.deemedAccepted = review.deemedAccepted();
        this.pledge = review.pledge();
        this.excludedDays = review.excludedDays();
        this.extension = review.extension();
        this.decision = review.decision();
        this.delivery = review.delivery();
        this.terminatedOn = review.terminatedOn();
        this.stages = new ArrayList<>(review.stages());
        this.opinions = new ArrayList<>(review.opinions());
        this.pauses = new ArrayList<>(review.pauses());
        this.timeline = new ArrayList<>(review.timeline());
        this.materialsArrivedAt = review.materialsArrivedAt();
        this.loaded = new Loaded(List.copyOf(materials), notices.size(), List.copyOf(review.stages()),
                List.copyOf(review.opinions()), List.copyOf(review.pauses()), review.timeline().size());
    }

    /**
     * A new application on its first visit, with the guide's materials and those the clerk ticked as received. A
     * ticked name the guide does not list is refused: the case is judged by that version's list and nothing else.
     */
    static Case submit(long id, String number, ServiceItem item, Collection<String> received) {
        return submit(id, number, item, received, Channel.WINDOW);
    }

    static Case submit(long id, String number, ServiceItem item, Collection<String> received, Channel channel) {
        Set<String> ticked = new LinkedHashSet<>(received);
        List<CaseMaterial> list = new ArrayList<>();
        int position = 0;
        for (ServiceItem.Material m : item.materials()) {
            list.add(new CaseMaterial(position++, m.name(), m.required(), ticked.remove(m.name()), null,
                    m.deferrable(), false));
        }
        if (!ticked.isEmpty()) {
            throw Rejected.invalid("materials", "cases.material.unknown", String.join("、", ticked));
        }
        list.replaceAll(m -> m.received() ? m.bring(1) : m);
        List<ReviewStage> planned = new ArrayList<>();
        for (ServiceItem.Stage st : item.stages()) {
            planned.add(ReviewStage.planned(planned.size(), st));
        }
        return new Case(id, number, item.code(), item.version(), item.departmentId(), 0, CaseState.SUBMITTED, 1,
                false, false, list, List.of(), null, null, null, Review.none(channel, planned));
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
        startClocks(today, promisedDays, statutoryDays, calendar);
    }

    private void startClocks(LocalDate on, int promisedDays, int statutoryDays,
            BiFunction<LocalDate, Integer, WorkingDayResult> calendar) {
        clocks = Clocks.start(on, promisedDays, statutoryDays, calendar);
        state = CaseState.ACCEPTED;
        decidedOn = on;
        events.add(new CaseAccepted(number, itemCode, itemVersion, departmentId, on, visits));
        events.add(new ClockStarted(number, departmentId, on, clocks.promisedDue(), clocks.statutoryDue(),
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
                ordered.stream().map(NoticeItem::material).toList(), channel));
        return notice;
    }

    /**
     * The applicant comes back at {@code at} with materials the notice asked for: a new visit, counted and flagged
     * from the third.
     */
    void supplement(Collection<String> brought, Instant at) {
        requireState("cases.action.supplement", CaseState.WAITING_FOR_MATERIALS);
        Set<String> open = materials.stream().filter(m -> !m.received()).map(CaseMaterial::name)
                .collect(Collectors.toSet());
        takeIn(brought, open, Channel.WINDOW, at);
    }

    /**
     * 网上补正: the applicant of an online application uploads materials the latest one-time notice asked for, so the
     * online channel never forces a trip. For an online case a submission round is an online submission: this one is
     * counted like a visit ({@link #visits()}, flagged from the third) and the case goes back to the office to
     * examine. Only the latest notice's materials not yet received may come this way; a window case's applicant
     * brings them to the window, where the clerk checks the originals.
     */
    void supplementOnline(Collection<String> uploaded, Instant at) {
        requireState("cases.action.supplementOnline", CaseState.WAITING_FOR_MATERIALS);
        if (channel != Channel.ONLINE) {
            throw Rejected.conflict(null, "cases.supplement.onlineOnly");
        }
        takeIn(uploaded, Set.copyOf(owedOnline().stream().map(NoticeItem::material).toList()), Channel.ONLINE, at);
    }

    /** What the applicant may still upload online: the open lines of the latest notice, for an online case only. */
    public List<NoticeItem> owedOnline() {
        return channel == Channel.ONLINE ? openNoticeItems() : List.of();
    }

    /** The latest notice's lines whose material is still not received: what the applicant still owes. */
    public List<NoticeItem> openNoticeItems() {
        if (notices.isEmpty() || state != CaseState.WAITING_FOR_MATERIALS) {
            return List.of();
        }
        Set<String> received = materials.stream().filter(CaseMaterial::received).map(CaseMaterial::name)
                .collect(Collectors.toSet());
        return notices.getLast().items().stream().filter(i -> !received.contains(i.material())).toList();
    }

    /** When the materials last arrived; null only for a case not stored yet. */
    public @Nullable Instant materialsArrivedAt() {
        return materialsArrivedAt;
    }

    /** A new submission round at {@code at} with {@code brought}, each of which must be among {@code open}. */
    private void takeIn(Collection<String> brought, Set<String> open, Channel via, Instant at) {
        Set<String> names = new LinkedHashSet<>(brought);
        if (names.isEmpty()) {
            throw Rejected.invalid("materials", "cases.supplement.empty");
        }
        var notOpen = names.stream().filter(n -> !open.contains(n)).toList();
        if (!notOpen.isEmpty()) {
            throw Rejected.invalid("materials", "cases.material.unknown", String.join("、", notOpen));
        }
        visits++;
        thirdVisit |= VisitPolicy.flagged(visits);
        int visit = visits;
        materials.replaceAll(m -> names.contains(m.name()) ? m.bring(visit) : m);
        state = CaseState.SUBMITTED;
        materialsArrivedAt = at;
        events.add(new MaterialsSupplemented(number, departmentId, visit, via, List.copyOf(names)));
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

    /**
     * 容缺受理: the required materials still missing are all ones the guide lets come later, so the case is accepted
     * against the applicant's pledge to bring them within {@code pledgeDays} working days; they stay awaited, the
     * decision waits for them, and a missed deadline terminates the case.
     */
    void acceptWithDeferral(String pledgeText, int pledgeDays, LocalDate today, int promisedDays, int statutoryDays,
            WorkingDayRules days) {
        requireState("cases.action.acceptDeferred", CaseState.SUBMITTED);
        String text = pledgeText == null ? "" : pledgeText.strip();
        if (text.isEmpty()) {
            throw Rejected.invalid("pledge", "cases.deferral.pledgeRequired");
        }
        var missing = materials.stream().filter(m -> m.required() && !m.received()).toList();
        if (missing.isEmpty()) {
            throw Rejected.conflict("materials", "cases.deferral.nothingMissing");
        }
        var notDeferrable = missing.stream().filter(m -> !m.deferrable()).map(CaseMaterial::name).toList();
        if (!notDeferrable.isEmpty()) {
            throw Rejected.conflict("materials", "cases.deferral.notDeferrable", String.join("、", notDeferrable));
        }
        Set<String> deferred = missing.stream().map(CaseMaterial::name).collect(Collectors.toSet());
        materials.replaceAll(m -> deferred.contains(m.name()) ? m.defer() : m);
        pledge = new Pledge(text, days.add(today, pledgeDays));
        startClocks(today, promisedDays, statutoryDays, days::dueDate);
    }

    /** The deferred materials of a 容缺 case arrive; once all have, the pledge is kept. */
    void supplyDeferred(Collection<String> brought) {
        requireState("cases.action.supplyDeferred", CaseState.ACCEPTED, CaseState.PAUSED);
        Set<String> names = new LinkedHashSet<>(brought);
        Set<String> awaited = deferredMaterials().stream().collect(Collectors.toSet());
        if (names.isEmpty()) {
            throw Rejected.invalid("materials", "cases.supplement.empty");
        }
        var unknown = names.stream().filter(n -> !awaited.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw Rejected.invalid("materials", "cases.deferral.notAwaited", String.join("、", unknown));
        }
        int visit = visits;
        materials.replaceAll(m -> names.contains(m.name()) ? m.bring(visit) : m);
    }

    /** The pledge's deadline passed with materials still missing: the case ends (终止) and the applicant is told. */
    boolean terminateIfPledgeMissed(LocalDate today) {
        if ((state != CaseState.ACCEPTED && state != CaseState.PAUSED) || pledge == null
                || deferredMaterials().isEmpty() || !today.isAfter(pledge.due())) {
            return false;
        }
        pauses.replaceAll(p -> p.running() ? p.end(today, 0) : p);
        state = CaseState.TERMINATED;
        terminatedOn = today;
        stages.replaceAll(st -> st.open() ? new ReviewStage(st.position(), st.name(), st.role(), st.jointReview(),
                st.postId(), st.officerId(), st.officerName(), st.actingReason(), st.openedOn(), null, null, null)
                : st);
        events.add(new CaseTerminated(number, departmentId, deferredMaterials(), pledge.due()));
        return true;
    }

    /**
     * Art. 32: an online application nobody examined within the limit counts as accepted from the day it arrived;
     * the case is flagged so supervisors see the office missed its own step.
     */
    void deemAccepted(LocalDate submittedOn, int promisedDays, int statutoryDays, WorkingDayRules days) {
        requireState("cases.action.deemAccepted", CaseState.SUBMITTED);
        if (channel != Channel.ONLINE) {
            throw Rejected.conflict(null, "cases.deemed.onlineOnly");
        }
        deemedAccepted = true;
        startClocks(submittedOn, promisedDays, statutoryDays, days::dueDate);
    }

    /**
     * Moves the review on: acceptance completes the intake stage (受理, which the guide policy keeps first); a stage
     * that opens goes to whoever {@code routing} assigns; the stage whose kind is the joint review asks every consulted
     * department at once and completes itself when none is still open. An item with consulted departments but no
     * joint-review stage asks them at acceptance.
     */
    void advance(String actor, LocalDate today, Routing routing) {
        if (state != CaseState.ACCEPTED) {
            return;
        }
        if (!stages.isEmpty() && !stages.getFirst().completed()) {
            stages.set(0, stages.getFirst().assign(new ReviewStage.Assignment(null, null, actor, "A"), today)
                    .complete(actor, "", today));
        }
        boolean jointStage = stages.stream().anyMatch(ReviewStage::jointReview);
        if (!jointStage && opinions.isEmpty() && !routing.consulted().isEmpty()) {
            requestOpinions(today, routing);
        }
        for (int i = 0; i < stages.size(); i++) {
            ReviewStage st = stages.get(i);
            if (st.completed()) {
                continue;
            }
            if (st.openedOn() == null) {
                if (st.jointReview()) {
                    if (opinions.isEmpty()) {
                        requestOpinions(today, routing);
                    }
                    stages.set(i, st.assign(new ReviewStage.Assignment(null, null, null, "JOINT"), today));
                } else {
                    stages.set(i, st.assign(routing.assign().apply(st), today));
                    return;
                }
                st = stages.get(i);
            }
            if (st.jointReview() && opinions.stream().noneMatch(Opinion::open)) {
                stages.set(i, st.complete(actor, opinionSummary(), today));
                events.add(new StageCompleted(number, departmentId, st.position(), st.name(), actor));
                continue;
            }
            return;
        }
    }

    private void requestOpinions(LocalDate today, Routing routing) {
        LocalDate due = routing.days().add(today, routing.opinionDays());
        routing.consulted().stream().filter(d -> d != departmentId)
                .forEach(d -> opinions.add(Opinion.requested(d, today, due)));
    }

    private String opinionSummary() {
        return opinions.stream().map(o -> o.departmentId() + ":" + o.answer()).collect(Collectors.joining(","));
    }

    /** The stage now open, if any. */
    public Optional<ReviewStage> currentStage() {
        return stages.stream().filter(ReviewStage::open).findFirst();
    }

    /** True when the open stage is the guide's last one, whose completion is the decision. */
    public boolean atDecision() {
        var current = currentStage();
        return current.isPresent() ? current.get().position() == stages.size() - 1 && !current.get().jointReview()
                : stages.stream().allMatch(ReviewStage::completed);
    }

    /** The officer acting for the open stage's post changed (A away, B acts): the stage follows, and it is noted. */
    boolean reassignCurrent(ReviewStage.Assignment now, LocalDate today) {
        var current = currentStage().orElse(null);
        if (current == null || current.jointReview() || java.util.Objects.equals(current.officerId(), now.officerId())) {
            return false;
        }
        stages.set(current.position(), current.assign(now, today));
        return true;
    }

    /** An officer completes the open stage with their opinion; the next stage opens. Not the last: that decides. */
    ReviewStage completeStage(String by, String opinion, LocalDate today, Routing routing) {
        requireState("cases.action.completeStage", CaseState.ACCEPTED);
        var current = currentStage()
                .orElseThrow(() -> Rejected.conflict(null, "cases.stage.noneOpen"));
        if (current.jointReview()) {
            throw Rejected.conflict(null, "cases.stage.jointReviewOpen");
        }
        if (atDecision()) {
            throw Rejected.conflict(null, "cases.stage.lastIsDecision", current.name());
        }
        String text = opinion == null ? "" : opinion.strip();
        if (text.isEmpty()) {
            throw Rejected.invalid("opinion", "cases.stage.opinionRequired");
        }
        ReviewStage done = current.complete(by, text, today);
        stages.set(current.position(), done);
        events.add(new StageCompleted(number, departmentId, done.position(), done.name(), by));
        advance(by, today, routing);
        return done;
    }

    /** A consulted department answers; a veto needs a reason and is reported before the decision. */
    Opinion answerOpinion(long department, Opinion.Answer answer, String reason, String by, LocalDate today,
            Routing routing) {
        requireState("cases.action.answerOpinion", CaseState.ACCEPTED, CaseState.PAUSED);
        int i = opinionIndex(department);
        if (i < 0 || !opinions.get(i).open()) {
            throw Rejected.conflict(null, "cases.opinion.notOpen");
        }
        if (answer == Opinion.Answer.DEEMED_CONSENT) {
            throw Rejected.invalid("answer", "cases.opinion.answerInvalid");
        }
        String why = reason == null ? "" : reason.strip();
        if (answer == Opinion.Answer.VETO && why.isEmpty()) {
            throw Rejected.invalid("reason", "cases.opinion.vetoReason");
        }
        Opinion given = opinions.get(i).answer(answer, why, by, today);
        opinions.set(i, given);
        if (answer == Opinion.Answer.VETO) {
            events.add(new VetoReported(number, departmentId, department, why));
        }
        advance(by, today, routing);
        return given;
    }

    /**
     * 超时默认: every opinion still open after its deadline becomes consent. Returns the departments it applied to;
     * storage's row version makes sure a second node doing the same finds nothing left.
     */
    List<Long> deemSilentConsent(LocalDate today, Routing routing) {
        if (state != CaseState.ACCEPTED && state != CaseState.PAUSED) {
            return List.of();
        }
        List<Long> deemed = new ArrayList<>();
        opinions.replaceAll(o -> {
            if (o.open() && today.isAfter(o.due())) {
                deemed.add(o.departmentId());
                return o.answer(Opinion.Answer.DEEMED_CONSENT, null, "", today);
            }
            return o;
        });
        advance("", today, routing);
        return deemed;
    }

    /** The department head acknowledges a reported veto (知悉); only then may the decision be taken. */
    void acknowledgeVeto(long department, String by, LocalDate today) {
        int i = opinionIndex(department);
        if (i < 0 || !opinions.get(i).vetoPending()) {
            throw Rejected.conflict(null, "cases.veto.nonePending");
        }
        opinions.set(i, opinions.get(i).acknowledge(by, today));
    }

    private int opinionIndex(long department) {
        for (int i = 0; i < opinions.size(); i++) {
            if (opinions.get(i).departmentId() == department) {
                return i;
            }
        }
        return -1;
    }

    /**
     * 特殊程序: the clock stops from today for a procedure Art. 45 does not count, with its reason and expected length
     * in working days, of which the applicant is told in writing.
     */
    Pause startSpecialProcedure(Pause.Procedure procedure, String reason, int expectedDays, LocalDate today,
            WorkingDayRules days) {
        requireState("cases.action.pause", CaseState.ACCEPTED);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Rejected.invalid("reason", "cases.pause.reasonRequired");
        }
        if (expectedDays < 1 || expectedDays > 365) {
            throw Rejected.invalid("expectedDays", "cases.pause.expectedDays");
        }
        Pause p = new Pause(pauses.size() + 1, procedure, why, expectedDays, today, days.add(today, expectedDays),
                null, null);
        pauses.add(p);
        state = CaseState.PAUSED;
        events.add(new ClockPaused(number, departmentId, procedure, today, p.expectedEnd()));
        return p;
    }

    /** The procedure is over: the working days it took are added to both due dates and the clock runs again. */
    Pause resume(LocalDate today, WorkingDayRules days) {
        requireState("cases.action.resume", CaseState.PAUSED);
        int i = pauses.size() - 1;
        Pause running = pauses.get(i);
        int excluded = days.count(running.startedOn(), today);
        Pause ended = running.end(today, excluded);
        pauses.set(i, ended);
        excludedDays += excluded;
        clocks = clocks.shift(excluded, days);
        state = CaseState.ACCEPTED;
        events.add(new ClockResumed(number, departmentId, excluded, clocks.promisedDue(), clocks.statutoryDue()));
        return ended;
    }

    /** The officer asks for the one extension the law allows (延期), with a reason for the applicant. */
    void requestExtension(int days, String reason, String by) {
        requireState("cases.action.requestExtension", CaseState.ACCEPTED, CaseState.PAUSED);
        if (extension != null) {
            throw Rejected.conflict(null, "cases.extension.once");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Rejected.invalid("reason", "cases.extension.reasonRequired");
        }
        extension = new Extension(days, why, by, null, null);
    }

    /** The department head approves the extension: both due dates move by its working days. */
    Extension approveExtension(String by, LocalDate today, WorkingDayRules days) {
        requireState("cases.action.approveExtension", CaseState.ACCEPTED, CaseState.PAUSED);
        if (extension == null || extension.approved()) {
            throw Rejected.conflict(null, "cases.extension.nonePending");
        }
        extension = new Extension(extension.days(), extension.reason(), extension.requestedBy(), by, today);
        clocks = clocks.shift(extension.days(), days);
        events.add(new DeadlineExtended(number, departmentId, extension.days(), clocks.promisedDue(),
                clocks.statutoryDue()));
        return extension;
    }

    /**
     * The decision (办结) at the last stage: approved with the result document's number, or disapproved with reasons
     * and remedies. Not while a consulted department may still answer, a veto is unacknowledged, deferred materials
     * are awaited or an earlier stage is open.
     */
    Decision decide(Decision.Outcome outcome, String resultNumber, String reason, String remedies, String by,
            LocalDate today, WorkingDayRules days, int deliveryDays) {
        requireState("cases.action.decide", CaseState.ACCEPTED);
        if (opinions.stream().anyMatch(Opinion::open)) {
            throw Rejected.conflict(null, "cases.decide.opinionsOpen");
        }
        if (opinions.stream().anyMatch(Opinion::vetoPending)) {
            throw Rejected.conflict(null, "cases.decide.vetoUnacknowledged");
        }
        if (!deferredMaterials().isEmpty()) {
            throw Rejected.conflict(null, "cases.decide.materialsDeferred", String.join("、", deferredMaterials()));
        }
        if (!atDecision()) {
            throw Rejected.conflict(null, "cases.decide.stagesOpen", currentStage().map(ReviewStage::name).orElse(""));
        }
        String number = blankToNull(resultNumber);
        String why = blankToNull(reason);
        String remedy = blankToNull(remedies);
        if (outcome == Decision.Outcome.APPROVED && number == null) {
            throw Rejected.invalid("resultNumber", "cases.decide.resultNumberRequired");
        }
        if (outcome == Decision.Outcome.DISAPPROVED && why == null) {
            throw Rejected.invalid("reason", "cases.decide.reasonRequired");
        }
        if (outcome == Decision.Outcome.DISAPPROVED && remedy == null) {
            throw Rejected.invalid("remedies", "cases.decide.remediesRequired");
        }
        currentStage().ifPresent(st -> stages.set(st.position(), st.complete(by,
                outcome == Decision.Outcome.APPROVED ? number : why, today)));
        decision = new Decision(outcome, number, why, remedy, by, today, days.add(today, deliveryDays));
        state = CaseState.COMPLETED;
        events.add(new CaseDecided(this.number, departmentId, outcome, today, decision.deliveryDue(),
                clocks.promisedDue(), clocks.statutoryDue()));
        return decision;
    }

    /** 送达: picked up at a window, posted with a tracking number, or delivered electronically with a reference. */
    Delivery deliver(Delivery.Method method, String reference, LocalDate today) {
        requireState("cases.action.deliver", CaseState.COMPLETED);
        String ref = reference == null ? "" : reference.strip();
        if (method != Delivery.Method.WINDOW && ref.isEmpty()) {
            throw Rejected.invalid("reference", "cases.deliver.referenceRequired");
        }
        delivery = new Delivery(method, ref, today);
        state = CaseState.DELIVERED;
        events.add(new CaseDelivered(number, departmentId, method, today));
        return delivery;
    }

    /** Adds a line to the case's history. */
    void log(String kind, String actor, Instant at, String detail) {
        timeline.add(new TimelineEntry(timeline.size() + 1, at, kind, actor, detail == null ? "" : detail));
    }

    /** Materials accepted missing under 容缺 and still awaited. */
    public List<String> deferredMaterials() {
        return materials.stream().filter(CaseMaterial::deferred).map(CaseMaterial::name).toList();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
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

    public Channel channel() {
        return channel;
    }

    /** Counted as accepted because nobody examined the online application in time (Art. 32). */
    public boolean deemedAccepted() {
        return deemedAccepted;
    }

    public @Nullable Pledge pledge() {
        return pledge;
    }

    /** Working days special procedures took, not counted toward the time limits. */
    public int excludedDays() {
        return excludedDays;
    }

    public @Nullable Extension extension() {
        return extension;
    }

    public @Nullable Decision decision() {
        return decision;
    }

    public @Nullable Delivery delivery() {
        return delivery;
    }

    public @Nullable LocalDate terminatedOn() {
        return terminatedOn;
    }

    public List<ReviewStage> stages() {
        return List.copyOf(stages);
    }

    public List<Opinion> opinions() {
        return List.copyOf(opinions);
    }

    public List<Pause> pauses() {
        return List.copyOf(pauses);
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    Loaded loaded() {
        return loaded;
    }
}
