package org.yimen.reception;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yimen.org.Organisation;
import org.yimen.shared.Rejected;

/**
 * The evaluation pad (评价器) of a window: idle until the window's last visit has finished, then "please rate your
 * visit" with five large buttons; after 不满意 or 非常不满意 the reasons to tick; then thanks. The page asks the API
 * every few seconds whether a visit waits for its rating, and reloads when one does.
 */
@Controller
@RequestMapping("/devices/pad")
class PadPages {

    /** The five levels, best first, as the pad shows them. */
    static final List<Integer> LEVELS = List.of(5, 4, 3, 2, 1);

    private final Evaluations evaluations;
    private final Organisation organisation;
    private final MessageSource messages;

    PadPages(Evaluations evaluations, Organisation organisation, MessageSource messages) {
        this.evaluations = evaluations;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping
    String pad(@AuthenticationPrincipal Device device, @RequestParam(required = false) @Nullable String done,
            Model model) {
        model.addAttribute("visit", done != null ? null : evaluations.pending(device.windowId()).orElse(null));
        model.addAttribute("thanks", done != null);
        return page(device, model);
    }

    /** After a low level: the reasons to tick before the rating is sent. */
    @GetMapping("/reasons")
    String reasons(@AuthenticationPrincipal Device device, @RequestParam long ticketId, @RequestParam int level,
            Model model) {
        var visit = evaluations.pending(device.windowId()).filter(v -> v.ticketId() == ticketId).orElse(null);
        if (visit == null || level < 1 || level > 2) {
            return "redirect:/devices/pad";
        }
        model.addAttribute("visit", visit);
        model.addAttribute("level", level);
        model.addAttribute("tags", Arrays.stream(RatingTag.values()).map(Enum::name).toList());
        return page(device, model);
    }

    @PostMapping("/ratings")
    String rate(@AuthenticationPrincipal Device device, @RequestParam long ticketId, @RequestParam int level,
            @RequestParam(required = false) @Nullable List<String> tags,
            @RequestParam(required = false) @Nullable String comment, Locale locale, Model model) {
        try {
            evaluations.rate(device, ticketId, level, tags == null ? List.of() : tags, comment);
        } catch (Rejected rejected) {
            model.addAttribute("refusal", messages.getMessage(rejected, locale));
            model.addAttribute("visit", evaluations.pending(device.windowId()).orElse(null));
            return page(device, model);
        }
        return "redirect:/devices/pad?done";
    }

    private String page(Device device, Model model) {
        model.addAttribute("window", organisation.window(device.windowId()).orElseThrow());
        model.addAttribute("levels", LEVELS);
        return "reception/pad";
    }
}
