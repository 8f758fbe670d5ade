package org.yimen.reception;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;
import org.yimen.calendar.WorkingDays;
import org.yimen.notifications.Notifications;
import org.yimen.org.Organisation;
import org.yimen.platform.RateLimits;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.Masking;
import org.yimen.shared.MobileNumbers;
import org.yimen.shared.Rejected;

/**
 * Appointments (预约): a line offers places per slot of its hours on working days, up to a horizon. A booking takes a
 * place with {@code update ... set booked = booked + 1 where booked < capacity} in its own transaction: the row lock
 * and the condition PostgreSQL checks again after waiting for it mean concurrent bookers never oversell a slot. People
 * with repeated no-shows are blocked for a while; a booking is cancelled with its code and phone, and checked in at
 * the hall for a ticket of priority {@link Priority#APPOINTMENT} before its slot ends. Booking and cancelling each
 * send a short message with the booking code, written to the outbox in the same transaction. A citizen may book by
 * the catalog item they come for, which leads to the lines covering it.
 */
@Service
@Transactional
class Appointments {

    /** A line that takes appointments, and the catalog items it covers. */
    record Offer(long lineId, long hallId, String hallName, String lineName, int capacity, int slotMinutes,
            List<String> itemCodes) {

        Offer {
            itemCodes = List.copyOf(itemCodes);
        }
    }

    /** A catalog item in force that can be booked, with the lines (of any hall) that take bookings for it. */
    record ItemOffer(String code, String name, List<Long> lineIds) {

        ItemOffer {
            lineIds = List.copyOf(lineIds);
        }
    }

    /** A slot of a day with its places left. */
    record Slot(LocalTime startsAt, LocalTime endsAt, int capacity, int remaining) {
    }

    /** What a citizen books: a slot of a line, perhaps for one item the line covers. */
    record Booking(long lineId, @Nullable LocalDate date, @Nullable LocalTime time, @Nullable String name,
            @Nullable String phone, @Nullable String itemCode) {

        Booking(long lineId, @Nullable LocalDate date, @Nullable LocalTime time, @Nullable String name,
                @Nullable String phone) {
            this(lineId, date, time, name, phone, null);
        }
    }

    static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final ServiceLines lines;
    private final Tickets tickets;
    private final Organisation organisation;
    private final WorkingDays workingDays;
    private final PersonalData personalData;
    private final RateLimits rateLimits;
    private final AuditTrail audit;
    private final AppointmentProperties properties;
    private final Notifications notifications;
    private final ItemGuides guides;
    private final Clock clock;

