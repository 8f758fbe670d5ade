package org.yimen.cases;

import java.time.LocalDate;

/**
 * How the result reached the applicant (送达): picked up at a window with the pick-up materials checked, sent by post
 * with a tracking number, or delivered electronically (e.g. an electronic licence) with its reference.
 */
public record Delivery(Method method, String reference, LocalDate deliveredOn) {

    public enum Method {
        WINDOW, POST, ELECTRONIC
    }
}
