package org.yimen.reception;

/** Where a ticket is on its way from the kiosk to the end of its visit. */
public enum TicketState {
    WAITING, CALLED, SERVING, DONE, NO_SHOW, TRANSFERRED
}