    Appointments(JdbcClient jdbc, ServiceLines lines, Tickets tickets, Organisation organisation,
            WorkingDays workingDays, PersonalData personalData, RateLimits rateLimits, AuditTrail audit,
            AppointmentProperties properties, Notifications notifications, ItemGuides guides, Clock clock) {
        this.notifications = notifications;
        this.guides = guides;
        this.jdbc = jdbc;
        this.lines = lines;
        this.tickets = tickets;
        this.organisation = organisation;
        this.workingDays = workingDays;
        this.personalData = personalData;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    // What can be booked

    /** Sets how many places each slot of a line offers (0: no appointments) and how long a slot is. */
    void offer(long lineId, int capacity, int slotMinutes) {
        lines.require(lineId);
        if (capacity < 0 || capacity > 1000) {
            throw Rejected.invalid("capacity", "reception.appointment.capacityRange");
        }
        if (slotMinutes < 10 || slotMinutes > 240) {
            throw Rejected.invalid("slotMinutes", "reception.appointment.slotRange");
        }
        jdbc.sql("update rcp_line set appointment_capacity = ?, appointment_slot_minutes = ? where id = ?")
                .params(capacity, slotMinutes, lineId).update();
        audit.record("reception.appointment.offered", "reception-line", lineId,
                Map.of("capacity", capacity, "slotMinutes", slotMinutes));
    }

    @Transactional(readOnly = true)
    List<Offer> offers() {
        return jdbc.sql("""
                select l.id, l.hall_id, h.name as hall_name, l.name, l.appointment_capacity,
                    l.appointment_slot_minutes, l.item_codes
                from rcp_line l join org_hall h on h.id = l.hall_id
                where l.active and l.appointment_capacity > 0 order by h.name, l.prefix""")
                .query((rs, row) -> offer(rs)).list();
    }

    @Transactional(readOnly = true)
    Optional<Offer> offerOf(long lineId) {
        return jdbc.sql("""
                select l.id, l.hall_id, h.name as hall_name, l.name, l.appointment_capacity,
                    l.appointment_slot_minutes, l.item_codes
                from rcp_line l join org_hall h on h.id = l.hall_id
                where l.id = ? and l.active and l.appointment_capacity > 0""")
                .param(lineId).query((rs, row) -> offer(rs)).optional();
    }

    /**
     * The catalog items in force that lines taking appointments cover, each with those lines, so a citizen may
     * choose what they come for and be led to the line (按事项预约).
     */
    @Transactional(readOnly = true)
    List<ItemOffer> itemOffers() {
        var lineIds = new LinkedHashMap<String, List<Long>>();
        for (Offer offer : offers()) {
            for (String code : offer.itemCodes()) {
                lineIds.computeIfAbsent(code, c -> new ArrayList<>()).add(offer.lineId());
            }
        }
        return lineIds.entrySet().stream()
                .flatMap(entry -> guides.guide(entry.getKey())
                        .map(guide -> new ItemOffer(guide.code(), guide.name(), entry.getValue())).stream())
                .sorted(java.util.Comparator.comparing(ItemOffer::name))
                .toList();
    }

    /** The working days from today to the end of the horizon. */
    @Transactional(readOnly = true)
    List<LocalDate> dates() {
        LocalDate today = LocalDate.now(clock);
        var dates = new ArrayList<LocalDate>();
        for (LocalDate day = today; day.isBefore(lastDay(today).plusDays(1)); day = day.plusDays(1)) {
            if (workingDays.isWorkingDay(day)) {
                dates.add(day);
            }
        }
        return dates;
    }

    /** The slots of a line on a day with the places left; slots of today that have begun are left out. */
    @Transactional(readOnly = true)
    List<Slot> slots(long lineId, LocalDate date) {
        Offer offer = requireOffer(lineId);
        checkDate(date);
        ServiceLine line = lines.require(lineId);
        Map<LocalTime, Integer> booked = new LinkedHashMap<>();
        jdbc.sql("select starts_at, booked from rcp_appointment_slot where line_id = ? and service_date = ?")
                .params(lineId, date)
                .query((rs, row) -> booked.put(rs.getObject(1, LocalTime.class), rs.getInt(2))).list();
        var slots = new ArrayList<Slot>();
        for (LocalTime start : starts(line, offer)) {
            if (date.equals(LocalDate.now(clock)) && !start.isAfter(LocalTime.now(clock))) {
                continue;
            }
            int taken = booked.getOrDefault(start, 0);
            slots.add(new Slot(start, end(line, offer, start), offer.capacity(),
                    Math.max(0, offer.capacity() - taken)));
        }
        return slots;
    }

    // Booking

    /**
     * Counts a booking attempt per client address and per phone, and refuses it (429) over the limits. Called before
     * {@link #book}, outside its transaction: each count takes a connection of its own and stays counted.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void limitBooking(String clientAddress, @Nullable String phone) {
        rateLimits.check("reception.appointment.address", clientAddress, properties.bookingsPerAddress(),
                properties.rateWindow());
        String value = phone == null ? "" : phone.replaceAll("\\s", "");
        if (PHONE.matcher(value).matches()) {
            rateLimits.check("reception.appointment.phone", personalData.index(value), properties.bookingsPerPhone(),
                    properties.rateWindow());
        }
    }

    /**
     * Books a place, or refuses naming why: not offered, past date, beyond the horizon, a holiday, an unknown or
     * begun slot, a full slot, a person blocked for no-shows or already booked on that line and day.
     */
    Appointment book(Booking booking) {
        String name = booking.name() == null ? "" : booking.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw Rejected.invalid("name", "reception.appointment.name");
        }
        String phone = normalisedPhone(booking.phone());
        String phoneIndex = personalData.index(phone);
        Offer offer = requireOffer(booking.lineId());
        ServiceLine line = lines.require(booking.lineId());
        if (booking.date() == null) {
            throw Rejected.invalid("date", "reception.appointment.dateMissing");
        }
        LocalDate date = booking.date();
        checkDate(date);
        LocalTime time = booking.time();
        if (time == null || !starts(line, offer).contains(time)) {
            throw Rejected.invalid("time", "reception.appointment.unknownSlot");
        }
        if (date.equals(LocalDate.now(clock)) && !time.isAfter(LocalTime.now(clock))) {
            throw Rejected.invalid("time", "reception.appointment.slotBegun", time.toString());
        }
        String item = booking.itemCode() == null || booking.itemCode().isBlank() ? null : booking.itemCode().strip();
        if (item != null && !line.itemCodes().contains(item)) {
            throw Rejected.invalid("itemCode", "reception.appointment.itemNotOnLine", item, line.name());
        }
        LocalDate today = LocalDate.now(clock);
        blockedUntil(phoneIndex, today).ifPresent(until -> {
            throw Rejected.conflict("phone", "reception.appointment.blocked", properties.noShowLimit(),
                    until.toString());
        });
        jdbc.sql("""
                insert into rcp_appointment_slot (line_id, service_date, starts_at, capacity) values (?, ?, ?, ?)
                on conflict (line_id, service_date, starts_at) do nothing""")
                .params(line.id(), date, time, offer.capacity()).update();
        // The place itself: the row lock serialises bookers of one slot and the condition is checked again after it.
        var slotId = jdbc.sql("""
                update rcp_appointment_slot set booked = booked + 1
                where line_id = ? and service_date = ? and starts_at = ? and booked < capacity
                returning id""")
                .params(line.id(), date, time).query(Long.class).optional()
                .orElseThrow(() -> Rejected.conflict("time", "reception.appointment.full", date.toString(),
                        time.toString()));
        var sealed = personalData.seal(phone);
        Instant now = now();
        String code = code();
        long id;
        try {
            id = jdbc.sql("""
                    insert into rcp_appointment (code, slot_id, hall_id, line_id, service_date, starts_at, ends_at,
                        name, phone_sealed, phone_index, state, booked_at, item_code)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?) returning id""")
                    .params(code, slotId, line.hallId(), line.id(), date, time, end(line, offer, time), name,
                            sealed.ciphertext(), sealed.index(), TicketRows.utc(now), item)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw Rejected.conflict("phone", "reception.appointment.alreadyBooked", line.name(), date.toString());
        }
        var detail = detail(code, line.id(), date, time);
        detail.put("phone", Masking.phone(phone));
        if (item != null) {
            detail.put("item", item);
        }
        audit.record(Actor.citizen(Masking.phone(phone)), "reception.appointment.booked", "appointment", id, detail);
        Appointment booked = require(id);
        notifications.sms("reception.appointment-booked", phone, "reception.sms.appointmentBooked", code,
                offer.hallName(), line.name(), date.toString(), time.toString(), booked.endsAt().toString());
        return booked;
    }

