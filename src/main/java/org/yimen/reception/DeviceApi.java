package org.yimen.reception;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.platform.RateLimits;
import org.yimen.shared.Masking;
import org.yimen.shared.Rejected;

/** What kiosks and displays of other makes may call with their device token ({@code X-Device-Token}). */
@RestController
@RequestMapping("/api/devices")
@Tag(name = "Reception devices", description = "取号机与显示屏: kiosks take tickets, displays read calls. Authenticate"
        + " with the device's token in the X-Device-Token header; unknown or revoked tokens get 401.")
class DeviceApi {

    /**
     * Take a ticket on a line; optionally for a catalog item the line covers, and with a mobile number for one SMS
     * when the turn is near.
     */
    record TakeTicket(@NotNull @Nullable Long lineId, @Nullable String itemCode, @Nullable String phone) {

        /** Masks the number, so that a request written to a log never shows it. */
        @Override
        public String toString() {
            return "TakeTicket[lineId=%s, itemCode=%s, phone=%s]".formatted(lineId, itemCode,
                    phone == null ? null : Masking.phone(phone));
        }
    }

    /** The booking code of an appointment. */
    record CheckIn(@Nullable String code) {
    }

    private final Tickets tickets;
    private final KioskGuide guide;
    private final Appointments appointments;
    private final ServiceLines lines;
    private final TicketViews views;
    private final CallEvents events;
    private final DisplayViews displays;
    private final RateLimits rateLimits;
    private final ReceptionProperties properties;

    DeviceApi(Tickets tickets, KioskGuide guide, Appointments appointments, ServiceLines lines, TicketViews views,
            CallEvents events, DisplayViews displays, RateLimits rateLimits, ReceptionProperties properties) {
        this.tickets = tickets;
        this.guide = guide;
        this.appointments = appointments;
        this.lines = lines;
        this.views = views;
        this.events = events;
        this.displays = displays;
        this.rateLimits = rateLimits;
        this.properties = properties;
    }

    @GetMapping("/me")
    @Operation(summary = "The device the token belongs to (kind, hall, window)")
    Device me(@AuthenticationPrincipal Device device) {
        return device;
    }

    @GetMapping("/kiosk/lines")
    @Operation(summary = "Lines the kiosk offers, with waiting counts")
    List<DisplayViews.LineCount> lines(@AuthenticationPrincipal Device device) {
        var offered = lines.ofHall(device.hallId()).stream().filter(l -> l.kiosk() && l.active())
                .map(ServiceLine::id).toList();
        return displays.waiting(device.hallId()).stream().filter(c -> offered.contains(c.lineId())).toList();
    }

    @GetMapping("/kiosk/lines/{lineId}/materials")
    @Operation(summary = "What to bring for a line: the required and optional materials of each item it covers",
            description = "From the catalog's versions in force; shown before the ticket is taken.")
    KioskGuide.LineGuide materials(@AuthenticationPrincipal Device device, @PathVariable long lineId) {
        return guide.ofLine(device.hallId(), lineId);
    }

    @GetMapping("/kiosk/items")
    @Operation(summary = "The catalog items the kiosk's lines cover, each with the line it leads to")
    List<KioskGuide.ItemChoice> items(@AuthenticationPrincipal Device device,
            @Parameter(description = "Part of the item's name or code; all items if empty")
            @RequestParam(required = false) @Nullable String q) {
        return guide.items(device.hallId(), q);
    }

    @GetMapping("/kiosk/items/{code}")
    @Operation(summary = "A chosen item: the line that covers it (one open now, if several do) and its materials",
            description = "404 when no kiosk line of the hall covers an item in force of that code.")
    KioskGuide.LineGuide item(@AuthenticationPrincipal Device device, @PathVariable String code) {
        return guide.ofItem(device.hallId(), code);
    }

    @PostMapping("/kiosk/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take an ordinary ticket, perhaps for an item and with a mobile number for an SMS",
            description = "409 when the hall is closed today, the line is outside its hours or its daily cap is"
                    + " reached; 400 for an item the line does not cover or a number that is no mainland mobile"
                    + " number; 429 when one address takes too many. The SMS goes out once, when at most"
                    + " yimen.reception.notify-ahead people are ahead.")
    TicketViews.TicketView take(@AuthenticationPrincipal Device device, @Valid @RequestBody TakeTicket body,
            HttpServletRequest request) {
        rateLimits.check("reception.kiosk", request.getRemoteAddr(), properties.kioskRequestsPerMinute(),
                Duration.ofMinutes(1));
        if (lines.require(body.lineId()).hallId() != device.hallId()) {
            throw Rejected.notFound("reception.line.notFound");
        }
        var issued = tickets.issue(body.lineId(), Priority.NONE, null, Tickets.Channel.KIOSK, body.itemCode(),
                body.phone(), KioskPages.kiosk(device));
        return views.of(issued.ticket(), request);
    }

    @PostMapping("/kiosk/check-in")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Check an appointment in with its booking code: a ticket of priority APPOINTMENT",
            description = "400 for an unknown code or one of another hall; 409 when the booking is not for today or"
                    + " no longer booked, or the line is closed now.")
    TicketViews.TicketView checkIn(@AuthenticationPrincipal Device device, @RequestBody CheckIn body,
            HttpServletRequest request) {
        rateLimits.check("reception.kiosk", request.getRemoteAddr(), properties.kioskRequestsPerMinute(),
                Duration.ofMinutes(1));
        var issued = appointments.checkIn(body.code(), device.hallId(), Tickets.Channel.KIOSK,
                KioskPages.kiosk(device));
        return views.of(issued.ticket(), request);
    }

    @GetMapping("/calls")
    @Operation(summary = "Calls of the device's hall after an event id (catch-up)")
    List<DisplayViews.CallView> calls(@AuthenticationPrincipal Device device,
            @Parameter(description = "Last event id seen") @RequestParam(defaultValue = "0") long after,
            Locale locale) {
        return events.after(device.hallId(), after, 500).stream()
                .filter(e -> device.windowId() == null || device.windowId() == e.windowId())
                .map(e -> displays.call(e, locale)).toList();
    }
}
