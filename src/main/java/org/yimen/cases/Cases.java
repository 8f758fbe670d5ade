package org.yimen.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;
import org.yimen.calendar.WorkingDays;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.org.Hall;
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
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cases(JdbcCases store, Catalog catalog, Organisation organisation, WorkingDays workingDays,
            PersonalData personalData, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
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
        var existing = store.idByIdempotencyKey(intake.idempotencyKey());
        if (existing.isPresent()) {
            return require(existing.get());
        }
        ServiceItem item = catalog.publishedItem(intake.itemCode())
                .orElseThrow(() -> Rejected.invalid("itemCode", "cases.intake.itemNotPublished", intake.itemCode()));
        Hall hall = organisation.hallByCode(intake.hallCode())
                .orElseThrow(() -> Rejected.invalid("hallCode", "cases.intake.hallUnknown", intake.hallCode()));
        ServiceWindow window = organisation.window(hall.id(), intake.windowNumber())
                .filter(ServiceWindow::active)
                .orElseThrow(() -> Rejected.invalid("windowNumber", "cases.intake.windowUnknown",
                        intake.windowNumber()));
        Instant now = Instant.now(clock);
        String number = hall.code() + "-" + LocalDate.now(clock).format(DAY) + "-"
                + String.format("%06d", store.nextNumber());
        Actor clerk = AuditTrail.currentActor();
        var applicant = intake.applicant();
        var header = new JdbcCases.Header(intake.idempotencyKey(), item.code(), item.version(), item.departmentId(),
                hall.id(), window.id(), clerk.id(), clerk.name(), applicant,
                personalData.seal(applicant.document().number()), personalData.seal(applicant.phone()), now);
        Case created = Case.submit(0, number, item, intake.materials());
        Optional<Long> id = store.insert(number, header);
        if (id.isEmpty()) {
            // A concurrent twin with the same key committed first.
            return require(store.idByIdempotencyKey(intake.idempotencyKey()).orElseThrow());
        }
        Case stored = Case.submit(id.get(), number, item, intake.materials());
        store.save(stored, true);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("caseNumber", number);
        detail.put("item", item.code() + " v" + item.version());
        detail.put("window", window.number());
        detail.put("received", created.materials().stream().filter(CaseMaterial::received).count());
        audit.record("cases.audit.submitted", TARGET, number, detail);
        return require(id.get());
    }

    /** 受理: complete materials; both clocks start in working days after today. */
    @Transactional
    public Case accept(long id) {
        Case c = require(id);
        ServiceItem item = version(c);
        c.accept(today(), item.promisedDays(), item.statutoryDays(), workingDays::dueDate);
        Clocks k = c.clocks();
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
        c.supplement(materials);
        store.save(c, false);
        audit.record("cases.audit.supplemented", TARGET, c.number(), Map.of("visit", c.visits(),
                "materials", List.copyOf(materials), "thirdVisit", c.thirdVisit()));
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

    /** The guide version the case is judged by. */
    public ServiceItem version(Case c) {
        return catalog.itemVersion(c.itemCode(), c.itemVersion())
                .orElseThrow(() -> new IllegalStateException("item version of case " + c.number() + " is gone"));
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
