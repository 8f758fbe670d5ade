package org.yimen.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a tracer asks (倒查): everything that happened to a target, or everything an actor did in a period, or both.
 * Blank fields do not filter. Dates are the hall's calendar dates, both inclusive. Bound straight from the
 * request parameters of the same names by the tracing page and API.
 */
public record AuditQuery(@Nullable String targetType, @Nullable String targetId, @Nullable String actor,
        @Nullable String action, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {

    public AuditQuery {
        targetType = blankToNull(targetType);
        targetId = blankToNull(targetId);
        actor = blankToNull(actor);
        action = blankToNull(action);
    }

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    boolean isPeriodReversed() {
        return from != null && to != null && to.isBefore(from);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
