package org.yimen.calendar;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Whether yimen holds the State Council's schedule for a year, and where it came from: shipped with yimen or imported
 * by an administrator. An unpublished year is counted Monday–Friday and says so.
 */
public record YearPublication(int year, boolean published, String source, @Nullable OffsetDateTime importedAt,
        @Nullable String importedBy) {

    static YearPublication unpublished(int year) {
        return new YearPublication(year, false, "", null, null);
    }
}
