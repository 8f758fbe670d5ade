package org.yimen.reception;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appointment settings ({@code yimen.appointments}).
 *
 * @param horizonDays how many calendar days ahead (today included) citizens may book
 * @param noShowLimit this many no-shows within {@code blockDays} block booking
 * @param blockDays how long a no-show counts, in days; the block ends when fewer than the limit remain
 * @param bookingsPerAddress bookings one client address may make per {@code rateWindow}
 * @param bookingsPerPhone bookings one phone may make per {@code rateWindow}
 * @param rateWindow the window of the two booking limits
 */
@ConfigurationProperties("yimen.appointments")
record AppointmentProperties(
        @DefaultValue("14") int horizonDays,
        @DefaultValue("3") int noShowLimit,
        @DefaultValue("30") int blockDays,
        @DefaultValue("20") int bookingsPerAddress,
        @DefaultValue("5") int bookingsPerPhone,
        @DefaultValue("PT1H") Duration rateWindow) {

    AppointmentProperties {
        if (horizonDays < 1 || noShowLimit < 1 || blockDays < 0 || bookingsPerAddress < 1 || bookingsPerPhone < 1
                || rateWindow.isNegative() || rateWindow.isZero()) {
            throw new IllegalArgumentException("yimen.appointments: horizon, limits and window must be positive");
        }
    }
}
