package org.yimen.reception;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yimen.org.Organisation;
import org.yimen.platform.RateLimits;
import org.yimen.shared.Rejected;

/**
 * The citizen's phone follows a ticket here (from the QR code): public, found only by the ticket's unguessable id,
 * showing nothing personal, and limited per client address.
 */
@Controller
class PublicTicketPages {

    private final Tickets tickets;
    private final TicketViews views;
    private final Organisation organisation;
    private final RateLimits rateLimits;
    private final ReceptionProperties properties;

    PublicTicketPages(Tickets tickets, TicketViews views, Organisation organisation, RateLimits rateLimits,
            ReceptionProperties properties) {
        this.tickets = tickets;
        this.views = views;
        this.organisation = organisation;
        this.rateLimits = rateLimits;
        this.properties = properties;
    }

    @GetMapping("/ticket/{publicId}")
    String status(@PathVariable String publicId, HttpServletRequest request, Model model) {
        rateLimits.check("reception.status", request.getRemoteAddr(), properties.statusRequestsPerMinute(),
                Duration.ofMinutes(1));
        if (!publicId.matches("[A-Za-z0-9_-]{16,32}")) {
            throw Rejected.notFound("reception.ticket.notFound");
        }
        var ticket = tickets.byPublicId(publicId).orElseThrow(() -> Rejected.notFound("reception.ticket.notFound"));
        model.addAttribute("ticket", views.of(ticket, request));
        model.addAttribute("hall", organisation.hall(ticket.hallId()).orElseThrow());
        return "reception/ticket-status";
    }
}
