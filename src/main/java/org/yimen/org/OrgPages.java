package org.yimen.org;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yimen.privacy.Purpose;
import org.yimen.shared.FormRefusals;
import org.yimen.shared.Rejected;
import org.yimen.shared.SensitiveAction;

/**
 * The hall manager's organisation pages: one overview (departments, halls and windows, staff, A/B posts with who acts
 * now, absences) and a form per kind of thing, each posting back and redirecting with a flash message.
 */
@Controller
@RequestMapping("/admin/org")
@PreAuthorize(OrgApi.MANAGERS)
class OrgPages {

    private static final String OVERVIEW = "redirect:/admin/org";

    private final JdbcOrganisation organisation;
    private final OrgAdministration administration;
    private final OrgViews views;
    private final StaffPhones phones;

    OrgPages(JdbcOrganisation organisation, OrgAdministration administration, OrgViews views, StaffPhones phones) {
        this.organisation = organisation;
        this.administration = administration;
        this.views = views;
        this.phones = phones;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("departments", views.departmentRows());
        model.addAttribute("halls", organisation.halls());
        Map<Long, List<OrgViews.WindowRow>> windows = views.windowRows().stream()
                .collect(Collectors.groupingBy(OrgViews.WindowRow::hallId));
        model.addAttribute("windowsByHall", windows);
        model.addAttribute("staff", views.staffRows());
        model.addAttribute("posts", views.posts());
        model.addAttribute("absences", views.recentAbsences());
        return "org/overview";
    }

    // Departments

    @GetMapping("/departments/new")
    String initCreateDepartment(Model model) {
        return departmentForm(model.addAttribute("form", DepartmentForm.empty()), null);
    }

