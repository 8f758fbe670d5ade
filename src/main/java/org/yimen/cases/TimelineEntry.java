package org.yimen.cases;

import java.time.Instant;

/**
 * One line of a case's history (办理过程) as the case page and the citizen's timeline show it: {@code kind} names a
 * message {@code cases.timeline.<kind>} that takes {@code detail} as its argument.
 */
public record TimelineEntry(int seq, Instant at, String kind, String actorName, String detail) {
}
