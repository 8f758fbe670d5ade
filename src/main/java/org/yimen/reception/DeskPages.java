package org.yimen.reception;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
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
import org.yimen.org.Organisation;
import org.yimen.shared.QrCodes;
import org.yimen.shared.Rejected;

/**
 * The reception desk (服务台/导办台): staff issue tickets, green-channel (绿色通道) tickets with their category, and let
 * a no-show citizen rejoin the queue.
 */
@Controller
@RequestMapping("/reception/desk")
@PreAuthorize(ReceptionApi.RECEPTION_STAFF)
class DeskPages {

    private final Tickets tickets;
    private final ServiceLines lines;
    private final ReceptionHalls halls;
    private final TicketViews views;
    private final Organisation organisation;
    private final ReceptionProperties properties;
    private final MessageSource messages;

    DeskPages(Tickets tickets, ServiceLines lines, ReceptionHalls halls, TicketViews views,
            Organisation organisation, ReceptionProperties properties, MessageSource messages) {
        this.tickets = tickets;
        this.lines = lines;
        this.halls = halls;
        this.views = views;
        this.organisation = organisation;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping
    String desk(@RequestParam(required = false) @Nullable Long hallId, Model model) {
        var all = halls.halls();
        Long chosen = hallId != null ? hallId : all.isEmpty() ? null : all.getFirst().id();
        model.addAttribute("halls", all);
        model.addAttribute("hallId", chosen);
        model.addAttribute("lines", chosen == null ? java.util.List.of()
                : lines.ofHall(chosen).stream().filter(ServiceLine::active).toList());
        model.addAttribute("categories", properties.greenCategories());
        return "reception/desk";
    }

    @PostMapping("/tickets")
    String issue(@RequestParam long hallId, @RequestParam long lineId, @RequestParam(defaultValue = "") String category,
            Locale locale, RedirectAttributes redirect) {
        try {
            Priority priority = category.isBlank() ? Priority.NONE : Priority.GREEN_CHANNEL;
            var issued = tickets.issue(lineId, priority, category.isBlank() ? null : category,
                    Tickets.Channel.STAFF, AuditTrail.currentActor());
            return "redirect:/reception/desk/tickets/" + issued.ticket().publicId();
        } catch (Rejected rejected) {
            refuse(rejected, locale, redirect);
            return "redirect:/reception/desk?hallId=" + hallId;
        }
    }

    @PostMapping("/rejoin")
    String rejoin(@RequestParam long hallId, @RequestParam String number, Locale locale,
            RedirectAttributes redirect) {
        try {
            var ticket = tickets.rejoin(hallId, number, AuditTrail.currentActor());
            redirect.addFlashAttribute("notice", messages.getMessage("reception.flash.rejoined",
                    new Object[] {ticket.number()}, locale));
        } catch (Rejected rejected) {
            refuse(rejected, locale, redirect);
        }
        return "redirect:/reception/desk?hallId=" + hallId;
    }

    @GetMapping("/tickets/{publicId}")
    String ticket(@PathVariable String publicId, HttpServletRequest request, Model model) {
        var ticket = tickets.byPublicId(publicId).orElseThrow(() -> Rejected.notFound("reception.ticket.notFound"));
        var view = views.of(ticket, request);
        model.addAttribute("ticket", view);
        model.addAttribute("qr", QrCodes.dataUri(view.statusUrl(), 240));
        model.addAttribute("hall", organisation.hall(ticket.hallId()).orElseThrow());
        return "reception/desk-ticket";
    }

    private void refuse(Rejected rejected, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refusal",
                messages.getMessage(rejected.code(), rejected.arguments(), rejected.code(), locale));
    }
}
