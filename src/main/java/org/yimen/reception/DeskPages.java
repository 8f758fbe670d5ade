package org.yimen.reception;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yimen.audit.AuditTrail;
import org.yimen.org.Hall;
import org.yimen.org.Organisation;
import org.yimen.shared.FormRefusals;
import org.yimen.shared.QrCodes;
import org.yimen.shared.Rejected;

/**
 * The reception desk (服务台/导办台): staff issue tickets, green-channel (绿色通道) tickets with their category, and let
 * a no-show citizen rejoin the queue. As at the kiosk, a ticket may name the item the citizen came for (the desk shows
 * its materials to bring, so a missing document is noticed before the wait) and carry the citizen's mobile number for
 * one short message when the turn is near; the number is checked, sealed and never written back into the page. A
 * refusal is shown beside the field it concerns.
 */
@Controller
@RequestMapping("/reception/desk")
@PreAuthorize(ReceptionApi.RECEPTION_STAFF)
class DeskPages {

    private final Tickets tickets;
    private final ServiceLines lines;
    private final ItemGuides guides;
    private final ReceptionHalls halls;
    private final TicketViews views;
    private final Organisation organisation;
    private final ReceptionProperties properties;
    private final MessageSource messages;

    DeskPages(Tickets tickets, ServiceLines lines, ItemGuides guides, ReceptionHalls halls, TicketViews views,
            Organisation organisation, ReceptionProperties properties, MessageSource messages) {
        this.tickets = tickets;
        this.lines = lines;
        this.guides = guides;
        this.halls = halls;
        this.views = views;
        this.organisation = organisation;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping
    String desk(@RequestParam(required = false) @Nullable Long hallId,
            @RequestParam(required = false) @Nullable Long lineId, Model model) {
        var all = halls.halls();
        Long chosen = hallId != null ? hallId : all.isEmpty() ? null : all.getFirst().id();
        return page(all, DeskTicketForm.of(chosen, lineId, null), model);
    }

    /** The item choice and the materials to bring for a line, or for one item of it (htmx swaps them in). */
    @GetMapping("/items")
    String items(@RequestParam long lineId, @RequestParam(required = false) @Nullable String itemCode, Model model) {
        var line = lines.require(lineId);
        model.addAttribute("form", DeskTicketForm.of(line.hallId(), lineId, itemCode));
        items(line, itemCode, model);
        return "reception/desk :: items";
    }

    @PostMapping("/tickets")
    String issue(@Valid @ModelAttribute("form") DeskTicketForm form, BindingResult result, Model model) {
        var issued = new AtomicReference<IssuedTicket>();
        if (FormRefusals.attempt(result, () -> issued.set(tickets.issue(form.lineId(), form.priority(),
                form.greenCategory(), Tickets.Channel.STAFF, form.itemCode(), form.phone(),
                AuditTrail.currentActor())))) {
            return "redirect:/reception/desk/tickets/" + issued.get().ticket().publicId();
        }
        return page(halls.halls(), form, model);
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

    private String page(List<Hall> all, DeskTicketForm form, Model model) {
        Long hallId = form.hallId();
        model.addAttribute("form", form);
        model.addAttribute("halls", all);
        model.addAttribute("hallId", hallId);
        List<ServiceLine> open = hallId == null ? List.of()
                : lines.ofHall(hallId).stream().filter(ServiceLine::active).toList();
        model.addAttribute("lines", open);
        model.addAttribute("categories", properties.greenCategories());
        model.addAttribute("notifyAhead", properties.notifyAhead());
        // The items and materials of the line chosen, or of the first line, which the select shows first.
        var line = open.stream().filter(l -> form.lineId() != null && l.id() == form.lineId()).findFirst()
                .or(() -> open.stream().findFirst());
        if (line.isPresent()) {
            items(line.get(), form.itemCode(), model);
        } else {
            model.addAttribute("items", List.of());
            model.addAttribute("materials", List.of());
        }
        return "reception/desk";
    }

    /** The items in force the line covers, and the materials of the chosen one, or of them all. */
    private void items(ServiceLine line, @Nullable String itemCode, Model model) {
        var items = guides.guides(line.itemCodes());
        model.addAttribute("items", items);
        var chosen = items.stream().filter(i -> i.code().equals(itemCode)).toList();
        model.addAttribute("materials", chosen.isEmpty() ? items : chosen);
    }

    private void refuse(Rejected rejected, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refusal",
                messages.getMessage(rejected, locale));
    }
}
