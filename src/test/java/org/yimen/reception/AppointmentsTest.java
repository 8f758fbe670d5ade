package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.audit.Actor;
import org.yimen.calendar.WorkingDays;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.Masking;
import org.yimen.shared.Rejected;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/** Appointments on the shared database: never oversold, refusals that name why, cancel, no-shows and check-in. */
@YimenIntegrationTest
class AppointmentsTest {

    private static final LocalTime NINE_THIRTY = LocalTime.of(9, 30);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Appointments appointments;
    @Autowired
    ServiceLines lines;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    PersonalData personalData;
    @Autowired
    Devices devices;
    @Autowired
    AppointmentNoShows noShows;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    private ZonedDateTime morning;
    private ReceptionFixture hall;

    @BeforeEach
    void setUp() {
        morning = ReceptionFixture.workingMorning(workingDays);
        clock.set(morning);
        hall = ReceptionFixture.hall(jdbc, lines, 1);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long line(String prefix, int capacity) {
        long line = hall.line("预约业务 " + prefix, prefix);
        hall.serve(1, line);
        appointments.offer(line, capacity, 60);
        return line;
    }

    private LocalDate workingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!workingDays.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private LocalDate holidayAfter(LocalDate day) {
        LocalDate holiday = day.plusDays(1);
        while (workingDays.isWorkingDay(holiday)) {
            holiday = holiday.plusDays(1);
        }
        return holiday;
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private Appointment book(long line, LocalDate date, LocalTime time, String phone) {
        return appointments.book(new Appointments.Booking(line, date, time, "张三", phone));
    }

    @Test
    void concurrentBookersNeverOversellASlot() throws Exception {
        long line = line("YA", 5);
        LocalDate day = workingDayAfter(morning.toLocalDate());
        List<Callable<Boolean>> bookers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bookers.add(() -> {
                try {
                    book(line, day, NINE_THIRTY, phone());
                    return true;
                } catch (Rejected rejected) {
                    assertThat(rejected.code()).isEqualTo("reception.appointment.full");
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        int booked = 0;
        try {
            for (Future<Boolean> result : pool.invokeAll(bookers)) {
                booked += result.get() ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        assertThat(booked).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from rcp_appointment where line_id = ? and state = 'BOOKED'")
                .param(line).query(Integer.class).single()).isEqualTo(5);
        assertThat(appointments.slots(line, day)).filteredOn(s -> s.startsAt().equals(NINE_THIRTY))
                .singleElement().extracting(Appointments.Slot::remaining).isEqualTo(0);
    }

    @Test
    void refusalsNameWhy() {
        long line = line("YB", 1);
        LocalDate today = morning.toLocalDate();
        LocalDate holiday = holidayAfter(today);
        LocalDate day = workingDayAfter(today);
        assertRefused(() -> book(line, holiday, NINE_THIRTY, phone()), "reception.appointment.holiday", "date");
        assertRefused(() -> book(line, today.minusDays(1), NINE_THIRTY, phone()), "reception.appointment.past",
                "date");
        assertRefused(() -> book(line, today.plusDays(14), NINE_THIRTY, phone()),
                "reception.appointment.beyondHorizon", "date");
        assertRefused(() -> book(line, today, NINE_THIRTY, phone()), "reception.appointment.slotBegun", "time");
        assertRefused(() -> book(line, day, LocalTime.of(9, 0), phone()), "reception.appointment.unknownSlot",
                "time");
        assertRefused(() -> book(line, day, NINE_THIRTY, "12345"), "reception.appointment.phone", "phone");
        String phone = phone();
        book(line, day, NINE_THIRTY, phone);
        assertRefused(() -> book(line, day, NINE_THIRTY, phone()), "reception.appointment.full", "time");
        assertRefused(() -> book(line, day, LocalTime.of(10, 30), phone), "reception.appointment.alreadyBooked",
                "phone");
        long closed = hall.line("不预约", "YN");
        assertRefused(() -> book(closed, day, NINE_THIRTY, phone()), "reception.appointment.notOffered", "lineId");
        assertThat(appointments.dates()).doesNotContain(holiday, today.minusDays(1), today.plusDays(14))
                .contains(day);
    }

    private static void assertRefused(Runnable action, String code, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(code);
            assertThat(rejected.field()).isEqualTo(field);
        });
    }

    @Test
    void cancellingWithCodeAndPhoneFreesThePlace() {
        long line = line("YC", 1);
        LocalDate day = workingDayAfter(morning.toLocalDate());
        String phone = phone();
        long mark = AuditRecords.head(jdbc);
        Appointment first = book(line, day, NINE_THIRTY, phone);
        AuditRecords.assertRecorded(jdbc, mark, "reception.appointment.booked", "appointment", first.id());
        assertRefused(() -> appointments.cancel(first.code(), phone()), "reception.appointment.notFound", "code");
        Appointment cancelled = appointments.cancel(first.code().toLowerCase(), phone);
        assertThat(cancelled.state()).isEqualTo(Appointment.State.CANCELLED);
        AuditRecords.assertRecorded(jdbc, mark, "reception.appointment.cancelled", "appointment", first.id());
        assertRefused(() -> appointments.cancel(first.code(), phone), "reception.appointment.notBooked", "code");
        assertThat(book(line, day, NINE_THIRTY, phone()).state()).isEqualTo(Appointment.State.BOOKED);
    }

    @Test
    void thePhoneIsStoredSealedAndFoundByItsIndex() {
        long line = line("YD", 2);
        String phone = phone();
        Appointment booked = book(line, workingDayAfter(morning.toLocalDate()), NINE_THIRTY, phone);
        var row = jdbc.sql("select phone_sealed, phone_index from rcp_appointment where id = ?").param(booked.id())
                .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getString(2)}).single();
        assertThat(new String((byte[]) row[0], StandardCharsets.ISO_8859_1)).doesNotContain(phone);
        assertThat(personalData.open((byte[]) row[0])).isEqualTo(phone);
        assertThat(row[1]).isEqualTo(personalData.index(phone));
        assertThat(booked.code()).matches("[2-9A-HJ-NP-Z]{8}");
    }

    @Test
    void repeatedNoShowsBlockBooking() {
        long line = line("YE", 3);
        String phone = phone();
        LocalDate first = workingDayAfter(morning.toLocalDate());
        LocalDate second = workingDayAfter(first);
        LocalDate third = workingDayAfter(second);
        for (LocalDate day : List.of(first, second, third)) {
            book(line, day, NINE_THIRTY, phone);
        }
        LocalDate after = workingDayAfter(third);
        clock.set(after.atTime(10, 0).atZone(morning.getZone()));
        assertThat(noShows.mark().ran()).isTrue();
        assertThat(jdbc.sql("select count(*) from rcp_appointment where phone_index = ? and state = 'NO_SHOW'")
                .param(personalData.index(phone)).query(Integer.class).single()).isEqualTo(3);
        assertThatThrownBy(() -> book(line, workingDayAfter(after), NINE_THIRTY, phone))
                .isInstanceOfSatisfying(Rejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("reception.appointment.blocked");
                    assertThat(rejected.arguments()).containsExactly(3, first.plusDays(30).toString());
                });
        assertThat(book(line, workingDayAfter(after), NINE_THIRTY, phone()).state())
                .isEqualTo(Appointment.State.BOOKED);
    }

    @Test
    void checkingInGivesAnAppointmentTicket() {
        long line = line("YF", 2);
        LocalTime later = LocalTime.of(10, 30);
        String bookedPhone = phone();
        Appointment booked = book(line, morning.toLocalDate(), later, bookedPhone);
        long mark = AuditRecords.head(jdbc);
        assertRefused(() -> appointments.checkIn(booked.code(), hall.hallId + 100_000, Tickets.Channel.KIOSK,
                Actor.system("kiosk-test")), "reception.appointment.notFound", "code");
        IssuedTicket issued = appointments.checkIn(booked.code(), hall.hallId, Tickets.Channel.KIOSK,
                Actor.system("kiosk-test"));
        assertThat(issued.ticket().priority()).isEqualTo(Priority.APPOINTMENT);
        assertThat(issued.ticket().lineId()).isEqualTo(line);
        assertThat(appointments.byCode(booked.code()).orElseThrow())
                .satisfies(a -> assertThat(a.state()).isEqualTo(Appointment.State.CHECKED_IN))
                .satisfies(a -> assertThat(a.ticketId()).isEqualTo(issued.ticket().id()));
        AuditRecords.assertRecorded(jdbc, mark, "reception.appointment.checkedIn", "appointment", booked.id());
        assertThat(reminderPhone(issued)).as("the booking's mobile gets the turn-near message")
                .contains(Masking.phone(bookedPhone));
        assertRefused(() -> appointments.checkIn(booked.code(), hall.hallId, Tickets.Channel.KIOSK,
                Actor.system("kiosk-test")), "reception.appointment.notBooked", "code");

        Appointment byLandline = book(line, morning.toLocalDate(), later, "0851-86801234");
        IssuedTicket landline = appointments.checkIn(byLandline.code(), hall.hallId, Tickets.Channel.KIOSK,
                Actor.system("kiosk-test"));
        assertThat(reminderPhone(landline)).as("a landline cannot receive it").isEmpty();
    }

    private java.util.Optional<String> reminderPhone(IssuedTicket issued) {
        return jdbc.sql("select phone_masked from rcp_ticket_sms where ticket_id = ?").param(issued.ticket().id())
                .query(String.class).optional();
    }

    @Test
    void citizensBookAndCancelOnThePage() throws Exception {
        long line = line("YH", 1);
        LocalDate day = workingDayAfter(morning.toLocalDate());
        mvc.perform(get("/appointments")).andExpect(status().isOk())
                .andExpect(content().string(containsString("预约业务 YH")));
        mvc.perform(get("/appointments").param("lineId", String.valueOf(line)).param("date", day.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("09:30–10:30（剩余 1 个）")));
        String phone = phone();
        String page = mvc.perform(post("/appointments").with(csrf()).param("lineId", String.valueOf(line))
                        .param("date", day.toString()).param("time", "09:30").param("name", "赵六")
                        .param("phone", phone))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("booking-code")))
                .andReturn().getResponse().getContentAsString();
        String code = jdbc.sql("select code from rcp_appointment where line_id = ?").param(line)
                .query(String.class).single();
        assertThat(page).contains(code).doesNotContain(phone);
        mvc.perform(post("/appointments").with(csrf()).param("lineId", String.valueOf(line))
                        .param("date", day.toString()).param("time", "09:30").param("name", "钱七")
                        .param("phone", phone()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已约满")));
        LocalDate holiday = holidayAfter(day);
        mvc.perform(post("/appointments").with(csrf()).param("lineId", String.valueOf(line))
                        .param("date", holiday.toString()).param("time", "09:30").param("name", "钱七")
                        .param("phone", phone()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(holiday + " 是节假日或休息日")));
        mvc.perform(post("/appointments").param("lineId", String.valueOf(line)).param("date", day.toString())
                        .param("time", "09:30").param("name", "钱七").param("phone", phone()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/appointments/cancel").with(csrf()).param("code", code).param("phone", phone))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已取消")));
        mvc.perform(get("/appointments/cancel")).andExpect(status().isOk());
    }

