package org.yimen.reception;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.org.Organisation;
import org.yimen.platform.RateLimits;
import org.yimen.shared.QrCodes;
import org.yimen.shared.Rejected;

/**
 * The ticket machine (取号机): large buttons, one per line the kiosk offers, or a list of the items those lines cover;
 * then, before the ticket, the materials to bring for the line's items (or the chosen item) from the catalog, and an
 * optional mobile number for a short message when the turn is near; then the ticket with its QR code, ready for an
 * 80 mm receipt printer. A refusal (hall closed today, line outside its hours, cap reached, a wrong number) is shown
 * on the kiosk itself, in large type, at the field it concerns.
 */
@Controller
@RequestMapping("/devices/kiosk")
class KioskPages {

    private final Tickets tickets;
    private final Appointments appointments;
    private final KioskGuide guide;
    private final ServiceLines lines;
    private final TicketViews views;
    private final Organisation organisation;
    private final WorkingDays workingDays;
    private final RateLimits rateLimits;
    private final ReceptionProperties properties;
    private final Clock clock;
    private final MessageSource messages;

    KioskPages(Tickets tickets, Appointments appointments, KioskGuide guide, ServiceLines lines, TicketViews views,
            Organisation organisation, WorkingDays workingDays, RateLimits rateLimits,
            ReceptionProperties properties, Clock clock, MessageSource messages) {
        this.tickets = tickets;
        this.appointments = appointments;
        this.guide = guide;
        this.lines = lines;
        this.views = views;
        this.organisation = organisation;
        this.workingDays = workingDays;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping
    String home(@AuthenticationPrincipal Device device, Model model) {
        return page(device, model);
    }

    /** A line chosen: the materials of the items it covers, then the ticket. */
    @GetMapping("/lines/{lineId}")
    String line(@AuthenticationPrincipal Device device, @PathVariable long lineId, Locale locale, Model model) {
        try {
            return materials(device, guide.ofLine(device.hallId(), lineId), Map.of(), null, model);
        } catch (Rejected rejected) {
            model.addAttribute("refusal", message(rejected, locale));
            return page(device, model);
        }
    }

    /** The items the kiosk's lines cover, to choose by what one came for (按事项取号). */
    @GetMapping("/items")
    String items(@AuthenticationPrincipal Device device, @RequestParam(required = false) @Nullable String q,
            Model model) {
        model.addAttribute("hall", organisation.hall(device.hallId()).orElseThrow());
        model.addAttribute("q", q);
        model.addAttribute("items", guide.items(device.hallId(), q));
        return "reception/kiosk-items";
    }

    /** An item chosen: its materials, and the line that covers it. */
    @GetMapping("/items/{code}")
    String item(@AuthenticationPrincipal Device device, @PathVariable String code, Locale locale, Model model) {
        try {
            return materials(device, guide.ofItem(device.hallId(), code), Map.of(), null, model);
        } catch (Rejected rejected) {
            model.addAttribute("refusal", message(rejected, locale));
            return items(device, null, model);
        }
    }

    @PostMapping("/tickets")
    String take(@AuthenticationPrincipal Device device, @RequestParam long lineId,
            @RequestParam(required = false) @Nullable String itemCode,
            @RequestParam(required = false) @Nullable String phone, HttpServletRequest request, Locale locale,
            Model model) {
        try {
            rateLimits.check("reception.kiosk", request.getRemoteAddr(), properties.kioskRequestsPerMinute(),
                    Duration.ofMinutes(1));
            if (lines.require(lineId).hallId() != device.hallId()) {
                throw Rejected.notFound("reception.line.notFound");
            }
            var issued = tickets.issue(lineId, Priority.NONE, null, Tickets.Channel.KIOSK, itemCode, phone,
                    kiosk(device));
            return "redirect:/devices/kiosk/tickets/" + issued.ticket().publicId();
        } catch (Rejected rejected) {
            KioskGuide.LineGuide shown;
            try {
                shown = itemCode == null || itemCode.isBlank() ? guide.ofLine(device.hallId(), lineId)
                        : guide.ofItem(device.hallId(), itemCode);
            } catch (Rejected gone) {
                model.addAttribute("refusal", message(rejected, locale));
                return page(device, model);
            }
            // The number is never written back into the page: the next citizen at the kiosk would see it.
            if ("phone".equals(rejected.field())) {
                return materials(device, shown, Map.of("phone", message(rejected, locale)), null, model);
            }
            return materials(device, shown, Map.of(), message(rejected, locale), model);
        }
    }

    /** An appointment holder enters the booking code: a priority ticket on the booked line. */
    @PostMapping("/check-in")
    String checkIn(@AuthenticationPrincipal Device device, @RequestParam(required = false) String code,
            HttpServletRequest request, Locale locale, Model model) {
        try {
            rateLimits.check("reception.kiosk", request.getRemoteAddr(), properties.kioskRequestsPerMinute(),
                    Duration.ofMinutes(1));
            var issued = appointments.checkIn(code, device.hallId(), Tickets.Channel.KIOSK, kiosk(device));
            return "redirect:/devices/kiosk/tickets/" + issued.ticket().publicId();
        } catch (Rejected rejected) {
            model.addAttribute("refusal", message(rejected, locale));
            return page(device, model);
        }
    }

    @GetMapping("/tickets/{publicId}")
    String ticket(@AuthenticationPrincipal Device device, @PathVariable String publicId, HttpServletRequest request,
            Model model) {
        var ticket = tickets.byPublicId(publicId).filter(t -> t.hallId() == device.hallId())
                .orElseThrow(() -> Rejected.notFound("reception.ticket.notFound"));
        var view = views.of(ticket, request);
        model.addAttribute("ticket", view);
        model.addAttribute("qr", QrCodes.dataUri(view.statusUrl(), 240));
        model.addAttribute("hall", organisation.hall(device.hallId()).orElseThrow());
        return "reception/kiosk-ticket";
    }

    private String page(Device device, Model model) {
        model.addAttribute("hall", organisation.hall(device.hallId()).orElseThrow());
        model.addAttribute("workingDay", workingDays.isWorkingDay(LocalDate.now(clock)));
        model.addAttribute("lines", guide.lines(device.hallId()));
        return "reception/kiosk";
    }

    private String materials(Device device, KioskGuide.LineGuide shown, Map<String, String> errors,
            @Nullable String refusal, Model model) {
        model.addAttribute("hall", organisation.hall(device.hallId()).orElseThrow());
        model.addAttribute("guide", shown);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("notifyAhead", properties.notifyAhead());
        return "reception/kiosk-materials";
    }

    private String message(Rejected rejected, Locale locale) {
        return messages.getMessage(rejected, locale);
    }

    static Actor kiosk(Device device) {
        return Actor.system("kiosk-" + device.id());
    }
}
