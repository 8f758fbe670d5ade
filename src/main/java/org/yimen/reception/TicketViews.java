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

    /**
     * A ticket for the citizen, the kiosk, the staff and the API; {@code item} is the name of the catalog item the
     * citizen chose, {@code sms} the reminder when the turn is near, with the number masked.
     */
    record TicketView(long id, String publicId, String number, long lineId, String line, TicketState state,
            Priority priority, @Nullable String category, int peopleAhead, int estimatedMinutes, String issuedAt,
            @Nullable Integer window, int recalls, String statusUrl, @Nullable String itemCode,
            @Nullable String item, TurnNotices.@Nullable Reminder sms) {
    }

    private final Tickets tickets;
    private final ServiceLines lines;
    private final Organisation organisation;
    private final ReceptionProperties properties;
    private final ItemGuides guides;
    private final TurnNotices turnNotices;
    private final Clock clock;

    TicketViews(Tickets tickets, ServiceLines lines, Organisation organisation, ReceptionProperties properties,
            ItemGuides guides, TurnNotices turnNotices, Clock clock) {
        this.guides = guides;
        this.turnNotices = turnNotices;
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
                ticket.recallCount(), statusUrl(ticket, request), ticket.itemCode(),
                ticket.itemCode() == null ? null
                        : guides.guide(ticket.itemCode()).map(ItemGuides.ItemGuide::name).orElse(ticket.itemCode()),
                turnNotices.reminder(ticket.id()).orElse(null));
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
