package org.yimen.reception;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.audit.AuditTrail;

/**
 * Appointments over HTTP: what can be booked, booking and cancelling are public (limited per client address and
 * phone); checking a booking in at the reception desk is for reception staff. Same rules and refusals as the page.
 */
@RestController
@RequestMapping("/api/appointments")
@Tag(name = "Appointments", description = "预约: lines, working dates, slots with places left, booking, cancelling"
        + " and check-in for a priority ticket")
class AppointmentApi {

    /**
     * A booking: line, working date, slot start, name and phone (stored sealed); optionally the catalog item the
     * citizen comes for, which the line must cover.
     */
    record BookRequest(@Nullable Long lineId, @Nullable LocalDate date, @Nullable LocalTime time,
            @Nullable String name, @Nullable String phone, @Nullable String itemCode) {
    }

    /** Cancelling needs the phone the booking was made with. */
    record CancelRequest(@Nullable String phone) {
    }

    /** Which hall checks the booking in. */
    record CheckInRequest(@Nullable Long hallId) {
    }

    /** A booking as its holder sees it: no phone. */
    record AppointmentView(String code, long hallId, long lineId, LocalDate date, LocalTime time, LocalTime endsAt,
            String state, @Nullable String itemCode) {

        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.code(), a.hallId(), a.lineId(), a.serviceDate(), a.startsAt(), a.endsAt(),
                    a.state().name(), a.itemCode());
        }
    }

    private final Appointments appointments;
    private final TicketViews views;

    AppointmentApi(Appointments appointments, TicketViews views) {
        this.appointments = appointments;
        this.views = views;
    }

    @GetMapping("/lines")
    @Operation(summary = "Lines that take appointments, with their hall, places per slot and slot length")
    List<Appointments.Offer> lines() {
        return appointments.offers();
    }

    @GetMapping("/items")
    @Operation(summary = "Catalog items that can be booked, each with the lines that take bookings for it",
            description = "Book by item: choose an item, then one of its lines (there is often only one), and send"
                    + " the item's code with the booking.")
    List<Appointments.ItemOffer> items() {
        return appointments.itemOffers();
    }

    @GetMapping("/dates")
    @Operation(summary = "Working dates that can be booked, from today to the end of the horizon")
    List<LocalDate> dates() {
        return appointments.dates();
    }

    @GetMapping("/lines/{lineId}/slots")
    @Operation(summary = "A line's slots on a date with the places left",
            description = "Refused for a past date, a date beyond the horizon or a holiday.")
    List<Appointments.Slot> slots(@PathVariable long lineId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return appointments.slots(lineId, date);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Book a place; the answer carries the booking code, which is also sent by SMS",
            description = "Refusals name why: holiday, past date, beyond the horizon, full slot, blocked after"
                    + " repeated no-shows, already booked, an item the line does not cover. 429 when too many"
                    + " bookings come from one address or phone.")
    AppointmentView book(@RequestBody BookRequest body, HttpServletRequest request) {
        appointments.limitBooking(request.getRemoteAddr(), body.phone());
        return AppointmentView.of(appointments.book(new Appointments.Booking(
                body.lineId() == null ? 0 : body.lineId(), body.date(), body.time(), body.name(), body.phone(),
                body.itemCode())));
    }

    @PostMapping("/{code}/cancel")
    @Operation(summary = "Cancel a booking with its code and phone; the place is free again and an SMS confirms it")
    AppointmentView cancel(@PathVariable String code, @RequestBody CancelRequest body) {
        return AppointmentView.of(appointments.cancel(code, body.phone()));
    }

    @PostMapping("/{code}/check-in")
    @PreAuthorize(ReceptionApi.RECEPTION_STAFF)
    @Operation(summary = "Check a booking in at the reception desk: a ticket of priority APPOINTMENT",
            description = "409 when the booking is for another day, no longer booked, or its slot is over.")
    TicketViews.TicketView checkIn(@PathVariable String code, @RequestBody CheckInRequest body,
            HttpServletRequest request) {
        var issued = appointments.checkIn(code, body.hallId() == null ? 0 : body.hallId(), Tickets.Channel.STAFF,
                AuditTrail.currentActor());
        return views.of(issued.ticket(), request);
    }
}
