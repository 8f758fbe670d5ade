package org.yimen.calendar;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the working-day calendar.
 *
 * @param refreshCheck how often a node asks the database whether another node changed the calendar; the longest a
 *     node can answer from a stale calendar after someone else's edit ({@code yimen.calendar.refresh-check})
 */
@ConfigurationProperties("yimen.calendar")
record CalendarProperties(@DefaultValue("5s") Duration refreshCheck) {
}
