package org.yimen.reception;

import java.time.LocalTime;
import java.util.List;

/**
 * A service line (业务类别) of a hall: one queue with its own ticket prefix, the catalog items it covers, its hours on
 * working days and a daily cap.
 */
public record ServiceLine(long id, long hallId, String name, String prefix, List<String> itemCodes, LocalTime opensAt,
        LocalTime closesAt, int dailyCap, int serviceMinutes, boolean kiosk, boolean active) {

    public ServiceLine {
        itemCodes = List.copyOf(itemCodes);
    }

    boolean openAt(LocalTime time) {
        return active && !time.isBefore(opensAt) && time.isBefore(closesAt);
    }

    /** The number printed on the ticket: prefix and at least three digits (A012). */
    String number(int sequence) {
        return prefix + "%03d".formatted(sequence);
    }
}
