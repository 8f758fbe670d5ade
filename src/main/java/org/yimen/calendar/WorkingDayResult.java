package org.yimen.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A due date and how far to trust it: {@code published} is false when some year between the start and the due date
 * has no published schedule, so Monday–Friday stood in for it and the date may move once the schedule comes out.
 */
public record WorkingDayResult(LocalDate due, boolean published, List<Integer> unpublishedYears) {

    public WorkingDayResult {
        Objects.requireNonNull(due, "due");
        unpublishedYears = List.copyOf(unpublishedYears);
        if (published != unpublishedYears.isEmpty()) {
            throw new IllegalArgumentException("published must mean: no unpublished years");
        }
    }
}