    /** Cancels a booking before its day is over; code and phone must match (a mismatch looks like no booking). */
    Appointment cancel(@Nullable String code, @Nullable String phone) {
        String normalised = normalisedPhone(phone);
        Appointment appointment = locked(code, normalised);
        if (appointment.state() != Appointment.State.BOOKED) {
            throw Rejected.conflict("code", "reception.appointment.notBooked", appointment.code(),
                    appointment.state().name());
        }
        if (appointment.serviceDate().isBefore(LocalDate.now(clock))) {
            throw Rejected.conflict("code", "reception.appointment.over", appointment.code());
        }
        jdbc.sql("update rcp_appointment set state = 'CANCELLED', cancelled_at = ? where id = ?")
                .params(TicketRows.utc(now()), appointment.id()).update();
        jdbc.sql("""
                update rcp_appointment_slot set booked = booked - 1
                where id = (select slot_id from rcp_appointment where id = ?)""")
                .param(appointment.id()).update();
        audit.record(Actor.citizen(Masking.phone(normalised)), "reception.appointment.cancelled", "appointment",
                appointment.id(), detail(appointment.code(), appointment.lineId(), appointment.serviceDate(),
                        appointment.startsAt()));
        String hall = organisation.hall(appointment.hallId()).map(org.yimen.org.Hall::name).orElse("");
        notifications.sms("reception.appointment-cancelled", normalised, "reception.sms.appointmentCancelled",
                appointment.code(), hall, lines.require(appointment.lineId()).name(),
                appointment.serviceDate().toString(), appointment.startsAt().toString());
        return require(appointment.id());
    }

