package org.yimen.org;

import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yimen.shared.FormRefusals;
import org.yimen.shared.Rejected;

/** Any member of staff marks themselves absent (请假/外出), so officer B or the head takes their posts meanwhile. */
@Controller
@RequestMapping("/me/absences")
class MyAbsencePages {

    private final JdbcOrganisation organisation;
    private final OrgAdministration administration;
    private final OrgViews views;

    MyAbsencePages(JdbcOrganisation organisation, OrgAdministration administration, OrgViews views) {
        this.organisation = organisation;
        this.administration = administration;
        this.views = views;
    }

    @GetMapping
    String initRecordAbsence(Authentication user, Model model) {
        return page(user, model.addAttribute("form", AbsenceForm.empty()));
    }

    @PostMapping
    String processRecordAbsence(@Valid @ModelAttribute("form") AbsenceForm form, BindingResult result,
            Authentication user, Model model, RedirectAttributes redirect) {
        long me = me(user);
        if (FormRefusals.attempt(result, () -> administration.recordAbsence(me, form, user.getName()))) {
            redirect.addFlashAttribute("flashSuccess", "org.flash.absenceRecorded");
            return "redirect:/me/absences";
        }
        return page(user, model);
    }

    @PostMapping("/{absenceId}/cancel")
    String cancel(@PathVariable long absenceId, Authentication user, RedirectAttributes redirect) {
        administration.cancelAbsence(me(user), absenceId);
        redirect.addFlashAttribute("flashSuccess", "org.flash.absenceCancelled");
        return "redirect:/me/absences";
    }

    private String page(Authentication user, Model model) {
        model.addAttribute("absences", views.absencesOf(me(user)));
        return "org/my-absences";
    }

    private long me(Authentication user) {
        return organisation.staffByUsername(user.getName()).map(StaffSummary::id)
                .orElseThrow(() -> Rejected.notFound("org.me.notStaff"));
    }
}
