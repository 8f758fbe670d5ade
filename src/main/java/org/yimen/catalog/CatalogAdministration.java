package org.yimen.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;
import org.yimen.catalog.GuidePolicy.Problem;
import org.yimen.catalog.ServiceItem.Status;
import org.yimen.org.Department;
import org.yimen.org.Organisation;
import org.yimen.shared.Rejected;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writing the catalog: drafts are created and edited, published (superseding the version in force) and retired; the
 * whole catalog is exported and imported. Every change is checked by the {@link GuidePolicy} first and recorded in the
 * audit trail inside its own transaction.
 */
@Service
class CatalogAdministration {

    static final String TARGET = "service-item";

    private final JdbcCatalog catalog;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    CatalogAdministration(JdbcCatalog catalog, Organisation organisation, AuditTrail audit, Clock clock) {
        this.catalog = catalog;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
    }

    /** Problems the policy finds with a draft, against the departments that exist now. */
    List<Problem> check(GuideDraft draft) {
        return policy().check(draft);
    }

    /** A new item as draft version 1. Refused for every problem of the draft, or if its code is taken. */
    @Transactional
    String create(GuideDraft draft, Actor actor) {
        refuseProblems(check(draft));
        String code = GuideDraft.text(draft.code());
        if (catalog.exists(code)) {
            throw Rejected.conflict("code", "catalog.validation.codeTaken", code);
        }
        Instant now = now();
        catalog.insertItem(code, now);
        catalog.writeDraft(code, 1, GuideContent.of(draft, departmentIds()), now);
        audit.record(actor, "catalog.item.created", TARGET, code, Map.of("version", 1, "name",
                GuideDraft.text(draft.name())));
        return code;
    }

    /**
     * Saves the draft of an item: the open draft is changed, or, if the newest version is published or retired, the
     * next version is opened as a draft (a published version never changes). Returns the draft's version.
     */
    @Transactional
    int saveDraft(String code, GuideDraft draft, Actor actor) {
        GuideDraft named = draft.withCode(code);
        refuseProblems(check(named));
        ItemLifecycle lifecycle = lifecycle(code);
        int version = lifecycle.draftVersion();
        catalog.writeDraft(code, version, GuideContent.of(named, departmentIds()), now());
        audit.record(actor, "catalog.item.draftSaved", TARGET, code, Map.of("version", version, "newVersion",
                lifecycle.editOpensNewVersion()));
        return version;
    }

    /** The open draft comes into force; the version in force before is superseded and stays readable. */
    @Transactional
    int publish(String code, Actor actor) {
        var publication = lifecycle(code).publish();
        catalog.publish(code, publication, now());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", publication.version());
        if (publication.superseded() != null) {
            detail.put("superseded", publication.superseded());
        }
        audit.record(actor, "catalog.item.published", TARGET, code, detail);
        return publication.version();
    }

    /** The item is withdrawn (停办): no version is in force any more; all stay readable. */
    @Transactional
    int retire(String code, Actor actor) {
        int version = lifecycle(code).retire();
        catalog.retire(code, version, now());
        audit.record(actor, "catalog.item.retired", TARGET, code, Map.of("version", version));
        return version;
    }

    /** The newest version as a draft to edit (the open draft, or a copy of the last version to start the next). */
    Optional<GuideDraft> draftToEdit(String code) {
        return catalog.latest(code).map(item -> GuideContent.draftOf(code, item, departmentCodes()));
    }

    // Export and import

    /** The whole catalog: every item's version in force, open draft, or last version if retired. */
    CatalogFile export() {
        Map<Long, String> codes = departmentCodes();
        List<CatalogFile.Entry> entries = new ArrayList<>();
        catalog.allPublished().forEach(i -> entries.add(entry(i, codes)));
        catalog.allRetired().forEach(i -> entries.add(entry(i, codes)));
        catalog.allDrafts().forEach(i -> entries.add(entry(i, codes)));
        return new CatalogFile(CatalogFile.FORMAT, now(), entries);
    }

    byte[] exportJson() {
        return json.writeValueAsBytes(export());
    }

