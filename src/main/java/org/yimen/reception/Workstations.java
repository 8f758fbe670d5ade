package org.yimen.reception;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yimen.org.ActingOfficer;
import org.yimen.org.Organisation;
import org.yimen.org.ServiceWindow;
import org.yimen.shared.Rejected;

/** What a window workstation shows: the window, its current ticket, pause, officer on duty and what waits for it. */
@Component
class Workstations {

    /** A window as its clerk sees it. */
    record WindowState(ServiceWindow window, @Nullable Ticket current, @Nullable String paused,
            @Nullable ActingOfficer officer, List<DisplayViews.LineCount> waiting, List<ServiceLine> hallLines) {
    }

    private final Tickets tickets;
    private final ServiceLines lines;
    private final DisplayViews views;
    private final Organisation organisation;

    Workstations(Tickets tickets, ServiceLines lines, DisplayViews views, Organisation organisation) {
        this.tickets = tickets;
        this.lines = lines;
        this.views = views;
        this.organisation = organisation;
    }

    WindowState state(long windowId) {
        ServiceWindow window = organisation.window(windowId)
                .orElseThrow(() -> Rejected.notFound("reception.window.notFound"));
        var served = lines.ofWindow(windowId).stream().map(ServiceLines.WindowLine::lineId).toList();
        var waiting = views.waiting(window.hallId()).stream().filter(c -> served.contains(c.lineId()))
                .sorted((a, b) -> Integer.compare(served.indexOf(a.lineId()), served.indexOf(b.lineId())))
                .toList();
        return new WindowState(window, tickets.currentAt(windowId).orElse(null), tickets.pauseOf(windowId)
                .orElse(null), tickets.actingAt(windowId), waiting, lines.ofHall(window.hallId()));
    }
}
