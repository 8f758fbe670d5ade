package org.yimen.reception;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yimen.org.Organisation;

/**
 * The hall board (大厅综合屏) and the window screen (窗口屏), both fed live over Server-Sent Events. A screen renders
 * the present state, then listens from the last call it shows; the browser's EventSource reconnects by itself and
 * sends {@code Last-Event-ID}, which is answered with the calls missed meanwhile.
 */
@Controller
class DisplayPages {

    private final DisplayHub hub;
    private final DisplayViews views;
    private final CallEvents events;
    private final Tickets tickets;
    private final Organisation organisation;
    private final ReceptionProperties properties;

    DisplayPages(DisplayHub hub, DisplayViews views, CallEvents events, Tickets tickets, Organisation organisation,
            ReceptionProperties properties) {
        this.hub = hub;
        this.views = views;
        this.events = events;
        this.tickets = tickets;
        this.organisation = organisation;
        this.properties = properties;
    }

    @GetMapping("/devices/hall")
    String hall(@AuthenticationPrincipal Device device, Locale locale, Model model) {
        var latest = events.latest(device.hallId(), properties.lastCalls()).stream()
                .map(e -> views.call(e, locale)).toList();
        model.addAttribute("hall", organisation.hall(device.hallId()).orElseThrow());
        model.addAttribute("calls", latest);
        model.addAttribute("counts", views.waiting(device.hallId()));
        model.addAttribute("after", latest.isEmpty() ? lastEventId(device.hallId()) : latest.getFirst().id());
        model.addAttribute("lastCalls", properties.lastCalls());
        return "reception/hall-display";
    }

    @GetMapping("/devices/window")
    String window(@AuthenticationPrincipal Device device, Locale locale, Model model) {
        long windowId = device.windowId();
        var window = organisation.window(windowId).orElseThrow();
        var latest = events.latestAt(windowId).map(e -> views.call(e, locale)).orElse(null);
        var current = tickets.currentAt(windowId).orElse(null);
        model.addAttribute("window", window);
        model.addAttribute("hall", organisation.hall(device.hallId()).orElseThrow());
        model.addAttribute("current", current == null ? null : current.number());
        model.addAttribute("officer", tickets.actingAt(windowId));
        model.addAttribute("after", latest == null ? lastEventId(device.hallId()) : latest.id());
        return "reception/window-display";
    }

    @GetMapping(path = {"/devices/hall/events", "/devices/window/events"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal Device device, Locale locale,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @RequestParam(required = false) @Nullable Long after, HttpServletResponse response) {
        // Tell nginx and similar proxies not to buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
        long lastSeen = parse(lastEventId, after == null ? lastEventId(device.hallId()) : after);
        return hub.subscribe(device.hallId(), device.windowId(), locale, lastSeen);
    }

    private long lastEventId(long hallId) {
        return events.latest(hallId, 1).stream().mapToLong(CallEvent::id).findFirst().orElse(0);
    }

    private static long parse(@Nullable String header, long fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
