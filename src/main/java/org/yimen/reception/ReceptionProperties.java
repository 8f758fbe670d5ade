package org.yimen.reception;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reception settings ({@code yimen.reception}).
 *
 * @param starvationAfter an ordinary ticket waiting longer than this is called before further priority tickets
 * @param maxRecalls how often a window may call the same ticket again (重呼)
 * @param rejoinWithin how long after a no-show (过号) the citizen may rejoin the queue, once
 * @param greenCategories the green-channel (绿色通道) categories reception staff may choose
 * @param kioskRequestsPerMinute tickets one client address may take per minute at the kiosk
 * @param statusRequestsPerMinute public ticket-status views per client address and minute
 * @param lastCalls how many recent calls the hall board lists
 * @param publicBaseUrl where citizens' phones reach yimen (for the QR code); the request's own address if unset
 * @param notifyAhead a citizen who left a mobile number with a ticket gets one short message once at most this many
 *     people are ahead of it (到号提醒)
 */
@ConfigurationProperties("yimen.reception")
record ReceptionProperties(
        @DefaultValue("PT20M") Duration starvationAfter,
        @DefaultValue("2") int maxRecalls,
        @DefaultValue("PT30M") Duration rejoinWithin,
        @DefaultValue({"ELDERLY", "DISABLED", "PREGNANT", "MILITARY", "KEY_PROJECT"}) List<String> greenCategories,
        @DefaultValue("30") int kioskRequestsPerMinute,
        @DefaultValue("120") int statusRequestsPerMinute,
        @DefaultValue("8") int lastCalls,
        @Nullable String publicBaseUrl,
        @DefaultValue("3") int notifyAhead) {

    ReceptionProperties {
        if (starvationAfter.isNegative() || maxRecalls < 0 || rejoinWithin.isNegative() || lastCalls < 1
                || notifyAhead < 0) {
            throw new IllegalArgumentException("yimen.reception: durations and counts must not be negative");
        }
        greenCategories = List.copyOf(greenCategories);
    }
}