    @Test
    void appointmentHoldersCheckInAtTheKiosk() throws Exception {
        long line = line("YK", 2);
        var kiosk = devices.register(DeviceKind.KIOSK, hall.hallId, null, "预约签到测试取号机");
        Appointment first = book(line, morning.toLocalDate(), LocalTime.of(10, 30), phone());
        Appointment second = book(line, morning.toLocalDate(), LocalTime.of(11, 30), phone());
        mvc.perform(get("/devices/kiosk").header(DeviceTokenFilter.HEADER, kiosk.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("check-in-form")));
        mvc.perform(post("/devices/kiosk/check-in").header(DeviceTokenFilter.HEADER, kiosk.token())
                        .param("code", first.code().toLowerCase()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/devices/kiosk/check-in").header(DeviceTokenFilter.HEADER, kiosk.token())
                        .param("code", first.code()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已不能办理")));
        mvc.perform(post("/api/devices/kiosk/check-in").header(DeviceTokenFilter.HEADER, kiosk.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"%s\"}".formatted(second.code())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value("YK002"));
        assertThat(jdbc.sql("select count(*) from rcp_ticket where line_id = ? and priority = 'APPOINTMENT'")
                .param(line).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void hallManagersSetThePlacesPerSlot() throws Exception {
        long line = hall.line("经理设置预约", "YM");
        long mark = AuditRecords.head(jdbc);
        mvc.perform(put("/api/admin/reception/lines/{id}/appointments", line).with(csrf())
                        .with(user("manager").roles("HALL_MANAGER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacity\": 3, \"slotMinutes\": 30}"))
                .andExpect(status().isNoContent());
        AuditRecords.assertRecorded(jdbc, mark, "reception.appointment.offered", "reception-line", line);
        assertThat(appointments.offerOf(line)).hasValueSatisfying(offer -> {
            assertThat(offer.capacity()).isEqualTo(3);
            assertThat(offer.slotMinutes()).isEqualTo(30);
        });
        mvc.perform(put("/api/admin/reception/lines/{id}/appointments", line).with(csrf())
                        .with(user("manager").roles("HALL_MANAGER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacity\": 3, \"slotMinutes\": 5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reception.appointment.slotRange"));
        mvc.perform(put("/api/admin/reception/lines/{id}/appointments", line).with(csrf())
                        .with(user("clerk").roles("CLERK")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacity\": 9}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void bookingsAreLimitedPerPhone() throws Exception {
        String phone = phone();
        String body = """
                {"lineId": 0, "date": "%s", "time": "09:30", "name": "王五", "phone": "%s"}"""
                .formatted(morning.toLocalDate(), phone);
        for (int attempt = 0; attempt < 5; attempt++) {
            mvc.perform(post("/api/appointments").with(from("10.8.0." + attempt))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("reception.appointment.notOffered"));
        }
        mvc.perform(post("/api/appointments").with(from("10.8.0.9")).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isTooManyRequests());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void anyoneBooksAndCancelsOverTheApi() throws Exception {
        long line = line("YG", 2);
        LocalDate day = workingDayAfter(morning.toLocalDate());
        mvc.perform(get("/api/appointments/lines/{line}/slots", line).param("date", day.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].remaining").value(2));
        String phone = phone();
        String answer = mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"lineId": %d, "date": "%s", "time": "09:30", "name": "李四", "phone": "%s"}"""
                                .formatted(line, day, phone)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("BOOKED"))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain(phone);
        String code = com.jayway.jsonpath.JsonPath.read(answer, "$.code");
        LocalDate holiday = holidayAfter(day);
        mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"lineId": %d, "date": "%s", "time": "09:30", "name": "李四", "phone": "%s"}"""
                                .formatted(line, holiday, phone())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reception.appointment.holiday"))
                .andExpect(jsonPath("$.detail").value(containsString(holiday.toString())));
        mvc.perform(post("/api/appointments/{code}/cancel", code).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": \"%s\"}".formatted(phone)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"));
        mvc.perform(post("/api/appointments/{code}/check-in", code).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hallId\": %d}".formatted(hall.hallId)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/appointments/lines")).andExpect(status().isOk())
                .andExpect(content().string(containsString("预约业务 YG")));
    }

    // Short messages, booking by item, no-shows marked by the job

    private int messages(String category, String phone) {
        return jdbc.sql("select count(*) from ntf_outbox where category = ? and recipient_index = ?")
                .params(category, personalData.index(phone)).query(Integer.class).single();
    }

    private String text(String category, String phone) {
        return personalData.open(jdbc.sql("""
                select body_sealed from ntf_outbox where category = ? and recipient_index = ?
                order by id desc limit 1""")
                .params(category, personalData.index(phone)).query(byte[].class).single());
    }

    @Test
    void bookingAndCancellingEachSendTheBookingCodeBySms() {
        long line = line("YS", 2);
        LocalDate day = workingDayAfter(morning.toLocalDate());
        String phone = phone();
        Appointment booked = book(line, day, NINE_THIRTY, phone);
        assertThat(messages("reception.appointment-booked", phone)).isEqualTo(1);
        assertThat(text("reception.appointment-booked", phone)).contains(booked.code()).contains("预约业务 YS")
                .contains(day + " 09:30–10:30");
        appointments.cancel(booked.code(), phone);
        assertThat(messages("reception.appointment-cancelled", phone)).isEqualTo(1);
        assertThat(text("reception.appointment-cancelled", phone)).contains(booked.code()).contains("已取消");

        assertRefused(() -> book(line, day, NINE_THIRTY, "12345"), "reception.appointment.phone", "phone");
        assertThat(messages("reception.appointment-booked", "12345")).as("a refused booking sends nothing")
                .isZero();
    }

    @Test
    void aBookingNotCheckedInByTheEndOfItsSlotIsMarkedNoShowOnceByOneNode() throws Exception {
        long line = line("YN", 2);
        Appointment missed = book(line, morning.toLocalDate(), LocalTime.of(10, 30), phone());
        Appointment later = book(line, morning.toLocalDate(), LocalTime.of(11, 30), phone());

        clock.set(morning.withHour(11).withMinute(29));
        noShows.mark();
        assertThat(appointments.byCode(missed.code()).orElseThrow().state()).as("its slot is not over yet")
                .isEqualTo(Appointment.State.BOOKED);

        clock.set(morning.withHour(11).withMinute(31));
        var holding = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        try (var otherNode = Executors.newSingleThreadExecutor()) {
            var sweep = otherNode.submit(() -> transaction.execute(status -> {
                jdbc.sql("select pg_advisory_xact_lock(?)").param(AppointmentNoShows.LOCK_KEY)
                        .query((rs, n) -> 1).single();
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holding.await();
            assertThat(noShows.mark()).as("another node is marking").isEqualTo(new AppointmentNoShows.Outcome(false, 0));
            release.countDown();
            sweep.get();
        }
        assertThat(noShows.mark().ran()).isTrue();
        noShows.mark();
        assertThat(appointments.byCode(missed.code()).orElseThrow().state()).isEqualTo(Appointment.State.NO_SHOW);
        assertThat(appointments.byCode(later.code()).orElseThrow().state()).isEqualTo(Appointment.State.BOOKED);
        assertThat(jdbc.sql("""
                select count(*) from audit_record
                where action = 'reception.appointment.noShow' and target_type = 'appointment' and target_id = ?""")
                .param(String.valueOf(missed.id())).query(Integer.class).single())
                .as("marked and recorded once, whichever run marked it").isEqualTo(1);
        assertRefused(() -> appointments.checkIn(missed.code(), hall.hallId, Tickets.Channel.KIOSK,
                Actor.system("kiosk-test")), "reception.appointment.notBooked", "code");

        clock.set(morning.withHour(12).withMinute(30));
        assertRefused(() -> appointments.checkIn(later.code(), hall.hallId, Tickets.Channel.KIOSK,
                Actor.system("kiosk-test")), "reception.appointment.slotOver", "code");
        noShows.mark();
        assertThat(appointments.byCode(later.code()).orElseThrow().state()).isEqualTo(Appointment.State.NO_SHOW);
    }

    @Test
    void citizensBookByTheItemTheyComeForAndTheItemFollowsToTheTicket() throws Exception {
        String item = "HBT-BA-003";
        long line = hall.line("环保备案", "YI", List.of(item));
        hall.serve(1, line);
        appointments.offer(line, 2, 60);
        LocalDate day = workingDayAfter(morning.toLocalDate());

        mvc.perform(get("/appointments")).andExpect(status().isOk())
                .andExpect(content().string(containsString("建设项目环境影响登记表备案")));
        mvc.perform(get("/appointments").param("itemCode", item))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"lineId\" value=\"" + line + "\"")))
                .andExpect(content().string(containsString("id=\"date\"")));
        String phone = phone();
        mvc.perform(post("/appointments").with(csrf()).param("lineId", String.valueOf(line))
                        .param("date", day.toString()).param("time", "09:30").param("name", "孙八")
                        .param("phone", phone).param("itemCode", item))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("booking-code")))
                .andExpect(content().string(containsString("办理事项：建设项目环境影响登记表备案")));
        assertThat(jdbc.sql("select item_code from rcp_appointment where line_id = ?").param(line)
                .query(String.class).single()).isEqualTo(item);
        mvc.perform(get("/appointments").param("itemCode", "NO-SUCH-ITEM"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有可以预约“NO-SUCH-ITEM”的业务")));

        String items = mvc.perform(get("/api/appointments/items")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Object> lineIds = com.jayway.jsonpath.JsonPath.read(items, "$[?(@.code == '%s')].lineIds[*]"
                .formatted(item));
        assertThat(lineIds).containsExactly((int) line);
        mvc.perform(post("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"lineId": %d, "date": "%s", "time": "09:30", "name": "李四", "phone": "%s",
                                 "itemCode": "GAT-CRJ-001"}""".formatted(line, day, phone())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reception.appointment.itemNotOnLine"));

        Appointment today = appointments.book(new Appointments.Booking(line, morning.toLocalDate(),
                LocalTime.of(10, 30), "周九", phone(), item));
        IssuedTicket ticket = appointments.checkIn(today.code(), hall.hallId, Tickets.Channel.KIOSK,
                Actor.system("kiosk-test"));
        assertThat(ticket.ticket().itemCode()).as("the item goes on to the check-in ticket").isEqualTo(item);
    }
}
