package org.yimen.cases;

import java.time.LocalDate;

/**
 * 容缺受理: the applicant's signed pledge to hand in the deferred materials by {@code due}; a case whose deferred
 * materials are still missing after that day is terminated.
 */
public record Pledge(String text, LocalDate due) {
}
