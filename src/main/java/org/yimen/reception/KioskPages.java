package org.yimen.reception;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
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
 * The ticket machine (取号机): large buttons, one per line the kiosk offers, then the ticket with its QR code, ready
 * for an 80 mm receipt printer. A refusal (hall closed today, line outside its hours, cap reached) is shown on the
 * kiosk itself, in large type.
 */
@Controller
@RequestMapping("/devices/kiosk")
class KioskPages {

    /** A line button: closed lines are shown greyed, with their hours. */
    record LineButton(long id, String name, String prefix, int waiting, boolean open, String hours) {
    }

    private final Tickets tickets;
    private final Appointments appointments;
    private final ServiceLines lines;
    private final TicketViews views;
    private final DisplayViews displays;
    private final Organisation organisation;
    private final WorkingDays workingDays;
    private final RateLimits rateLimits;
    private final ReceptionProperties properties;
    private final Clock clock;
    private final MessageSource messages;

    KioskPages(Tickets tickets, Appointments appointments, ServiceLines lines, TicketViews views, DisplayViews displays,
            Organisation organisation, WorkingDays workingDays, RateLimits rateLimits,
            ReceptionProperties properties, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.tickets = tickets;
        this.appointments = appointments;
        this.lines = lines;
        this.views = views;
        this.displays = displays;
        this.organisation = organisation;
        this.workingDays = workingDays;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String home(@AuthenticationPrincipal Device device, Model model) {
        return page(device, model);
    }

    @PostMapping("/tickets")
    String take(@AuthenticationPrincipal Device device, @RequestParam long lineId, HttpServletRequest request,
            Locale locale, Model model) {
        try {
            rateLimits.check("reception.kiosk", request.getRemoteAddr(), properties.kioskRequestsPerMinute(),
                    Duration.ofMinutes(1));
            if (lines.require(lineId).hallId() != device.hallId()) {
                throw Rejected.notFound("reception.line.notFound");
            }
            var issued = tickets.issue(lineId, Priority.NONE, null, Tickets.Channel.KIOSK, kiosk(device));
            return "redirect:/devices/kiosk/tickets/" + issued.ticket().publicId();
        } catch (Rejected rejected) {
            model.addAttribute("refusal", messages.getMessage(rejected.code(), rejected.arguments(), rejected.code(),
                    locale));
            return page(device, model);
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
            model.addAttribute("refusal", messages.getMessage(rejected.code(), rejected.arguments(), rejected.code(),
                    locale));
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
        LocalTime now = LocalTime.now(clock);
        var counts = displays.waiting(device.hallId());
        boolean workingDay = workingDays.isWorkingDay(LocalDate.now(clock));
        model.addAttribute("hall", organisation.hall(device.hallId()).orElseThrow());
        model.addAttribute("workingDay", workingDay);
        model.addAttribute("lines", lines.ofHall(device.hallId()).stream()
                .filter(line -> line.active() && line.kiosk())
                .map(line -> new LineButton(line.id(), line.name(), line.prefix(),
                        counts.stream().filter(c -> c.lineId() == line.id()).mapToInt(DisplayViews.LineCount::waiting)
                                .sum(),
                        workingDay && line.openAt(now), line.opensAt() + "–" + line.closesAt()))
                .toList());
        return "reception/kiosk";
    }

    static Actor kiosk(Device device) {
        return Actor.system("kiosk-" + device.id());
    }
}
