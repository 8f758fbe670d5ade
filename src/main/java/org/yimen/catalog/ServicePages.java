package org.yimen.catalog;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yimen.org.Department;
import org.yimen.shared.QrCodes;

/**
 * The public portal of the catalog, no sign-in: browse by department or theme and search; read a guide (any version
 * ever published); print it as an A4 guide with a materials checklist and a QR code back to the online guide; and the
 * fee schedule (收费公示).
 */
@Controller
class ServicePages {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcCatalog catalog;
    private final CatalogViews views;
    private final Clock clock;

    ServicePages(JdbcCatalog catalog, CatalogViews views, Clock clock) {
        this.catalog = catalog;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/services")
    String services(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String theme, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Map<Long, Department> departments = views.departmentsById();
        Department chosen = department == null ? null : departments.values().stream()
                .filter(d -> d.code().equals(department)).findFirst().orElse(null);
        ServiceItem.Theme chosenTheme = Arrays.stream(ServiceItem.Theme.values())
                .filter(t -> t.name().equals(theme)).findFirst().orElse(null);
        Map<Long, Long> perDepartment = catalog.countPerDepartment();
        Map<ServiceItem.Theme, Long> perTheme = catalog.countPerTheme();
        boolean filtered = !q.isBlank() || chosen != null || chosenTheme != null;
        Long departmentId = chosen == null ? null : chosen.id();
        int shownPage = Math.max(0, page);
        List<ServiceSummary> results = catalog.search(q, departmentId, chosenTheme,
                shownPage * JdbcCatalog.PAGE_SIZE);
        int total = catalog.count(q, departmentId, chosenTheme);
        model.addAttribute("page", shownPage);
        model.addAttribute("total", total);
        model.addAttribute("hasNext", (shownPage + 1) * JdbcCatalog.PAGE_SIZE < total);
        model.addAttribute("q", q.strip());
        model.addAttribute("department", chosen);
        model.addAttribute("theme", chosenTheme);
        model.addAttribute("filtered", filtered);
        model.addAttribute("departments", departments);
        model.addAttribute("perDepartment", perDepartment);
        model.addAttribute("perTheme", perTheme);
        model.addAttribute("results", results);
        return "catalog/services";
    }

    @GetMapping("/services/{code}")
    String guide(@PathVariable String code, @RequestParam(required = false) @Nullable Integer version,
            Model model) {
        ServiceItem item = CatalogApi.publicVersion(catalog, code, version);
        addGuide(model, item, false);
        return "catalog/guide";
    }

    @GetMapping("/services/{code}/print")
    String print(@PathVariable String code, @RequestParam(required = false) @Nullable Integer version,
            Model model) {
        ServiceItem item = CatalogApi.publicVersion(catalog, code, version);
        addGuide(model, item, false);
        model.addAttribute("printedAt", LocalDateTime.now(clock).format(PRINTED));
        model.addAttribute("guideUrl", guideUrl(item, version));
        return "catalog/print";
    }

    @GetMapping(value = "/services/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable String code, @RequestParam(required = false) @Nullable Integer version) {
        ServiceItem item = CatalogApi.publicVersion(catalog, code, version);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noCache())
                .body(QrCodes.png(guideUrl(item, version), 240));
    }

    @GetMapping("/fees")
    String fees(Model model) {
        model.addAttribute("schedule", views.feeSchedule(catalog.allPublished()));
        return "catalog/fees";
    }

    /** Puts a guide and what it refers to into the model; shared with the administrators' preview. */
    void addGuide(Model model, ServiceItem item, boolean preview) {
        model.addAttribute("item", item);
        model.addAttribute("preview", preview);
        model.addAttribute("departments", views.departmentsById());
        model.addAttribute("publishedDate", item.publishedAt() == null ? null
                : item.publishedAt().atZone(clock.getZone()).toLocalDate().toString());
        model.addAttribute("versions", catalog.versions(item.code()).stream()
                .filter(v -> v.status() != ServiceItem.Status.DRAFT)
                .sorted(Comparator.comparingInt(ServiceItem::version).reversed())
                .toList());
    }

    /** The online guide's address, as the QR code of a printed guide carries it. */
    private static String guideUrl(ServiceItem item, @Nullable Integer version) {
        var url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/services/{code}");
        if (version != null && item.status() != ServiceItem.Status.PUBLISHED) {
            url.queryParam("version", version);
        }
        return url.buildAndExpand(item.code()).encode().toUriString();
    }
}
