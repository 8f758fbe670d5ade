package org.yimen.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.calendar.CalendarDay;
import org.yimen.calendar.DayKind;
import org.yimen.calendar.WorkingDays;

/** The public calendar: anyone (citizens' apps, other systems) may ask for due dates and holidays without signing in. */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Working-day calendar", description = "工作日历: due dates in working days, public holidays and make-up"
        + " working days (调休). Public, no sign-in.")
class CalendarApi {

    /** A due date and whether it rests on published schedules only. */
    record DueDate(LocalDate from, int days, LocalDate due, boolean published, List<Integer> unpublishedYears) {
    }

    /** A listed date of a year's schedule. */
    record SpecialDay(LocalDate date, String name, boolean offDay) {
    }

    /** A year's schedule: its listed dates, and whether it is the published one. */
    record Year(int year, boolean published, String source, List<SpecialDay> days) {
    }

    /** Whether a date is a working day, and why. */
    record Check(LocalDate date, boolean workingDay, DayKind kind, @Nullable String name, String reason,
            boolean published) {
    }

    private final WorkingDays workingDays;
    private final DayDescriptions descriptions;
    private final Clock clock;

    CalendarApi(WorkingDays workingDays, DayDescriptions descriptions, Clock clock) {
        this.workingDays = workingDays;
        this.descriptions = descriptions;
        this.clock = clock;
    }

    @GetMapping("/working-days")
    @Operation(summary = "Due date after a number of working days",
            description = "The N-th working day after `from` (which itself does not count; 0 days returns `from`)."
                    + " `published` is false when a year on the way has no published schedule and was counted"
                    + " Monday–Friday.")
    DueDate dueDate(
            @Parameter(description = "Start date (ISO 8601); today in the hall's time zone if omitted",
                    schema = @Schema(type = "string", format = "date", example = "2026-09-30"))
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "Working days to add, 0 to " + WorkingDays.MAX_DAYS, required = true,
                    schema = @Schema(type = "integer", minimum = "0", maximum = "3650", example = "12"))
            @RequestParam(required = false) @Nullable String days) {
        LocalDate start = from == null ? LocalDate.now(clock) : Params.date("from", from);
        int count = Params.days(days);
        var result = workingDays.dueDate(start, count);
        return new DueDate(start, count, result.due(), result.published(), result.unpublishedYears());
    }

    @GetMapping("/check")
    @Operation(summary = "Is a date a working day, and why",
            description = "kind is WORKDAY, WEEKEND, HOLIDAY or MAKEUP_WORKDAY; reason says it in the caller's"
                    + " language (Chinese by default, English with ?lang=en).")
    Check check(@Parameter(description = "Date (ISO 8601); today if omitted",
                    schema = @Schema(type = "string", format = "date", example = "2026-10-10"))
            @RequestParam(required = false) @Nullable String date, Locale locale) {
        LocalDate day = date == null ? LocalDate.now(clock) : Params.date("date", date);
        CalendarDay calendarDay = workingDays.day(day);
        return new Check(day, calendarDay.working(), calendarDay.kind(), calendarDay.name(),
                descriptions.reason(calendarDay, locale), workingDays.isPublished(day.getYear()));
    }

    @GetMapping("/{year:\\d{4}}")
    @Operation(summary = "A year's holidays and make-up working days",
            description = "Dates not listed follow Monday–Friday. An unpublished year lists only what an"
                    + " administrator entered by hand, usually nothing.")
    Year year(@Parameter(description = "Year", schema = @Schema(type = "integer", example = "2026"))
            @PathVariable String year) {
        int number = Params.year(year);
        var publication = workingDays.publication(number);
        return new Year(number, publication.published(), publication.source(),
                workingDays.specialDays(number).stream()
                        .map(day -> new SpecialDay(day.date(), day.name() == null ? "" : day.name(),
                                !day.working()))
                        .toList());
    }
}
