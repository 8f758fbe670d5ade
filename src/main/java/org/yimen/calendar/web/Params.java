package org.yimen.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.yimen.calendar.WorkingDays;
import org.yimen.shared.Rejected;

/**
 * Reads query and path values ourselves rather than through Spring's conversion, so a mistyped date or number gets
 * the same localized problem detail as every other refusal instead of a converter's English message.
 */
final class Params {

    private Params() {
    }

    static LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw Rejected.invalid(field, "calendar.date.required");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Rejected.invalid(field, "calendar.date.malformed", value);
        }
    }

    static int days(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw Rejected.invalid("days", "calendar.days.required");
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 0 && days <= WorkingDays.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // same answer as a number out of range
        }
        throw Rejected.invalid("days", "calendar.days.outOfRange", "0", String.valueOf(WorkingDays.MAX_DAYS));
    }

    static int year(String value) {
        try {
            int year = Integer.parseInt(value);
            if (year >= WorkingDays.FIRST_YEAR && year <= WorkingDays.LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // same answer as a year out of range
        }
        throw Rejected.notFound("calendar.year.notFound", value, String.valueOf(WorkingDays.FIRST_YEAR),
                String.valueOf(WorkingDays.LAST_YEAR));
    }
}
