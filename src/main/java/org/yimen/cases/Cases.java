package org.yimen.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;
import org.yimen.calendar.WorkingDays;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.notifications.Notifications;
import org.yimen.org.ActingOfficer;
import org.yimen.org.ActingReason;
import org.yimen.org.Department;
import org.yimen.org.Hall;
import org.yimen.org.Posts;
import org.yimen.org.Role;
import org.yimen.org.StaffSummary;
import org.yimen.org.Organisation;
import org.yimen.org.ServiceWindow;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.Rejected;

/**
 * Intake of cases (受理): submit an application at a window, then accept it, issue the one-time notice, take in the
 * supplied materials on the next visit, or refuse it. Every change is one transaction with its audit record and its
 * events; the applicant's document number and phone are sealed before they are stored.
 */
@Service
public class Cases {

    static final String TARGET = "case";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcCases store;
    private final Catalog catalog;
    private final Organisation organisation;
    private final WorkingDays workingDays;
    private final PersonalData personalData;
    private final CaseFiles files;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Posts posts;
    private final CaseRules rules;
    private final WorkingDayRules days;
    private final java.util.concurrent.ConcurrentHashMap<String, ServiceItem> versions =
            new java.util.concurrent.ConcurrentHashMap<>();

    Cases(JdbcCases store, Catalog catalog, Organisation organisation, WorkingDays workingDays,
            PersonalData personalData, AuditTrail audit, ApplicationEventPublisher events, Clock clock, Posts posts,
            CaseRules rules, CaseFiles files, Notifications notifications) {
        this.files = files;
        this.notifications = notifications;
        this.posts = posts;
        this.rules = rules;
        this.days = new WorkingDayRules() {
            @Override
            public org.yimen.calendar.WorkingDayResult dueDate(LocalDate start, int n) {
                return workingDays.dueDate(start, n);
            }

            @Override
            public int count(LocalDate fromExclusive, LocalDate toInclusive) {
                return workingDays.countWorkingDays(fromExclusive, toInclusive);
            }
        };
        this.store = store;
        this.catalog = catalog;
        this.organisation = organisation;
        this.workingDays = workingDays;
        this.personalData = personalData;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers an application against the item version in force now. A repeated submission with the same
     * idempotency key returns the case the first one created and changes nothing.
     */
    @Transactional
    public Case submit(Intake intake) {
        ServiceItem item = publishedItem(intake.itemCode());
        Hall hall = organisation.hallByCode(intake.hallCode())
                .orElseThrow(() -> Rejected.invalid("hallCode", "cases.intake.hallUnknown", intake.hallCode()));
        ServiceWindow window = organisation.window(hall.id(), intake.windowNumber())
                .filter(ServiceWindow::active)
                .orElseThrow(() -> Rejected.invalid("windowNumber", "cases.intake.windowUnknown",
                        intake.windowNumber()));
        // A department's window takes its own items; the comprehensive window (综合受理) and, for items handled
        // anywhere in the city (同城通办), any window takes them for the competent department to review.
        if (window.departmentId() != null && window.departmentId() != item.departmentId()
                && !item.channels().contains(ServiceItem.Channel.CITYWIDE)) {
            throw Rejected.invalid("windowNumber", "cases.intake.otherDepartmentsWindow", window.number(),
                    item.name());
        }
        Instant now = Instant.now(clock);
        Actor clerk = AuditTrail.currentActor();
        var applicant = intake.applicant();
        var header = new JdbcCases.Header(Case.Channel.WINDOW, intake.idempotencyKey(), item.code(), item.version(),
                item.departmentId(), hall.id(), window.id(), clerk.id(), clerk.name(), applicant,
                personalData.seal(applicant.document().number()), personalData.seal(applicant.phone()), now);
        // Validate the ticked materials before anything is written.
        Case.submit(0, "", item, intake.materials());
        var inserted = store.insert(hall.code() + "-" + LocalDate.now(clock).format(DAY) + "-", header);
        if (inserted.isEmpty()) {
            // A repeated submission (or a concurrent twin that committed first): the case it created.
            return require(store.idByIdempotencyKey(intake.idempotencyKey()).orElseThrow());
        }
        String number = inserted.get().number();
        Case stored = Case.submit(inserted.get().id(), number, item, intake.materials());
        stored.log("submitted", clerk.name(), now, window.number() + "");
        store.save(stored, true);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("caseNumber", number);
        detail.put("item", item.code() + " v" + item.version());
        detail.put("window", window.number());
        detail.put("received", stored.materials().stream().filter(CaseMaterial::received).count());
        audit.record("cases.audit.submitted", TARGET, number, detail);
        events.publishEvent(new CaseSubmitted(number, item.code(), item.version(), item.departmentId(), hall.id(),
                Case.Channel.WINDOW));
        return stored;
    }

    /**
     * 网上申请: registers an application made on the portal with its uploaded materials, for a window to examine
     * (accept, notice or refuse) like any other; if nobody does within the limit, the sweep deems it accepted.
     * {@code proof} checks the applicant's SMS code once the application itself is found valid, so a mistake in the
     * form does not use up the code; it throws when the code is wrong.
     */
    @Transactional
    Case applyOnline(OnlineApplication application, Runnable proof) {
        ServiceItem item = publishedItem(application.itemCode());
        if (!item.channels().contains(ServiceItem.Channel.ONLINE)) {
            throw Rejected.invalid("itemCode", "cases.online.notOnline", item.name());
        }
        Hall hall = organisation.hallByCode(application.hallCode())
                .orElseThrow(() -> Rejected.invalid("hallCode", "cases.intake.hallUnknown", application.hallCode()));
        files.checkAll(application.files());
        List<String> materials = application.files().stream().map(CaseFiles.Upload::material).distinct().toList();
        // Validate the materials against the guide before anything is written.
        Case.submit(0, "", item, materials, Case.Channel.ONLINE);
        proof.run();
        Instant now = Instant.now(clock);
        var applicant = application.applicant();
        Actor citizen = Actor.citizen(org.yimen.shared.Masking.phone(applicant.phone()));
        var header = new JdbcCases.Header(Case.Channel.ONLINE, application.idempotencyKey(), item.code(),
                item.version(), item.departmentId(), hall.id(), null, "online", citizen.name(), applicant,
                personalData.seal(applicant.document().number()), personalData.seal(applicant.phone()), now);
        var inserted = store.insert(hall.code() + "-" + LocalDate.now(clock).format(DAY) + "-", header);
        if (inserted.isEmpty()) {
            return require(store.idByIdempotencyKey(application.idempotencyKey()).orElseThrow());
        }
        Case stored = Case.submit(inserted.get().id(), inserted.get().number(), item, materials,
                Case.Channel.ONLINE);
        stored.log("appliedOnline", "", now, String.join("、", materials));
        store.save(stored, true);
        files.store(stored.id(), stored.number(), application.files());
        notifications.sms("cases.applied", applicant.phone(), "cases.sms.applied", stored.number(), item.name());
        audit.record(citizen, "cases.audit.appliedOnline", TARGET, stored.number(), Map.of("item",
                item.code() + " v" + item.version(), "files", application.files().size()));
        events.publishEvent(new CaseSubmitted(stored.number(), item.code(), item.version(), item.departmentId(),
                hall.id(), Case.Channel.ONLINE));
        return stored;
    }

    /** 受理: complete materials; both clocks start in working days after today. */
    @Transactional
    public Case accept(long id) {
        Case c = require(id);
        ServiceItem item = version(c);
        c.accept(today(), item.promisedDays(), item.statutoryDays(), workingDays::dueDate);
        Clocks k = c.clocks();
        String actor = AuditTrail.currentActor().name();
        c.log("accepted", actor, Instant.now(clock), k.promisedDue().toString());
        c.advance(actor, today(), routing(c, item));
        logOpened(c);
        store.save(c, false);
        audit.record("cases.audit.accepted", TARGET, c.number(), Map.of("acceptedOn", k.acceptedOn().toString(),
                "promisedDue", k.promisedDue().toString(), "statutoryDue", k.statutoryDue().toString(),
                "visits", c.visits(), "published", k.published()));
        publish(c);
        return c;
    }

    /** 一次性告知书: everything missing or defective, each with its reason; the case waits for the applicant. */
    @Transactional
    public Notice issueOneTimeNotice(long id, List<NoticeItem> items, String reason) {
        Case c = require(id);
        Notice notice = c.issueOneTimeNotice(items, reason, today());
        c.log("noticeIssued", AuditTrail.currentActor().name(), Instant.now(clock), notice.items().stream()
                .map(NoticeItem::material).collect(java.util.stream.Collectors.joining("、")));
        store.save(c, false);
        audit.record("cases.audit.noticeIssued", TARGET, c.number(), Map.of("notice", notice.number(),
                "materials", notice.items().stream().map(NoticeItem::material).toList(),
                "flagged", notice.flagged(), "reason", notice.reason()));
        publish(c);
        return notice;
    }

    /** The applicant's next visit with the materials the notice asked for; a third visit is flagged. */
    @Transactional
    public Case supplement(long id, List<String> materials) {
        Case c = require(id);
        Instant now = Instant.now(clock);
        c.supplement(materials, now);
        c.log("supplemented", AuditTrail.currentActor().name(), now, String.join("、", materials));
        store.save(c, false);
        audit.record("cases.audit.supplemented", TARGET, c.number(), Map.of("visit", c.visits(),
                "materials", List.copyOf(materials), "thirdVisit", c.thirdVisit()));
        publish(c);
        return c;
    }

    /**
     * 网上补正: the applicant of an online case, whose phone {@code proof} has established, uploads materials the
     * latest one-time notice asked for. The files, checked by {@link OnlineSupplements}, are stored as
     * {@link #applyOnline} does (removed again if the transaction rolls back); the upload is a new submission round,
     * counted like a window visit, and the case goes back to the office to examine, with Art. 32's limit counting
     * from today.
     */
    @Transactional
    Case supplementOnline(long id, List<CaseFiles.Upload> uploads, String maskedPhone) {
        Case c = require(id);
        List<String> materials = uploads.stream().map(CaseFiles.Upload::material).distinct().toList();
        Instant now = Instant.now(clock);
        c.supplementOnline(materials, now);
        c.log("supplementedOnline", "", now, String.join("、", materials));
        store.save(c, false);
        files.store(c.id(), c.number(), uploads);
        audit.record(Actor.citizen(maskedPhone), "cases.audit.supplementedOnline", TARGET, c.number(), Map.of(
                "round", c.visits(), "materials", materials, "files", uploads.size(), "thirdVisit", c.thirdVisit()));
        publish(c);
        return c;
    }

    /** 不予受理 with reason and remedies, or outside the remit naming the competent department. */
    @Transactional
    public Case refuse(long id, Refusal refusal) {
        Case c = require(id);
        if (refusal.competentDepartmentId() != null
                && organisation.department(refusal.competentDepartmentId()).isEmpty()) {
            throw Rejected.invalid("competentDepartmentId", "cases.refusal.competentDepartmentUnknown");
        }
        c.refuse(refusal, today());
        c.log(refusal.kind() == Refusal.Kind.OUTSIDE_REMIT ? "refusedOutsideRemit" : "refused",
                AuditTrail.currentActor().name(), Instant.now(clock), refusal.reason());
        store.save(c, false);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", refusal.kind().name());
        detail.put("reason", refusal.reason());
        if (refusal.competentDepartmentId() != null) {
            detail.put("competentDepartmentId", refusal.competentDepartmentId());
        }
        audit.record("cases.audit.refused", TARGET, c.number(), detail);
        publish(c);
        return c;
    }

    /** 容缺受理: accepted with the guide's deferrable materials pending against the applicant's signed pledge. */
    @Transactional
    public Case acceptWithDeferral(long id, String pledge) {
        Case c = require(id);
        ServiceItem item = version(c);
        c.acceptWithDeferral(pledge, rules.pledgeDays(), today(), item.promisedDays(), item.statutoryDays(), days);
        String actor = AuditTrail.currentActor().name();
        c.log("acceptedDeferred", actor, Instant.now(clock), String.join("、", c.deferredMaterials()));
        c.advance(actor, today(), routing(c, item));
        logOpened(c);
        store.save(c, false);
        audit.record("cases.audit.acceptedDeferred", TARGET, c.number(), Map.of("deferred", c.deferredMaterials(),
                "pledgeDue", c.pledge().due().toString(), "promisedDue", c.clocks().promisedDue().toString()));
        publish(c);
        return c;
    }

    /** The deferred materials of a 容缺 case arrive. */
    @Transactional
    public Case supplyDeferred(long id, List<String> materials) {
        Case c = require(id);
        c.supplyDeferred(materials);
        c.log("deferredSupplied", AuditTrail.currentActor().name(), Instant.now(clock), String.join("、", materials));
        store.save(c, false);
        audit.record("cases.audit.deferredSupplied", TARGET, c.number(), Map.of("materials", List.copyOf(materials),
                "stillAwaited", c.deferredMaterials()));
        return c;
    }

    /** The officer acting for the open stage completes it with an opinion; the next stage opens. */
    @Transactional
    public Case completeStage(long id, Officer officer, String opinion) {
        Case c = require(id);
        requireActingOfficer(c, officer);
        ReviewStage done = c.completeStage(officer.name(), opinion, today(), routing(c, version(c)));
        c.log("stageCompleted", officer.name(), Instant.now(clock), done.name());
        logOpened(c);
        store.save(c, false);
        audit.record("cases.audit.stageCompleted", TARGET, c.number(), Map.of("stage", done.name(),
                "position", done.position(), "opinion", done.opinion()));
        publish(c);
        return c;
    }

    /** A reviewer or head of a consulted department answers the joint review for it: consent or a reasoned veto. */
    @Transactional
    public Case answerOpinion(long id, Officer officer, Opinion.Answer answer, String reason) {
        Case c = require(id);
        StaffSummary staff = staff(officer);
        if (staff.departmentId() == null || !(staff.roles().contains(Role.REVIEWER)
                || staff.roles().contains(Role.DEPT_HEAD))) {
            throw Rejected.forbidden("cases.opinion.notConsulted");
        }
        Opinion given = c.answerOpinion(staff.departmentId(), answer, reason, officer.name(), today(),
                routing(c, version(c)));
        c.log(answer == Opinion.Answer.VETO ? "vetoed" : "consented", officer.name(), Instant.now(clock),
                departmentName(staff.departmentId()) + (given.reason() == null || given.reason().isEmpty() ? ""
                        : "：" + given.reason()));
        logOpened(c);
        store.save(c, false);
        audit.record(answer == Opinion.Answer.VETO ? "cases.audit.vetoed" : "cases.audit.consented", TARGET,
                c.number(), Map.of("department", staff.departmentId(), "reason", given.reason() == null ? ""
                        : given.reason()));
        publish(c);
        return c;
    }

    /** The head of the case's department acknowledges a reported veto (知悉) so the decision may be taken. */
    @Transactional
    public Case acknowledgeVeto(long id, Officer officer, long vetoingDepartmentId) {
        Case c = require(id);
        requireHead(c, officer);
        c.acknowledgeVeto(vetoingDepartmentId, officer.name(), today());
        c.log("vetoAcknowledged", officer.name(), Instant.now(clock), departmentName(vetoingDepartmentId));
        store.save(c, false);
        audit.record("cases.audit.vetoAcknowledged", TARGET, c.number(), Map.of("department", vetoingDepartmentId));
        return c;
    }

    /** 特殊程序: the clock stops for a procedure the law does not count; the applicant gets a written notice. */
    @Transactional
    public Case startSpecialProcedure(long id, Officer officer, Pause.Procedure procedure, String reason,
            int expectedDays) {
        Case c = require(id);
        requireActingOfficer(c, officer);
        Pause p = c.startSpecialProcedure(procedure, reason, expectedDays, today(), days);
        c.log("paused", officer.name(), Instant.now(clock), procedure.name() + "|" + p.expectedEnd());
        store.save(c, false);
        audit.record("cases.audit.paused", TARGET, c.number(), Map.of("procedure", procedure.name(),
                "reason", p.reason(), "expectedDays", expectedDays, "expectedEnd", p.expectedEnd().toString()));
        publish(c);
        return c;
    }

    /** The special procedure is over; its working days move both due dates. */
    @Transactional
    public Case resume(long id, Officer officer) {
        Case c = require(id);
        requireActingOfficer(c, officer);
        Pause p = c.resume(today(), days);
        c.log("resumed", officer.name(), Instant.now(clock), p.excludedDays() + "|" + c.clocks().promisedDue());
        store.save(c, false);
        audit.record("cases.audit.resumed", TARGET, c.number(), Map.of("excludedDays", p.excludedDays(),
                "promisedDue", c.clocks().promisedDue().toString(),
                "statutoryDue", c.clocks().statutoryDue().toString()));
        publish(c);
        return c;
    }

    /** The officer asks the department head for the one extension, as long as the item's guide allows. */
    @Transactional
    public Case requestExtension(long id, Officer officer, String reason) {
        Case c = require(id);
        requireActingOfficer(c, officer);
        int extra = version(c).extensionDaysAllowed();
        c.requestExtension(extra, reason, officer.name());
        c.log("extensionRequested", officer.name(), Instant.now(clock), extra + "");
        store.save(c, false);
        audit.record("cases.audit.extensionRequested", TARGET, c.number(), Map.of("days", extra,
                "reason", c.extension().reason()));
        return c;
    }

    /** The department head approves the extension; the applicant gets the extension notice. */
    @Transactional
    public Case approveExtension(long id, Officer officer) {
        Case c = require(id);
        requireHead(c, officer);
        Extension x = c.approveExtension(officer.name(), today(), days);
        c.log("extensionApproved", officer.name(), Instant.now(clock), x.days() + "|" + c.clocks().promisedDue());
        store.save(c, false);
        audit.record("cases.audit.extensionApproved", TARGET, c.number(), Map.of("days", x.days(),
                "promisedDue", c.clocks().promisedDue().toString(),
                "statutoryDue", c.clocks().statutoryDue().toString()));
        publish(c);
        return c;
    }

    /** The decision at the last stage (办结): approved with the result's number, or disapproved with remedies. */
    @Transactional
    public Case decide(long id, Officer officer, Decision.Outcome outcome, String resultNumber, String reason,
            String remedies) {
        Case c = require(id);
        requireActingOfficer(c, officer);
        Decision d = c.decide(outcome, resultNumber, reason, remedies, officer.name(), today(), days,
                rules.deliveryDays());
        c.log(outcome == Decision.Outcome.APPROVED ? "approved" : "disapproved", officer.name(), Instant.now(clock),
                outcome == Decision.Outcome.APPROVED ? d.resultNumber() : d.reason());
        store.save(c, false);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("outcome", outcome.name());
        detail.put("resultNumber", d.resultNumber() == null ? "" : d.resultNumber());
        detail.put("completedOn", d.completedOn().toString());
        detail.put("promisedDue", c.clocks().promisedDue().toString());
        audit.record("cases.audit.decided", TARGET, c.number(), detail);
        publish(c);
        return c;
    }

    /** 送达: the result reaches the applicant at a window, by post or electronically. */
    @Transactional
    public Case deliver(long id, Officer officer, Delivery.Method method, String reference) {
        Case c = require(id);
        requireDepartmentStaff(c, officer);
        Delivery d = c.deliver(method, reference, today());
        c.log("delivered", officer.name(), Instant.now(clock), method.name() + "|" + d.reference());
        store.save(c, false);
        audit.record("cases.audit.delivered", TARGET, c.number(), Map.of("method", method.name(),
                "reference", d.reference()));
        publish(c);
        return c;
    }

    /** 超时默认: opinions past their deadline on this case become consent; returns the departments concerned. */
    @Transactional
    public List<Long> deemSilentConsent(long id) {
        Case c = require(id);
        List<Long> deemed = c.deemSilentConsent(today(), routing(c, version(c)));
        if (deemed.isEmpty()) {
            return deemed;
        }
        Instant now = Instant.now(clock);
        deemed.forEach(d -> c.log("deemedConsent", "", now, departmentName(d)));
        logOpened(c);
        store.save(c, false);
        audit.record(Actor.system("cases.sweep"), "cases.audit.deemedConsent", TARGET, c.number(),
                Map.of("departments", deemed));
        publish(c);
        return deemed;
    }

    /** A 容缺 case whose pledge deadline passed with materials missing is terminated; true if this one was. */
    @Transactional
    public boolean terminateIfPledgeMissed(long id) {
        Case c = require(id);
        if (!c.terminateIfPledgeMissed(today())) {
            return false;
        }
        c.log("terminated", "", Instant.now(clock), String.join("、", c.deferredMaterials()));
        store.save(c, false);
        audit.record(Actor.system("cases.sweep"), "cases.audit.terminated", TARGET, c.number(),
                Map.of("missing", c.deferredMaterials(), "pledgeDue", c.pledge().due().toString()));
        publish(c);
        return true;
    }

    /**
     * Art. 32: an online application left unexamined past the limit counts as accepted from the day its materials
     * arrived: its submission, or after a one-time notice the day the supplemented materials came in.
     */
    @Transactional
    public boolean deemAcceptedIfUnexamined(long id) {
        Case c = require(id);
        LocalDate arrived = Objects.requireNonNull(c.materialsArrivedAt()).atZone(clock.getZone()).toLocalDate();
        if (c.state() != CaseState.SUBMITTED || c.channel() != Case.Channel.ONLINE
                || !today().isAfter(days.add(arrived, rules.deemedAcceptanceDays()))) {
            return false;
        }
        ServiceItem item = version(c);
        c.deemAccepted(arrived, item.promisedDays(), item.statutoryDays(), days);
        c.log("deemedAccepted", "", Instant.now(clock), arrived.toString());
        c.advance("", today(), routing(c, item));
        logOpened(c);
        store.save(c, false);
        audit.record(Actor.system("cases.sweep"), "cases.audit.deemedAccepted", TARGET, c.number(),
                Map.of("acceptedOn", arrived.toString(), "promisedDue", c.clocks().promisedDue().toString()));
        publish(c);
        return true;
    }

    /** Cases a sweep must look at today: opinions past due, pledges past due, online applications past the limit. */
    List<Long> dueForSweep() {
        LocalDate today = today();
        LocalDate arrivedBefore = today;
        // The online limit counts working days, so find the latest arrival day whose limit has passed.
        while (!today.isAfter(days.add(arrivedBefore, rules.deemedAcceptanceDays()))) {
            arrivedBefore = arrivedBefore.minusDays(1);
        }
        return store.dueForSweep(today, arrivedBefore.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    /** Cases whose open stage this member of staff acts for now, or awaiting their department's opinion. */
    public List<WorkItem> workFor(Officer officer) {
        StaffSummary staff = staff(officer);
        List<Long> postIds = posts.postsActedBy(staff.id()).stream().map(ActingOfficer::postId).toList();
        boolean head = staff.departmentId() != null && organisation.department(staff.departmentId())
                .map(d -> java.util.Objects.equals(d.headStaffId(), staff.id())).orElse(false);
        boolean consulted = staff.departmentId() != null && (staff.roles().contains(Role.REVIEWER) || head);
        return store.work(staff.id(), postIds, consulted ? staff.departmentId() : null,
                head ? staff.departmentId() : null).stream()
                .map(w -> w.withRemaining(remaining(w.promisedDue()))).toList();
    }

    /** What a member of staff may do on a case now, so pages offer only the actions that would be accepted. */
    public record Abilities(boolean intake, boolean stage, boolean opinion, boolean head, boolean department) {
    }

    public Abilities abilities(Case c, Officer officer) {
        var staff = organisation.staff(officer.staffId()).filter(StaffSummary::active).orElse(null);
        if (staff == null) {
            return new Abilities(false, false, false, false, false);
        }
        boolean department = staff.departmentId() != null && staff.departmentId() == c.departmentId();
        boolean head = organisation.department(c.departmentId())
                .map(d -> java.util.Objects.equals(d.headStaffId(), staff.id())).orElse(false);
        var current = c.currentStage().filter(st -> !st.jointReview());
        boolean stage = current.isPresent()
                ? java.util.Objects.equals(assignment(c.departmentId(), current.get()).officerId(), staff.id())
                : department;
        boolean opinion = staff.departmentId() != null && (staff.roles().contains(Role.REVIEWER)
                || staff.roles().contains(Role.DEPT_HEAD)) && c.opinions().stream()
                .anyMatch(o -> o.open() && o.departmentId() == staff.departmentId());
        return new Abilities(staff.roles().contains(Role.CLERK), stage, opinion, head, department);
    }

    /** Working days left until {@code due} (negative when overdue), counting from today. */
    public int remaining(@org.jspecify.annotations.Nullable LocalDate due) {
        if (due == null) {
            return 0;
        }
        LocalDate today = today();
        return due.isBefore(today) ? -days.count(due, today) : days.count(today, due);
    }

    private Case.Routing routing(Case c, ServiceItem item) {
        return new Case.Routing(stage -> assignment(c.departmentId(), stage), item.consultedDepartmentIds(),
                rules.opinionDays(), days);
    }

    /** The officer acting for the post the stage names, or the department head when there is no such post. */
    private ReviewStage.Assignment assignment(long departmentId, ReviewStage stage) {
        var post = posts.actingForPostNamed(departmentId, stage.role());
        if (post.isPresent()) {
            ActingOfficer acting = post.get();
            return new ReviewStage.Assignment(acting.postId(), acting.staffId(), acting.name(),
                    acting.reason().name());
        }
        var head = organisation.department(departmentId).map(Department::headStaffId)
                .flatMap(organisation::staff);
        return head.map(h -> new ReviewStage.Assignment(null, h.id(), h.name(), "HEAD"))
                .orElse(new ReviewStage.Assignment(null, null, null, ActingReason.VACANT.name()));
    }

    /** Notes on the timeline the stage a transition opened and who has it. */
    private void logOpened(Case c) {
        c.currentStage().filter(st -> !st.jointReview() && st.completedOn() == null)
                .filter(st -> c.timeline().stream().noneMatch(e -> e.kind().equals("stageOpened")
                        && e.detail().equals(st.name())))
                .ifPresent(st -> c.log("stageOpened", st.officerName() == null ? "" : st.officerName(),
                        Instant.now(clock), st.name()));
    }

    /**
     * Only the officer acting for the open stage's post now may act on it; when A went away since the stage opened,
     * B has it now and the switch is noted. Items without review stages are decided by their department's staff.
     */
    private void requireActingOfficer(Case c, Officer officer) {
        var current = c.currentStage();
        if (current.isEmpty() || current.get().jointReview()) {
            requireDepartmentStaff(c, officer);
            return;
        }
        ReviewStage st = current.get();
        ReviewStage.Assignment now = assignment(c.departmentId(), st);
        if (c.reassignCurrent(now, today())) {
            c.log("stageReassigned", now.officerName() == null ? "" : now.officerName(), Instant.now(clock),
                    st.name() + "|" + (now.officerName() == null ? "" : now.officerName()) + "|" + now.reason());
        }
        if (now.officerId() == null || now.officerId() != officer.staffId()) {
            throw Rejected.forbidden("cases.stage.notYours", st.name(),
                    now.officerName() == null ? "" : now.officerName());
        }
    }

    private void requireDepartmentStaff(Case c, Officer officer) {
        StaffSummary staff = staff(officer);
        if (staff.departmentId() == null || staff.departmentId() != c.departmentId()) {
            throw Rejected.forbidden("cases.notYourDepartment");
        }
    }

    private void requireHead(Case c, Officer officer) {
        boolean head = organisation.department(c.departmentId())
                .map(d -> java.util.Objects.equals(d.headStaffId(), officer.staffId())).orElse(false);
        if (!head) {
            throw Rejected.forbidden("cases.headOnly");
        }
    }

    private StaffSummary staff(Officer officer) {
        return organisation.staff(officer.staffId()).filter(StaffSummary::active)
                .orElseThrow(() -> Rejected.forbidden("cases.notYourDepartment"));
    }

    private String departmentName(long id) {
        return organisation.department(id).map(Department::name).orElse(Long.toString(id));
    }

    public Optional<Case> find(long id) {
        return store.load(id);
    }

    public Optional<Case> findByNumber(String number) {
        return store.idByNumber(number).flatMap(store::load);
    }

    /** The case with its applicant masked, for pages and receipts. */
    public Optional<CaseDetails> details(long id) {
        return store.details(id, personalData::open);
    }

    /**
     * The guide version the case is judged by. A version's guide never changes once published, so each node keeps
     * the ones it has read (only its status moves on, which no rule here reads).
     */
    public ServiceItem version(Case c) {
        return version(c.itemCode(), c.itemVersion());
    }

    /** The version in force now of an item, read through the versions this node keeps. */
    private ServiceItem publishedItem(String code) {
        int version = catalog.publishedVersion(code)
                .orElseThrow(() -> Rejected.invalid("itemCode", "cases.intake.itemNotPublished", code));
        return version(code, version);
    }

    private ServiceItem version(String code, int version) {
        String key = code + "#" + version;
        ServiceItem cached = versions.get(key);
        if (cached != null) {
            return cached;
        }
        ServiceItem item = catalog.itemVersion(code, version)
                .orElseThrow(() -> new IllegalStateException("item version " + key + " is gone"));
        if (item.status() != ServiceItem.Status.DRAFT) {
            if (versions.size() > 10_000) {
                versions.clear();
            }
            versions.put(key, item);
        }
        return item;
    }

    private Case require(long id) {
        return store.load(id).orElseThrow(() -> Rejected.notFound("cases.notFound", id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void publish(Case c) {
        c.drainEvents().forEach(events::publishEvent);
    }
}
