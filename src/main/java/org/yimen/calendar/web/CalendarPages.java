package org.yimen.calendar.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yimen.calendar.CalendarAdministration;
import org.yimen.calendar.DayStatus;
import org.yimen.calendar.ScheduleRejected;
import org.yimen.calendar.WorkingDays;
import org.yimen.shared.FormRefusals;
import org.yimen.shared.Rejected;

/**
 * The calendar pages for hall managers: a year at a glance, a warning when its schedule is not published yet, and the
 * two ways to put it right (correct one date, import the year's schedule).
 */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasAnyRole('ADMIN','HALL_MANAGER')")
class CalendarPages {

    static final String VIEW = "calendar/year";

    private final WorkingDays workingDays;
    private final CalendarAdministration administration;
    private final MessageSource messages;
    private final Clock clock;

    CalendarPages(WorkingDays workingDays, CalendarAdministration administration, MessageSource messages,
            Clock clock) {
        this.workingDays = workingDays;
        this.administration = administration;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String thisYear(Model model) {
        return showYear(LocalDate.now(clock).getYear(), DayForm.empty(), model);
    }

    @GetMapping("/{year:\\d{4}}")
    String year(@PathVariable String year, Model model) {
        return showYear(Params.year(year), DayForm.empty(), model);
    }

    /** A reload or language switch on a page that answered a form lands on the year again. */
    @GetMapping({"/{year:\\d{4}}/days", "/{year:\\d{4}}/import"})
    String backToYear(@PathVariable String year) {
        return "redirect:/admin/calendar/" + Params.year(year);
    }

    @PostMapping("/{year:\\d{4}}/days")
    String processDayForm(@PathVariable String year, @ModelAttribute("dayForm") DayForm form,
            BindingResult result, Authentication user, Model model, RedirectAttributes redirect) {
        int shown = Params.year(year);
        LocalDate date = null;
        DayStatus status = null;
        try {
            date = Params.date("date", form.date());
        } catch (Rejected rejected) {
            FormRefusals.show(result, "date", rejected.code(), rejected.arguments());
        }
        try {
            status = DayStatus.valueOf(String.valueOf(form.status()));
        } catch (IllegalArgumentException e) {
            result.rejectValue("status", "calendar.day.statusRequired");
        }
        if (date != null && status != null) {
            try {
                administration.setDay(date, status, form.name(), user.getName());
                redirect.addFlashAttribute("flashSuccess", "calendar.flash.daySaved");
                return "redirect:/admin/calendar/" + date.getYear();
            } catch (Rejected rejected) {
                FormRefusals.show(result, rejected.field() == null ? "date" : rejected.field(), rejected.code(),
                        rejected.arguments());
            }
        }
        return showYear(shown, form, model);
    }

    @PostMapping("/{year:\\d{4}}/import")
    String processImportForm(@PathVariable String year, @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String json, Authentication user, Locale locale, Model model,
            RedirectAttributes redirect) throws IOException {
        int target = Params.year(year);
        String content = file != null && !file.isEmpty()
                ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : json;
        try {
            administration.importSchedule(target, content, user.getName());
            redirect.addFlashAttribute("flashSuccess", "calendar.flash.imported");
            return "redirect:/admin/calendar/" + target;
        } catch (ScheduleRejected rejected) {
            model.addAttribute("importProblems", rejected.problems().stream()
                    .map(p -> messages.getMessage(p.code(), p.arguments().toArray(), locale))
                    .toList());
            model.addAttribute("importJson", json == null ? "" : json);
            return showYear(target, DayForm.empty(), model);
        }
    }

    private String showYear(int year, DayForm form, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("view", YearView.of(year, workingDays, today));
        var publication = workingDays.publication(year);
        model.addAttribute("publication", publication);
        // stored as an instant; shown as the hall's wall-clock time
        model.addAttribute("importedAt", publication.importedAt() == null ? null
                : publication.importedAt().atZoneSameInstant(clock.getZone()).toLocalDateTime());
        model.addAttribute("years", yearsToOffer(year, today));
        model.addAttribute("statuses", List.of(DayStatus.values()));
        if (!model.containsAttribute("dayForm")) {
            model.addAttribute("dayForm", form);
        }
        return VIEW;
    }

    /** The years worth a click in the switcher: the last two, this one and next, and the one shown. */
    private List<Integer> yearsToOffer(int shown, LocalDate today) {
        var years = new TreeSet<Integer>();
        for (int year = today.getYear() - 2; year <= today.getYear() + 1; year++) {
            years.add(year);
        }
        years.add(shown);
        return List.copyOf(years);
    }
}