    /**
     * Checks a booking in at its hall on its day: a ticket of priority {@link Priority#APPOINTMENT} on its line.
     * Refused for another hall or day, or a booking that is not (or no longer) booked.
     */
    IssuedTicket checkIn(@Nullable String code, long hallId, Tickets.Channel channel, Actor actor) {
        String normalised = code == null ? "" : code.strip().toUpperCase();
        record Booked(Appointment appointment, byte[] phoneSealed) {
        }
        var booked = jdbc.sql("select * from rcp_appointment where code = ? for update")
                .param(normalised).query((rs, row) -> new Booked(appointment(rs), rs.getBytes("phone_sealed")))
                .optional()
                .filter(b -> b.appointment().hallId() == hallId)
                .orElseThrow(() -> Rejected.invalid("code", "reception.appointment.notFound"));
        Appointment appointment = booked.appointment();
        if (appointment.state() != Appointment.State.BOOKED) {
            throw Rejected.conflict("code", "reception.appointment.notBooked", appointment.code(),
                    appointment.state().name());
        }
        LocalDate today = LocalDate.now(clock);
        if (!appointment.serviceDate().equals(today)) {
            throw Rejected.conflict("code", "reception.appointment.otherDay", appointment.serviceDate().toString());
        }
        if (!LocalTime.now(clock).isBefore(appointment.endsAt())) {
            // The no-show job marks it soon; until then the same answer, whichever node is asked.
            throw Rejected.conflict("code", "reception.appointment.slotOver", appointment.code(),
                    appointment.endsAt().toString());
        }
        // The booking's mobile number gets the turn-near message like a kiosk ticket's; a landline cannot.
        String mobile = MobileNumbers.parse(personalData.open(booked.phoneSealed())).orElse(null);
        IssuedTicket issued = tickets.issueForAppointment(appointment.lineId(), appointment.itemCode(), mobile,
                channel, actor);
        jdbc.sql("update rcp_appointment set state = 'CHECKED_IN', checked_in_at = ?, ticket_id = ? where id = ?")
                .params(TicketRows.utc(now()), issued.ticket().id(), appointment.id()).update();
        var detail = detail(appointment.code(), appointment.lineId(), appointment.serviceDate(),
                appointment.startsAt());
        detail.put("ticket", issued.ticket().number());
        audit.record(actor, "reception.appointment.checkedIn", "appointment", appointment.id(), detail);
        return issued;
    }

    @Transactional(readOnly = true)
    Optional<Appointment> byCode(String code) {
        return jdbc.sql("select * from rcp_appointment where code = ?").param(code.strip().toUpperCase())
                .query((rs, row) -> appointment(rs)).optional();
    }