    /**
     * Imports a catalog file all-or-nothing: every entry is checked first and any problem refuses the whole file
     * with a report of all of them; otherwise each entry is applied (a new item is created, changed content becomes a
     * new version, unchanged content is left alone) and recorded in the audit trail.
     */
    @Transactional
    ImportReport importJson(byte[] content, Actor actor) {
        CatalogFile file;
        try {
            file = json.readValue(content, CatalogFile.class);
        } catch (JacksonException e) {
            return ImportReport.refused(0, List.of(Problem.of("file", "catalog.import.unreadable",
                    Objects.requireNonNullElse(e.getOriginalMessage(), e.getClass().getSimpleName()))));
        }
        List<CatalogFile.Entry> entries = file.items() == null ? List.of()
                : file.items().stream().map(e -> e == null ? new CatalogFile.Entry(null, null) : e).toList();
        List<Problem> problems = check(file, entries);
        if (!problems.isEmpty()) {
            return ImportReport.refused(entries.size(), problems);
        }
        try {
            return apply(entries, actor);
        } catch (Rejected rejected) {
            // A step refused half-way (a state the checks could not foresee): undo the steps already taken.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return ImportReport.refused(entries.size(), List.of(new Problem("items", rejected.code(),
                    List.of(rejected.arguments()))));
        }
    }

    private List<Problem> check(CatalogFile file, List<CatalogFile.Entry> entries) {
        List<Problem> problems = new ArrayList<>();
        if (file.format() != null && !file.format().equals(CatalogFile.FORMAT)) {
            problems.add(Problem.of("format", "catalog.import.format", file.format(), CatalogFile.FORMAT));
        }
        if (entries.isEmpty()) {
            problems.add(Problem.of("items", "catalog.import.empty"));
        }
        GuidePolicy policy = policy();
        List<String> drafts = new ArrayList<>();
        List<String> public_ = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            String at = "items[" + i + "]";
            if (entry.status() == null || entry.status() == Status.SUPERSEDED) {
                problems.add(Problem.of(at + ".status", "catalog.import.status"));
            }
            if (entry.guide() == null) {
                problems.add(Problem.of(at + ".guide", "catalog.validation.required"));
                drafts.add(null);
                public_.add(null);
                continue;
            }
            policy.check(entry.guide()).forEach(p -> problems.add(p.under(at + ".guide")));
            boolean draft = entry.status() == Status.DRAFT;
            drafts.add(draft ? entry.guide().code() : null);
            public_.add(draft ? null : entry.guide().code());
        }
        problems.addAll(GuidePolicy.codesAreUnique(drafts, "items"));
        problems.addAll(GuidePolicy.codesAreUnique(public_, "items"));
        return problems;
    }

    private ImportReport apply(List<CatalogFile.Entry> entries, Actor actor) {
        Map<String, Long> departmentIds = departmentIds();
        int created = 0;
        int published = 0;
        int drafted = 0;
        int retired = 0;
        int unchanged = 0;
        Instant now = now();
        // What is in force comes before the drafts that revise it.
        List<CatalogFile.Entry> ordered = entries.stream()
                .sorted(Comparator.comparing(e -> e.status() == Status.DRAFT)).toList();
        for (var entry : ordered) {
            GuideDraft guide = Objects.requireNonNull(entry.guide());
            Status status = Objects.requireNonNull(entry.status());
            String code = GuideDraft.text(guide.code());
            GuideContent content = GuideContent.of(guide, departmentIds);
            if (!catalog.exists(code)) {
                catalog.insertItem(code, now);
                created++;
                audit.record(actor, "catalog.item.created", TARGET, code, Map.of("version", 1, "name",
                        content.name(), "imported", true));
            }
            if (alreadySays(code, status, content)) {
                unchanged++;
                continue;
            } else {
                int version = lifecycle(code).draftVersion();
                catalog.writeDraft(code, version, content, now);
                audit.record(actor, "catalog.item.draftSaved", TARGET, code, Map.of("version", version, "imported",
                        true));
                if (status == Status.DRAFT) {
                    drafted++;
                    continue;
                }
                var publication = lifecycle(code).publish();
                catalog.publish(code, publication, now);
                audit.record(actor, "catalog.item.published", TARGET, code, Map.of("version", version,
                        "imported", true));
                published++;
            }
            if (status == Status.RETIRED) {
                int version = lifecycle(code).retire();
                catalog.retire(code, version, now);
                audit.record(actor, "catalog.item.retired", TARGET, code, Map.of("version", version, "imported",
                        true));
                retired++;
            }
        }
        audit.record(actor, "catalog.imported", "catalog", "catalog", Map.of("entries", entries.size(), "created",
                created, "published", published, "drafted", drafted, "retired", retired, "unchanged", unchanged));
        return new ImportReport(true, entries.size(), created, published, drafted, retired, unchanged, List.of());
    }

    /** Whether the catalog already holds this content in this status, so importing it again changes nothing. */
    private boolean alreadySays(String code, Status status, GuideContent content) {
        var current = status == Status.PUBLISHED ? catalog.publishedItem(code) : catalog.latest(code);
        return current.filter(item -> item.status() == status)
                .filter(item -> GuideContent.of(item).equals(content))
                .isPresent();
    }

    private ItemLifecycle lifecycle(String code) {
        return catalog.lockLifecycle(code).orElseGet(() -> {
            if (catalog.exists(code)) {
                // An item row without a version: only an import creates one, right before its first draft.
                return new ItemLifecycle(code, 0, Status.SUPERSEDED, null);
            }
            throw Rejected.notFound("catalog.item.notFound", code);
        });
    }

    private static CatalogFile.Entry entry(ServiceItem item, Map<Long, String> codes) {
        return new CatalogFile.Entry(item.status(), GuideContent.draftOf(item.code(), item, codes));
    }

    private static void refuseProblems(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new GuideRefused(problems);
        }
    }

    private GuidePolicy policy() {
        return new GuidePolicy(organisation.departments().stream().map(Department::code)
                .collect(Collectors.toSet()));
    }

    private Map<String, Long> departmentIds() {
        return organisation.departments().stream().collect(Collectors.toMap(Department::code, Department::id));
    }

    Map<Long, String> departmentCodes() {
        return organisation.departments().stream().collect(Collectors.toMap(Department::id, Department::code));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
