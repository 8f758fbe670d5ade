package org.yimen.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.calendar.CalendarAdministration;
import org.yimen.calendar.DayKind;
import org.yimen.calendar.DayStatus;
import org.yimen.calendar.ScheduleRejected;
import org.yimen.calendar.YearPublication;

/** Keeping the calendar right over the API: import a year's schedule, correct a single date. */
@RestController
@RequestMapping("/api/admin/calendar")
@PreAuthorize("hasAnyRole('ADMIN','HALL_MANAGER')")
@Tag(name = "Working-day calendar administration", description = "Import a year's official schedule or correct a"
        + " single date. Roles ADMIN or HALL_MANAGER.")
class CalendarAdminApi {

    /** What a date should become; a name is needed for a holiday or a make-up working day. */
    record DayChange(@NotNull(message = "{calendar.day.statusRequired}") @Nullable DayStatus status,
            @Nullable String name) {
    }

    /** A date after the change. */
    record Day(LocalDate date, DayKind kind, @Nullable String name, boolean workingDay) {
    }

    private final CalendarAdministration administration;
    private final MessageSource messages;

    CalendarAdminApi(CalendarAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @PutMapping("/days/{date}")
    @Operation(summary = "Set what a date is",
            description = "HOLIDAY (a named day off), MAKEUP_WORKDAY (a named make-up working day) or NORMAL"
                    + " (Monday–Friday decides). Does not change whether the year is published.")
    Day setDay(@Parameter(schema = @Schema(type = "string", format = "date", example = "2026-10-09"))
            @PathVariable String date, @Valid @RequestBody DayChange change, Authentication user) {
        var day = administration.setDay(Params.date("date", date), java.util.Objects.requireNonNull(change.status()),
                change.name(), user.getName());
        return new Day(day.date(), day.kind(), day.name(), day.working());
    }

    @PostMapping(path = "/{year:\\d{4}}/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a year's official schedule",
            description = "The body is the holiday-cn JSON the State Council's schedule is published in"
                    + " ({\"year\", \"papers\", \"days\": [{\"name\", \"date\", \"isOffDay\"}]}). Replaces the"
                    + " year's listed dates and marks it published. All or nothing: any problem (malformed JSON,"
                    + " a missing field, a duplicate date, a date outside the year, a year other than the one in"
                    + " the path) answers 400 listing every problem in `errors`, and changes nothing.")
    YearPublication importYear(@Parameter(schema = @Schema(type = "integer", example = "2027"))
            @PathVariable String year, @RequestBody(required = false) @Nullable String body, Authentication user) {
        return administration.importSchedule(Params.year(year), body, user.getName());
    }

    /** Every problem of a refused import, each in the caller's language, not just the first. */
    @ExceptionHandler(ScheduleRejected.class)
    ResponseEntity<ProblemDetail> importRejected(ScheduleRejected rejected, HttpServletRequest request,
            Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(rejected, locale));
        problem.setTitle(messages.getMessage("error.title.400", null, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", rejected.code());
        problem.setProperty("errors", rejected.problems().stream()
                .map(p -> new ImportProblem(p.code(), messages.getMessage(p.code(), p.arguments().toArray(),
                        locale)))
                .toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** One problem in a refused import. */
    record ImportProblem(String code, String message) {
    }
}