    /**
     * Until when a person is blocked: once the limit of no-shows (marked by {@link AppointmentNoShows}) falls within
     * the block period, booking is refused until the oldest of them leaves it.
     */
    Optional<LocalDate> blockedUntil(String phoneIndex, LocalDate today) {
        return jdbc.sql("""
                select service_date from rcp_appointment
                where phone_index = ? and state = 'NO_SHOW' and service_date > ?
                order by service_date desc offset ? limit 1""")
                .params(phoneIndex, today.minusDays(properties.blockDays()), properties.noShowLimit() - 1)
                .query(LocalDate.class).optional()
                .map(oldest -> oldest.plusDays(properties.blockDays()));
    }

    // Helpers

    private Offer requireOffer(long lineId) {
        return offerOf(lineId).orElseThrow(() -> Rejected.invalid("lineId", "reception.appointment.notOffered"));
    }

    private void checkDate(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today)) {
            throw Rejected.invalid("date", "reception.appointment.past", date.toString());
        }
        if (date.isAfter(lastDay(today))) {
            throw Rejected.invalid("date", "reception.appointment.beyondHorizon", date.toString(),
                    lastDay(today).toString());
        }
        if (!workingDays.isWorkingDay(date)) {
            throw Rejected.invalid("date", "reception.appointment.holiday", date.toString());
        }
    }

    private LocalDate lastDay(LocalDate today) {
        return today.plusDays(properties.horizonDays() - 1L);
    }

    private static List<LocalTime> starts(ServiceLine line, Offer offer) {
        var starts = new ArrayList<LocalTime>();
        LocalTime start = line.opensAt();
        while (!start.plusMinutes(offer.slotMinutes()).isAfter(line.closesAt())
                && start.plusMinutes(offer.slotMinutes()).isAfter(start)) {
            starts.add(start);
            start = start.plusMinutes(offer.slotMinutes());
        }
        return starts;
    }

    private static LocalTime end(ServiceLine line, Offer offer, LocalTime start) {
        LocalTime end = start.plusMinutes(offer.slotMinutes());
        return end.isAfter(line.closesAt()) ? line.closesAt() : end;
    }

    private Appointment locked(@Nullable String code, String phone) {
        String normalised = code == null ? "" : code.strip().toUpperCase();
        String index = personalData.index(phone);
        return jdbc.sql("select * from rcp_appointment where code = ? and phone_index = ? for update")
                .params(normalised, index).query((rs, row) -> appointment(rs)).optional()
                .orElseThrow(() -> Rejected.invalid("code", "reception.appointment.notFound"));
    }

    private Appointment require(long id) {
        return jdbc.sql("select * from rcp_appointment where id = ?").param(id).query((rs, row) -> appointment(rs))
                .single();
    }

    static String normalisedPhone(@Nullable String phone) {
        String value = phone == null ? "" : phone.replaceAll("[\\s]", "");
        if (!PHONE.matcher(value).matches()) {
            throw Rejected.invalid("phone", "reception.appointment.phone");
        }
        return value;
    }

    private static LinkedHashMap<String, Object> detail(String code, long lineId, LocalDate date, LocalTime time) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("code", code);
        detail.put("line", lineId);
        detail.put("date", date.toString());
        detail.put("time", time.toString());
        return detail;
    }

    private static String code() {
        var code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Offer offer(ResultSet rs) throws SQLException {
        java.sql.Array codes = rs.getArray(7);
        return new Offer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                codes == null ? List.of() : List.of((String[]) codes.getArray()));
    }

    private static Appointment appointment(ResultSet rs) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        Long ticketId = rs.wasNull() ? null : ticket;
        return new Appointment(rs.getLong("id"), rs.getString("code"), rs.getLong("hall_id"), rs.getLong("line_id"),
                rs.getObject("service_date", LocalDate.class), rs.getObject("starts_at", LocalTime.class),
                rs.getObject("ends_at", LocalTime.class), rs.getString("name"),
                Appointment.State.valueOf(rs.getString("state")), rs.getTimestamp("booked_at").toInstant(), ticketId,
                rs.getString("item_code"));
    }
}
