package org.yimen.reception;

/** A ticket as the citizen takes it: with the people ahead and the estimated wait in minutes. */
public record IssuedTicket(Ticket ticket, ServiceLine line, int peopleAhead, int estimatedMinutes) {
}
