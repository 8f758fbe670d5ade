package org.yimen.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.audit.AuditTrail;
import org.yimen.shared.Rejected;

/**
 * Administration of the catalog over HTTP: drafts are created and edited, previewed, published and retired; the whole
 * catalog is exported and imported. A refused guide answers 400 with every problem, each naming its field.
 */
@RestController
@RequestMapping("/api/admin/catalog")
@PreAuthorize(CatalogAdminApi.MANAGERS)
@Tag(name = "Service catalog administration", description = "Drafts, publication, retirement, export and import of"
        + " the service catalog (办事指南). Administrators and hall managers.")
class CatalogAdminApi {

    static final String MANAGERS = "hasAnyRole('ADMIN','HALL_MANAGER')";

    /** What a publication or retirement did. */
    record VersionChange(String code, int version, ServiceItem.Status status) {
    }

    /** An import's outcome with each problem in the caller's language. */
    record ImportResult(boolean applied, int entries, int created, int published, int drafted, int retired,
            int unchanged, List<CatalogViews.ProblemMessage> problems) {
    }

    private final JdbcCatalog catalog;
    private final CatalogAdministration administration;
    private final CatalogViews views;
    private final MessageSource messages;

    CatalogAdminApi(JdbcCatalog catalog, CatalogAdministration administration, CatalogViews views,
            MessageSource messages) {
        this.catalog = catalog;
        this.administration = administration;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/items")
    @Operation(summary = "Every item with its newest version and the version in force")
    List<JdbcCatalog.AdminRow> items() {
        return catalog.adminRows();
    }

    @PostMapping("/items")
    @Operation(summary = "Create an item as draft version 1")
    ResponseEntity<ServiceItem> create(@RequestBody GuideDraft draft) {
        String code = administration.create(draft, AuditTrail.currentActor());
        return ResponseEntity.created(URI.create("/api/admin/catalog/items/" + code + "/draft"))
                .body(newest(code));
    }

    @GetMapping("/items/{code}/draft")
    @Operation(summary = "Preview the newest version (the open draft, or the last version if there is none)")
    ServiceItem preview(@PathVariable String code) {
        return newest(code);
    }

    @GetMapping("/items/{code}/versions/{version}")
    @Operation(summary = "Any version of an item, drafts included")
    ServiceItem version(@PathVariable String code, @PathVariable int version) {
        return catalog.itemVersion(code, version)
                .orElseThrow(() -> Rejected.notFound("catalog.item.versionNotFound", code, version));
    }

    @PutMapping("/items/{code}/draft")
    @Operation(summary = "Save the draft", description = "Changes the open draft; if the newest version is in force"
            + " or retired, opens the next version as a draft. A published version never changes. A guide that"
            + " breaks a rule (e.g. `extensionDays` outside 1–60, a second INTAKE stage, an INTAKE stage that is"
            + " not first, a DECISION stage that is not last) answers 400 with a problem detail whose `errors`"
            + " name each field, in the caller's language.")
    ServiceItem saveDraft(@PathVariable String code, @RequestBody GuideDraft draft) {
        int version = administration.saveDraft(code, draft, AuditTrail.currentActor());
        return version(code, version);
    }

    @PostMapping("/items/{code}/publish")
    @Operation(summary = "Publish the open draft; the version in force before is superseded and stays readable")
    VersionChange publish(@PathVariable String code) {
        return new VersionChange(code, administration.publish(code, AuditTrail.currentActor()),
                ServiceItem.Status.PUBLISHED);
    }

    @PostMapping("/items/{code}/retire")
    @Operation(summary = "Withdraw the item (停办); every version stays readable")
    VersionChange retire(@PathVariable String code) {
        return new VersionChange(code, administration.retire(code, AuditTrail.currentActor()),
                ServiceItem.Status.RETIRED);
    }

    @GetMapping(value = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export the whole catalog as one JSON file")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"yimen-catalog.json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(administration.exportJson());
    }

    @PostMapping(value = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a catalog file, all or nothing",
            description = "Answers 200 with what was done, or 400 with every problem found; then nothing changed.")
    ResponseEntity<ImportResult> importCatalog(@RequestBody byte[] file) {
        var report = administration.importJson(file, AuditTrail.currentActor());
        var result = new ImportResult(report.applied(), report.entries(), report.created(), report.published(),
                report.drafted(), report.retired(), report.unchanged(),
                views.messages(report.problems(), LocaleContextHolder.getLocale()));
        return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(result);
    }

    /** Every problem of a refused guide, not only the first. */
    @ExceptionHandler(GuideRefused.class)
    ResponseEntity<ProblemDetail> refused(GuideRefused refused, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(refused, locale));
        problem.setTitle(messages.getMessage("error.title.400", null, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", refused.code());
        problem.setProperty("errors", views.messages(refused.problems(), locale));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ServiceItem newest(String code) {
        return catalog.latest(code).orElseThrow(() -> Rejected.notFound("catalog.item.notFound", code));
    }
}
