package org.yimen.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The calendar as shipped (2024–2026 published, every other year Monday–Friday), without a database. */
final class ShippedCalendar {

    static final List<Integer> YEARS = List.of(2024, 2025, 2026);

    private ShippedCalendar() {
    }

    static Schedule schedule(int year) {
        return Schedule.parse(resource("calendar/holidays/" + year + ".json"), year);
    }

    static CalendarSnapshot snapshot() {
        Map<Integer, YearCalendar> years = new HashMap<>();
        Map<Integer, YearPublication> publications = new HashMap<>();
        for (int year : YEARS) {
            Schedule schedule = schedule(year);
            years.put(year, YearCalendar.of(year, schedule.days()));
            publications.put(year, new YearPublication(year, true, schedule.source(""), null, null));
        }
        return new CalendarSnapshot(years, publications);
    }

    static WorkingDays workingDays() {
        CalendarSnapshot snapshot = snapshot();
        return new WorkingDays(() -> snapshot);
    }

    static String resource(String path) {
        try (InputStream in = ShippedCalendar.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The obvious, slow calendar the fast one must agree with: look every date up, walk day by day. Written from the
     * rules, not from the fast code.
     */
    static final class Naive {

        private final Map<LocalDate, Boolean> offDays = new HashMap<>();

        Naive() {
            for (int year : YEARS) {
                schedule(year).days().forEach(day -> offDays.put(day.date(), day.offDay()));
            }
        }

        boolean isWorkingDay(LocalDate date) {
            Boolean off = offDays.get(date);
            if (off != null) {
                return !off;
            }
            return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        LocalDate add(LocalDate start, int days) {
            LocalDate date = start;
            int counted = 0;
            while (counted < days) {
                date = date.plusDays(1);
                if (isWorkingDay(date)) {
                    counted++;
                }
            }
            return date;
        }

        int count(LocalDate from, LocalDate to) {
            int sign = 1;
            if (to.isBefore(from)) {
                LocalDate swap = from;
                from = to;
                to = swap;
                sign = -1;
            }
            int count = 0;
            for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
                if (isWorkingDay(date)) {
                    count++;
                }
            }
            return sign * count;
        }

        boolean published(int year) {
            return YEARS.contains(year);
        }
    }
}