    @PostMapping("/departments/new")
    String processCreateDepartment(@Valid @ModelAttribute("form") DepartmentForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, () -> administration.createDepartment(form))) {
            return saved(redirect, "org.flash.departmentCreated");
        }
        return departmentForm(model, null);
    }

    @GetMapping("/departments/{id}/edit")
    String initUpdateDepartment(@PathVariable long id, Model model) {
        model.addAttribute("form", views.departmentForm(id)
                .orElseThrow(() -> Rejected.notFound("org.department.notFound", id)));
        return departmentForm(model, id);
    }

    @PostMapping("/departments/{id}/edit")
    String processUpdateDepartment(@PathVariable long id, @Valid @ModelAttribute("form") DepartmentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, () -> administration.updateDepartment(id, form))) {
            return saved(redirect, "org.flash.departmentSaved");
        }
        return departmentForm(model, id);
    }

    private String departmentForm(Model model, @Nullable Long id) {
        model.addAttribute("id", id);
        model.addAttribute("currentPhone", id == null ? "" : organisation.department(id)
                .map(Department::maskedPhone).orElse(""));
        model.addAttribute("staffChoices", activeStaff());
        return "org/department-form";
    }

    // Halls

    @GetMapping("/halls/new")
    String initCreateHall(Model model) {
        return hallForm(model.addAttribute("form", HallForm.empty()), null);
    }

    @PostMapping("/halls/new")
    String processCreateHall(@Valid @ModelAttribute("form") HallForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, () -> administration.createHall(form))) {
            return saved(redirect, "org.flash.hallCreated");
        }
        return hallForm(model, null);
    }

    @GetMapping("/halls/{id}/edit")
    String initUpdateHall(@PathVariable long id, Model model) {
        model.addAttribute("form", views.hallForm(id).orElseThrow(() -> Rejected.notFound("org.hall.notFound", id)));
        return hallForm(model, id);
    }

    @PostMapping("/halls/{id}/edit")
    String processUpdateHall(@PathVariable long id, @Valid @ModelAttribute("form") HallForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, () -> administration.updateHall(id, form))) {
            return saved(redirect, "org.flash.hallSaved");
        }
        return hallForm(model, id);
    }

    private String hallForm(Model model, @Nullable Long id) {
        model.addAttribute("id", id);
        model.addAttribute("currentPhone", id == null ? "" : organisation.hall(id).map(Hall::maskedPhone).orElse(""));
        return "org/hall-form";
    }

    // Windows

    @GetMapping("/windows/new")
    String initCreateWindow(@RequestParam(required = false) @Nullable Long hallId, Model model) {
        return windowForm(model.addAttribute("form", WindowForm.empty(hallId)), null);
    }

    @PostMapping("/windows/new")
    String processCreateWindow(@Valid @ModelAttribute("form") WindowForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, () -> administration.createWindow(form))) {
            return saved(redirect, "org.flash.windowCreated");
        }
        return windowForm(model, null);
    }

    @GetMapping("/windows/{id}/edit")
    String initUpdateWindow(@PathVariable long id, Model model) {
        model.addAttribute("form", views.windowForm(id)
                .orElseThrow(() -> Rejected.notFound("org.window.notFound", id)));
        return windowForm(model, id);
    }

    @PostMapping("/windows/{id}/edit")
    String processUpdateWindow(@PathVariable long id, @Valid @ModelAttribute("form") WindowForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, () -> administration.updateWindow(id, form))) {
            return saved(redirect, "org.flash.windowSaved");
        }
        return windowForm(model, id);
    }

    private String windowForm(Model model, @Nullable Long id) {
        model.addAttribute("id", id);
        model.addAttribute("hallChoices", organisation.halls());
        model.addAttribute("departmentChoices", organisation.departments());
        return "org/window-form";
    }

    // Staff

    @GetMapping("/staff/new")
    String initCreateStaff(Model model) {
        return staffForm(model.addAttribute("form", StaffForm.empty()), null);
    }

    @PostMapping("/staff/new")
    String processCreateStaff(@Valid @ModelAttribute("form") StaffForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (FormRefusals.attempt(result,
                () -> administration.createStaff(form, OrgAdministration.unusablePassword()))) {
            return saved(redirect, "org.flash.staffCreated");
        }
        return staffForm(model, null);
    }

    @GetMapping("/staff/{id}/edit")
    String initUpdateStaff(@PathVariable long id, Model model) {
        model.addAttribute("form", views.staffForm(id).orElseThrow(() -> Rejected.notFound("org.staff.notFound", id)));
        return staffForm(model, id);
    }

    @PostMapping("/staff/{id}/edit")
    String processUpdateStaff(@PathVariable long id, @Valid @ModelAttribute("form") StaffForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, () -> administration.updateStaff(id, form))) {
            return saved(redirect, "org.flash.staffSaved");
        }
        return staffForm(model, id);
    }

    /**
     * Shows a staff phone in full once the manager has said why (the overview asks in place, through htmx); the read
     * is audited. Without htmx the answer is a page of its own.
     */
    @PostMapping("/staff/{id}/phone/reveal")
    @SensitiveAction
    String revealPhone(@PathVariable long id, @RequestParam(required = false) @Nullable String purpose,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("staffId", id);
        String view = "org/phone-reveal";
        try {
            model.addAttribute("phone", phones.reveal(id, new Purpose(purpose)));
            return htmx == null ? view : view + " :: revealed";
        } catch (Rejected rejected) {
            if (rejected.kind() == Rejected.Kind.NOT_FOUND) {
                throw rejected;
            }
            model.addAttribute("revealError", rejected.code());
            return htmx == null ? view : view + " :: form";
        }
    }

    private String staffForm(Model model, @Nullable Long id) {
        model.addAttribute("id", id);
        model.addAttribute("currentPhone", id == null ? "" : organisation.staff(id)
                .map(StaffSummary::maskedPhone).orElse(""));
        model.addAttribute("departmentChoices", organisation.departments());
        model.addAttribute("roleChoices",
                java.util.Arrays.stream(Role.values()).filter(r -> !r.privileged()).toList());
        return "org/staff-form";
    }

    // A/B posts

    @GetMapping("/posts/new")
    String initCreatePost(Model model) {
        return postForm(model.addAttribute("form", PostForm.empty()), null);
    }

    @PostMapping("/posts/new")
    String processCreatePost(@Valid @ModelAttribute("form") PostForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, () -> administration.createPost(form))) {
            return saved(redirect, "org.flash.postCreated");
        }
        return postForm(model, null);
    }

    @GetMapping("/posts/{id}/edit")
    String initUpdatePost(@PathVariable long id, Model model) {
        model.addAttribute("form", views.postForm(id).orElseThrow(() -> Rejected.notFound("org.post.notFound", id)));
        return postForm(model, id);
    }

    @PostMapping("/posts/{id}/edit")
    String processUpdatePost(@PathVariable long id, @Valid @ModelAttribute("form") PostForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, () -> administration.updatePost(id, form))) {
            return saved(redirect, "org.flash.postSaved");
        }
        return postForm(model, id);
    }

    private String postForm(Model model, @Nullable Long id) {
        model.addAttribute("id", id);
        model.addAttribute("departmentChoices", organisation.departments());
        model.addAttribute("windowChoices", views.windowRows());
        model.addAttribute("staffChoices", activeStaff());
        return "org/post-form";
    }

    // Absences

    @GetMapping("/absences/new")
    String initRecordAbsence(Model model) {
        return absenceForm(model.addAttribute("form", StaffAbsenceForm.empty()));
    }

    @PostMapping("/absences/new")
    String processRecordAbsence(@Valid @ModelAttribute("form") StaffAbsenceForm form, BindingResult result,
            Model model, Authentication user, RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, () -> administration.recordAbsence(
                java.util.Objects.requireNonNull(form.staffId()), form.absence(), user.getName()))) {
            return saved(redirect, "org.flash.absenceRecorded");
        }
        return absenceForm(model);
    }

    @PostMapping("/absences/{absenceId}/cancel")
    String cancelAbsence(@PathVariable long absenceId, @RequestParam long staffId, RedirectAttributes redirect) {
        administration.cancelAbsence(staffId, absenceId);
        return saved(redirect, "org.flash.absenceCancelled");
    }

    private String absenceForm(Model model) {
        model.addAttribute("staffChoices", activeStaff());
        return "org/absence-form";
    }

    private List<StaffSummary> activeStaff() {
        return organisation.staff().stream().filter(StaffSummary::active).toList();
    }

    private static String saved(RedirectAttributes redirect, String messageKey) {
        redirect.addFlashAttribute("flashSuccess", messageKey);
        return OVERVIEW;
    }
}
