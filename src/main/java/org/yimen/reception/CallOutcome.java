package org.yimen.reception;

/** What "call next" (叫号) found: a ticket, or nobody waiting for this window. */
public sealed interface CallOutcome {

    /** The window called this ticket. */
    record Called(Ticket ticket) implements CallOutcome {
    }

    /** No ticket waits for any line the window serves (当前无人等候). */
    record NoOneWaiting() implements CallOutcome {
    }
}
