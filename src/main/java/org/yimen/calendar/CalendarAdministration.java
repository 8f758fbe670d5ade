package org.yimen.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.audit.AuditTrail;
import org.yimen.shared.Rejected;

/**
 * How hall managers keep the calendar right: import the State Council's schedule for a year once it is announced
 * (usually each November), and correct a single date when a local arrangement differs. Meant for the calendar's own
 * screens and API; other modules only read, through {@link WorkingDays}.
 */
@Service
public class CalendarAdministration {

    private final CalendarStore store;
    private final CalendarCache cache;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    CalendarAdministration(CalendarStore store, CalendarCache cache, Clock clock, AuditTrail audit,
            TransactionTemplate transactions) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Sets what a date is. A holiday or make-up working day needs a name (what people call it: "国庆节"); back to
     * {@link DayStatus#NORMAL} lets Monday–Friday decide again. The year's published state does not change.
     */
    public CalendarDay setDay(LocalDate date, DayStatus status, @Nullable String name, String user) {
        WorkingDays.checkDate(date);
        String trimmed = name == null ? "" : name.strip();
        @Nullable SpecialDay day = switch (status) {
            case NORMAL -> null;
            case HOLIDAY, MAKEUP_WORKDAY -> {
                if (trimmed.isEmpty()) {
                    throw Rejected.invalid("name", "calendar.day.nameRequired");
                }
                if (trimmed.length() > SpecialDay.MAX_NAME_LENGTH) {
                    throw Rejected.invalid("name", "calendar.day.nameTooLong",
                            String.valueOf(SpecialDay.MAX_NAME_LENGTH));
                }
                yield new SpecialDay(date, trimmed, status == DayStatus.HOLIDAY);
            }
        };
        try {
            transactions.executeWithoutResult(tx -> {
                store.setDay(date, day, user, OffsetDateTime.now(clock));
                audit.record("calendar.day.set", "calendar-day", date, Map.of("status", status.name(),
                        "name", trimmed));
            });
        } finally {
            cache.invalidate();
        }
        return cache.current().day(date);
    }

    /**
     * Imports a year's schedule in the official JSON format, replacing whatever the year held, and marks the year
     * published. All or nothing: a file with any problem changes nothing.
     *
     * @param year the year the administrator chose; the file must say the same
     * @throws ScheduleRejected with every problem found in the file
     */
    public YearPublication importSchedule(int year, @Nullable String json, String user) {
        WorkingDays.checkYear(year);
        Schedule schedule = Schedule.parse(json, year);
        try {
            transactions.executeWithoutResult(tx -> {
                store.replace(schedule, user, OffsetDateTime.now(clock));
                audit.record("calendar.year.imported", "calendar-year", year,
                        Map.of("specialDays", schedule.days().size()));
            });
        } finally {
            cache.invalidate();
        }
        return cache.current().publication(year);
    }
}
