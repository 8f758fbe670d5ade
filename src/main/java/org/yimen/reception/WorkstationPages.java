package org.yimen.reception;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yimen.audit.AuditTrail;
import org.yimen.org.Hall;
import org.yimen.org.Organisation;
import org.yimen.org.ServiceWindow;
import org.yimen.shared.Rejected;

/**
 * The window workstation (窗口叫号): the clerk chooses the window they sit at, then calls, recalls, marks no-shows,
 * serves, transfers and pauses. Every action posts, redirects back and says what happened, or why it was refused.
 */
@Controller
@RequestMapping("/reception/windows")
@PreAuthorize(ReceptionApi.RECEPTION_STAFF)
class WorkstationPages {

    /** A hall with the windows that serve its lines. */
    record HallWindows(Hall hall, List<ServiceWindow> windows) {
    }

    private final Tickets tickets;
    private final Workstations workstations;
    private final ReceptionHalls halls;
    private final TicketViews views;
    private final MessageSource messages;

    WorkstationPages(Tickets tickets, Workstations workstations, ReceptionHalls halls, TicketViews views,
            MessageSource messages) {
        this.tickets = tickets;
        this.workstations = workstations;
        this.halls = halls;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping
    String choose(Model model) {
        model.addAttribute("halls", halls.withWindows());
        return "reception/windows";
    }

    @GetMapping("/{windowId}")
    String workstation(@PathVariable long windowId, HttpServletRequest request, Model model) {
        var state = workstations.state(windowId);
        model.addAttribute("state", state);
        model.addAttribute("current", state.current() == null ? null : views.of(state.current(), request));
        model.addAttribute("otherWindows", halls.windowsOf(state.window().hallId()).stream()
                .filter(w -> w.id() != windowId).toList());
        return "reception/workstation";
    }

    @PostMapping("/{windowId}/call")
    String call(@PathVariable long windowId, Locale locale, RedirectAttributes redirect) {
        return act(windowId, locale, redirect, () -> switch (tickets.callNext(windowId, AuditTrail.currentActor())) {
            case CallOutcome.Called called -> message("reception.flash.called", locale, called.ticket().number());
            case CallOutcome.NoOneWaiting none -> message("reception.call.noOneWaiting", locale);
        });
    }

    @PostMapping("/{windowId}/recall")
    String recall(@PathVariable long windowId, Locale locale, RedirectAttributes redirect) {
        return act(windowId, locale, redirect, () -> message("reception.flash.recalled", locale,
                tickets.recall(windowId, AuditTrail.currentActor()).number()));
    }

    @PostMapping("/{windowId}/no-show")
    String noShow(@PathVariable long windowId, Locale locale, RedirectAttributes redirect) {
        return act(windowId, locale, redirect, () -> message("reception.flash.noShow", locale,
                tickets.noShow(windowId, AuditTrail.currentActor()).number()));
    }

    @PostMapping("/{windowId}/start")
    String start(@PathVariable long windowId, Locale locale, RedirectAttributes redirect) {
        return act(windowId, locale, redirect, () -> message("reception.flash.started", locale,
                tickets.start(windowId, AuditTrail.currentActor()).number()));
    }

    @PostMapping("/{windowId}/finish")
    String finish(@PathVariable long windowId, Locale locale, RedirectAttributes redirect) {
        return act(windowId, locale, redirect, () -> message("reception.flash.finished", locale,
                tickets.finish(windowId, AuditTrail.currentActor()).number()));
    }

    @PostMapping("/{windowId}/transfer")
    String transfer(@PathVariable long windowId, @RequestParam String target, Locale locale,
            RedirectAttributes redirect) {
        return act(windowId, locale, redirect, () -> {
            Long toLine = target.startsWith("line-") ? parse(target.substring(5)) : null;
            Long toWindow = target.startsWith("window-") ? parse(target.substring(7)) : null;
            return message("reception.flash.transferred", locale,
                    tickets.transfer(windowId, toLine, toWindow, AuditTrail.currentActor()).number());
        });
    }

    @PostMapping("/{windowId}/pause")
    String pause(@PathVariable long windowId, @RequestParam(defaultValue = "") String reason, Locale locale,
            RedirectAttributes redirect) {
        return act(windowId, locale, redirect, () -> {
            tickets.pause(windowId, reason, AuditTrail.currentActor());
            return message("reception.flash.paused", locale);
        });
    }

    @PostMapping("/{windowId}/resume")
    String resume(@PathVariable long windowId, Locale locale, RedirectAttributes redirect) {
        return act(windowId, locale, redirect, () -> {
            tickets.resume(windowId, AuditTrail.currentActor());
            return message("reception.flash.resumed", locale);
        });
    }

    private String act(long windowId, Locale locale, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (Rejected rejected) {
            if (rejected.kind() == Rejected.Kind.NOT_FOUND) {
                throw rejected;
            }
            redirect.addFlashAttribute("refusal",
                    messages.getMessage(rejected, locale));
        }
        return "redirect:/reception/windows/" + windowId;
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    private static @Nullable Long parse(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            throw Rejected.invalid("target", "reception.transfer.oneTarget");
        }
    }
}
