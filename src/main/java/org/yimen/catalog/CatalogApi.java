package org.yimen.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.org.Department;
import org.yimen.org.Organisation;
import org.yimen.shared.Rejected;

/** The public service catalog: anyone may search the items in force and read any published version of a guide. */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Service catalog", description = "办事指南: service items in force and their published versions."
        + " Public, no sign-in.")
class CatalogApi {

    /** One line of a search result. */
    record ItemSummary(String code, int version, String name, ServiceItem.Type type, long departmentId,
            String departmentCode, String departmentName, int statutoryDays, int promisedDays, boolean free,
            List<ServiceItem.Theme> themes) {
    }

    private final JdbcCatalog catalog;
    private final Organisation organisation;
    private final CatalogViews views;

    CatalogApi(JdbcCatalog catalog, Organisation organisation, CatalogViews views) {
        this.catalog = catalog;
        this.organisation = organisation;
        this.views = views;
    }

    @GetMapping("/items")
    @Operation(summary = "Search the items in force",
            description = "Items whose code, name or keywords contain `q` (any part; two Chinese characters such as"
                    + " 用地 are enough), most similar first. `department` is a department code; `theme` a theme.")
    List<ItemSummary> search(@RequestParam(defaultValue = "") String q,
            @Parameter(description = "department code, e.g. GTZYT") @RequestParam(required = false)
            @Nullable String department,
            @RequestParam(required = false) ServiceItem.@Nullable Theme theme,
            @Parameter(description = "page number from 0; 50 items a page") @RequestParam(defaultValue = "0") int page) {
        Long departmentId = null;
        if (department != null && !department.isBlank()) {
            var found = organisation.departmentByCode(department.strip());
            if (found.isEmpty()) {
                return List.of();
            }
            departmentId = found.get().id();
        }
        var departments = views.departmentsById();
        return catalog.search(q, departmentId, theme, Math.max(0, page) * JdbcCatalog.PAGE_SIZE).stream().map(i -> {
            Department d = departments.get(i.departmentId());
            return new ItemSummary(i.code(), i.version(), i.name(), i.type(), i.departmentId(),
                    d == null ? "" : d.code(), d == null ? "" : d.name(), i.statutoryDays(), i.promisedDays(),
                    i.free(), i.themes());
        }).toList();
    }

    @GetMapping("/items/{code}")
    @Operation(summary = "A service guide",
            description = "The version in force, or with `version` any version that was ever published (a case is"
                    + " judged by the version in force when it was accepted). Drafts are not public. `extensionDays` is"
                    + " the one extension in working days where a law or regulation sets its own; empty means the"
                    + " statutory 10 (15 for joint review). Each stage's `kind` says how a case walks it: INTAKE"
                    + " (受理, first), REVIEW (审查), JOINT_REVIEW (会审, answered by the consulted departments) or"
                    + " DECISION (决定, last).")
    ServiceItem item(@PathVariable String code, @RequestParam(required = false) @Nullable Integer version) {
        return publicVersion(catalog, code, version);
    }

    /** The version in force, or a version that was published once; drafts and unknown versions are not found. */
    static ServiceItem publicVersion(JdbcCatalog catalog, String code, @Nullable Integer version) {
        if (version == null) {
            return catalog.publishedItem(code).orElseThrow(() -> catalog.exists(code)
                    ? Rejected.notFound("catalog.item.notPublished", code)
                    : Rejected.notFound("catalog.item.notFound", code));
        }
        return catalog.itemVersion(code, version)
                .filter(i -> i.status() != ServiceItem.Status.DRAFT)
                .orElseThrow(() -> Rejected.notFound("catalog.item.versionNotFound", code, version));
    }
}
