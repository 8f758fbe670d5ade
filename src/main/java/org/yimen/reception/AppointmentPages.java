package org.yimen.reception;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yimen.shared.Rejected;

/**
 * The public appointment page (预约): choose a line, or the catalog item one comes for (which leads to the line, or
 * to a choice among the lines covering it), then a working date, then a slot with places left, give name and phone,
 * and get the booking code (also sent by SMS); or cancel a booking with its code and phone. Works without scripts:
 * each choice is a plain form. A refusal is shown at the field it concerns.
 */
@Controller
@RequestMapping("/appointments")
class AppointmentPages {

    private final Appointments appointments;
    private final MessageSource messages;

    AppointmentPages(Appointments appointments, MessageSource messages) {
        this.appointments = appointments;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(required = false) @Nullable Long lineId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String itemCode, Locale locale, Model model) {
        return form(lineId, date, blankToNull(itemCode), null, null, null, new LinkedHashMap<>(), locale, model);
    }

    @PostMapping
    String book(@RequestParam(required = false) @Nullable Long lineId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime time,
            @RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String itemCode, HttpServletRequest request, Locale locale,
            Model model) {
        String item = blankToNull(itemCode);
        try {
            appointments.limitBooking(request.getRemoteAddr(), phone);
            var booked = appointments.book(new Appointments.Booking(lineId == null ? 0 : lineId, date, time, name,
                    phone, item));
            model.addAttribute("appointment", booked);
            model.addAttribute("offer", appointments.offerOf(booked.lineId()).orElse(null));
            model.addAttribute("item", booked.itemCode() == null ? null : appointments.itemOffers().stream()
                    .filter(i -> i.code().equals(booked.itemCode())).findFirst().orElse(null));
            return "reception/appointment-booked";
        } catch (Rejected rejected) {
            var errors = new LinkedHashMap<String, String>();
            errors.put(rejected.field() == null ? "form" : rejected.field(), message(rejected, locale));
            return form(lineId, date, item, time, name, phone, errors, locale, model);
        }
    }

    @GetMapping("/cancel")
    String cancelForm(Model model) {
        model.addAttribute("errors", Map.of());
        return "reception/appointment-cancel";
    }

    @PostMapping("/cancel")
    String cancel(@RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String phone, Locale locale, Model model) {
        model.addAttribute("code", code);
        try {
            var cancelled = appointments.cancel(code, phone);
            model.addAttribute("cancelled", cancelled);
            model.addAttribute("errors", Map.of());
        } catch (Rejected rejected) {
            model.addAttribute("errors", Map.of(rejected.field() == null ? "form" : rejected.field(),
                    message(rejected, locale)));
        }
        return "reception/appointment-cancel";
    }

    private String form(@Nullable Long lineId, @Nullable LocalDate date, @Nullable String itemCode,
            @Nullable LocalTime time, @Nullable String name, @Nullable String phone, Map<String, String> errors,
            Locale locale, Model model) {
        var offers = appointments.offers();
        var items = appointments.itemOffers();
        model.addAttribute("items", items);
        if (itemCode != null) {
            // The item leads to the lines that take bookings for it: straight to the line when there is one.
            String chosen = itemCode;
            var item = items.stream().filter(i -> i.code().equals(chosen)).findFirst();
            if (item.isEmpty()) {
                errors.putIfAbsent("itemCode", messages.getMessage("reception.appointment.itemNotOffered",
                        new Object[] {itemCode}, locale));
                itemCode = null;
            } else {
                var covering = item.get().lineIds();
                offers = offers.stream().filter(o -> covering.contains(o.lineId())).toList();
                if (covering.size() == 1) {
                    lineId = covering.getFirst();
                } else if (lineId != null && !covering.contains(lineId)) {
                    lineId = null;
                }
            }
        }
        model.addAttribute("itemCode", itemCode);
        model.addAttribute("offers", offers);
        model.addAttribute("lineId", lineId);
        model.addAttribute("date", date);
        model.addAttribute("time", time);
        model.addAttribute("name", name);
        model.addAttribute("phone", phone);
        Long line = lineId;
        boolean offered = line != null && offers.stream().anyMatch(o -> o.lineId() == line);
        model.addAttribute("dates", offered ? appointments.dates() : List.of());
        List<Appointments.Slot> slots = List.of();
        if (offered && date != null) {
            try {
                slots = appointments.slots(line, date);
            } catch (Rejected rejected) {
                errors.putIfAbsent(rejected.field() == null ? "form" : rejected.field(), message(rejected, locale));
            }
        }
        model.addAttribute("slots", slots);
        model.addAttribute("errors", errors);
        return "reception/appointments";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String message(Rejected rejected, Locale locale) {
        return messages.getMessage(rejected, locale);
    }
}
