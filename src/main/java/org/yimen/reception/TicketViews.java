package org.yimen.reception;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yimen.org.Organisation;
import org.yimen.org.ServiceWindow;

/** Tickets as pages and the API show them. */
@Component
class TicketViews {

    /** A ticket for the citizen, the kiosk, the staff and the API. */
    record TicketView(long id, String publicId, String number, long lineId, String line, TicketState state,
            Priority priority, @Nullable String category, int peopleAhead, int estimatedMinutes, String issuedAt,
            @Nullable Integer window, int recalls, String statusUrl) {
    }

    private final Tickets tickets;
    private final ServiceLines lines;
    private final Organisation organisation;
    private final ReceptionProperties properties;
    private final Clock clock;

    TicketViews(Tickets tickets, ServiceLines lines, Organisation organisation, ReceptionProperties properties,
            Clock clock) {
        this.tickets = tickets;
        this.lines = lines;
        this.organisation = organisation;
        this.properties = properties;
        this.clock = clock;
    }

    TicketView of(Ticket ticket, HttpServletRequest request) {
        ServiceLine line = lines.require(ticket.lineId());
        Integer window = ticket.windowId() == null ? null
                : organisation.window(ticket.windowId()).map(ServiceWindow::number).orElse(null);
        return new TicketView(ticket.id(), ticket.publicId(), ticket.number(), line.id(), line.name(), ticket.state(),
                ticket.priority(), ticket.greenCategory(), tickets.peopleAhead(ticket),
                tickets.estimatedMinutes(ticket, line),
                LocalTime.ofInstant(ticket.issuedAt(), clock.getZone()).withNano(0).toString(), window,
                ticket.recallCount(), statusUrl(ticket, request));
    }

    /** Where a phone follows the ticket: the public status page, by the ticket's unguessable id. */
    String statusUrl(Ticket ticket, HttpServletRequest request) {
        String base = properties.publicBaseUrl();
        if (base == null || base.isBlank()) {
            base = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
        }
        return base.replaceAll("/+$", "") + "/ticket/" + ticket.publicId();
    }
}
