package org.yimen.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yimen.audit.AuditTrail;
import org.yimen.shared.FormRefusals;
import org.yimen.shared.Rejected;

/**
 * The administrators' catalog pages: the list of items with their newest version and the one in force, a form to
 * create an item or edit its draft, a preview, publish and retire buttons, export and import.
 *
 * <p>Materials, stages, special procedures and fees are repeatable rows. The form always offers one empty row of each;
 * "add a row" posts the form back and shows it with one more (no script needed, nothing is lost), and a row emptied
 * by the person is dropped when saving. That keeps the form a plain post/redirect/get form that works with keyboard,
 * screen reader and without JavaScript.
 */
@Controller
@RequestMapping("/admin/catalog")
@PreAuthorize(CatalogAdminApi.MANAGERS)
class CatalogAdminPages {

    private static final String LIST = "redirect:/admin/catalog";
    private static final List<String> ROW_LISTS = List.of("materials", "stages", "specialProcedures", "fees");

    private final JdbcCatalog catalog;
    private final CatalogAdministration administration;
    private final CatalogViews views;
    private final ServicePages pages;

    CatalogAdminPages(JdbcCatalog catalog, CatalogAdministration administration, CatalogViews views,
            ServicePages pages) {
        this.catalog = catalog;
        this.administration = administration;
        this.views = views;
        this.pages = pages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rows", catalog.adminRows());
        model.addAttribute("departments", views.departmentsById());
        return "catalog/admin-list";
    }

    @GetMapping("/new")
    String initCreateForm(Model model) {
        model.addAttribute("form", GuideDraft.empty());
        return form(model, null);
    }

    @PostMapping("/new")
    String processCreateForm(@ModelAttribute("form") GuideDraft form, BindingResult binding,
            @RequestParam(required = false) @Nullable String addRow, Model model, RedirectAttributes redirect) {
        if (addRow != null) {
            return withOneMoreRow(form, addRow, model, null);
        }
        var result = checked(form, binding, model);
        if (!result.hasErrors() && attempt(result, () -> administration.create(form.withoutBlankRows(),
                AuditTrail.currentActor()))) {
            redirect.addFlashAttribute("flashSuccess", "catalog.admin.flash.created");
            return LIST;
        }
        return form(model, null);
    }

    @GetMapping("/{code}/edit")
    String initEditForm(@PathVariable String code, Model model) {
        model.addAttribute("form", administration.draftToEdit(code)
                .orElseThrow(() -> Rejected.notFound("catalog.item.notFound", code)).withBlankRows(1));
        return form(model, code);
    }

    @PostMapping("/{code}/edit")
    String processEditForm(@PathVariable String code, @ModelAttribute("form") GuideDraft form,
            BindingResult binding, @RequestParam(required = false) @Nullable String addRow, Model model,
            RedirectAttributes redirect) {
        GuideDraft named = form.withCode(code);
        if (addRow != null) {
            return withOneMoreRow(named, addRow, model, code);
        }
        var result = checked(named, binding, model);
        if (!result.hasErrors() && attempt(result, () -> administration.saveDraft(code, named.withoutBlankRows(),
                AuditTrail.currentActor()))) {
            redirect.addFlashAttribute("flashSuccess", "catalog.admin.flash.saved");
            return LIST;
        }
        return form(model, code);
    }

    @GetMapping("/{code}/preview")
    String preview(@PathVariable String code, Model model) {
        var item = catalog.latest(code).orElseThrow(() -> Rejected.notFound("catalog.item.notFound", code));
        pages.addGuide(model, item, true);
        return "catalog/guide";
    }

    @PostMapping("/{code}/publish")
    String publish(@PathVariable String code, RedirectAttributes redirect) {
        administration.publish(code, AuditTrail.currentActor());
        redirect.addFlashAttribute("flashSuccess", "catalog.admin.flash.published");
        return LIST;
    }

    @PostMapping("/{code}/retire")
    String retire(@PathVariable String code, RedirectAttributes redirect) {
        administration.retire(code, AuditTrail.currentActor());
        redirect.addFlashAttribute("flashSuccess", "catalog.admin.flash.retired");
        return LIST;
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"yimen-catalog.json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(administration.exportJson());
    }

    @GetMapping("/import")
    String initImport() {
        return "catalog/admin-import";
    }

    @PostMapping("/import")
    String processImport(@RequestParam(required = false) @Nullable MultipartFile file, Model model, Locale locale) {
        if (file == null || file.isEmpty()) {
            model.addAttribute("noFile", true);
            return "catalog/admin-import";
        }
        ImportReport report;
        try {
            report = administration.importJson(file.getBytes(), AuditTrail.currentActor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model.addAttribute("report", report);
        model.addAttribute("problems", views.messages(report.problems(), locale));
        return "catalog/admin-import";
    }

    private String withOneMoreRow(GuideDraft form, String list, Model model, @Nullable String code) {
        GuideDraft shown = ROW_LISTS.contains(list) ? form.withOneMoreRow(list) : form;
        model.addAttribute("form", shown);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(shown, "form"));
        return form(model, code);
    }

    /**
     * The form without its empty rows, plus one empty row of each kind to add with, and every problem the policy
     * finds, beside its field. Rows are only ever dropped or appended at the end, so problem paths stay right.
     */
    private BindingResult checked(GuideDraft form, BindingResult binding, Model model) {
        GuideDraft cleaned = form.withoutBlankRows();
        GuideDraft shown = cleaned.withBlankRows(1);
        var result = new BeanPropertyBindingResult(shown, "form");
        for (FieldError error : binding.getFieldErrors()) {
            if (ROW_LISTS.stream().noneMatch(list -> error.getField().startsWith(list + "["))) {
                result.addError(error);
            }
        }
        if (!binding.hasErrors()) {
            for (var problem : administration.check(cleaned)) {
                FormRefusals.show(result, problem.field(), problem.code(), problem.arguments().toArray());
            }
        }
        model.addAttribute("form", shown);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return result;
    }

    private static boolean attempt(BindingResult result, Runnable change) {
        try {
            change.run();
            return true;
        } catch (GuideRefused refused) {
            refused.problems().forEach(p -> FormRefusals.show(result, p.field(), p.code(), p.arguments().toArray()));
            return false;
        } catch (Rejected rejected) {
            if (rejected.kind() == Rejected.Kind.NOT_FOUND) {
                throw rejected;
            }
            FormRefusals.show(result, rejected.field(), rejected.code(), rejected.arguments());
            return false;
        }
    }

    private String form(Model model, @Nullable String code) {
        model.addAttribute("code", code);
        model.addAttribute("departments", views.departmentsById().values());
        model.addAttribute("types", ServiceItem.Type.values());
        model.addAttribute("materialForms", ServiceItem.Form.values());
        model.addAttribute("stageKinds", ServiceItem.Stage.Kind.values());
        model.addAttribute("themes", ServiceItem.Theme.values());
        model.addAttribute("channels", ServiceItem.Channel.values());
        if (code != null) {
            catalog.versions(code).stream().findFirst().ifPresent(newest -> model.addAttribute("newest", newest));
        }
        return "catalog/admin-form";
    }
}
