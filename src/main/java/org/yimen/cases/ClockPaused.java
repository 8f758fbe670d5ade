package org.yimen.cases;

import java.time.LocalDate;

/** A special procedure stopped a case's clock (Art. 45) from {@code from}, expected to end on {@code expectedEnd}. */
public record ClockPaused(String caseNumber, long departmentId, Pause.Procedure procedure, LocalDate from,
        LocalDate expectedEnd) {
}
