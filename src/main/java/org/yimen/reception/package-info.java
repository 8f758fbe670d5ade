/**
 * Reception (取号叫号): service lines per hall, queue tickets from kiosks and reception staff (with a green channel,
 * 绿色通道), window calling by a named policy, the window workstation, and live hall and window displays fed over
 * Server-Sent Events from PostgreSQL {@code NOTIFY} (each display with a send queue of its own; window screens also
 * follow A/B switches of their post); appointments and evaluation pads. The kiosk shows the materials to bring, from
 * the catalog's version in force, before the ticket, for a chosen line or for a chosen item, which leads to the line
 * that covers it; a citizen may leave a mobile number for one short message when the turn is near
 * ({@link org.yimen.reception.TurnNotices}), once per queue: a transferred ticket is told once more in its new queue.
 * A ticket shows the people ahead and the estimated wait in the queue it waits in: its line, whose windows share the
 * wait, or the one window a transfer sent it to, which calls it alone
 * ({@link org.yimen.reception.Tickets#estimatedMinutes}).
 * Reception staff issue tickets the same way, for an item of the line (with its materials shown) and with the
 * citizen's mobile number. Appointments may be booked by item, send their code by SMS when booked
 * and cancelled, and are marked no-show by a job once their slot is over. Hall managers set it up on their pages
 * ({@code /admin/reception}), watch the hall now ({@link org.yimen.reception.HallLive}) and read the statistics of
 * waiting and service times, no-shows, transfers and ratings ({@link org.yimen.reception.ReceptionStatistics}),
 * straight from the tickets.
 *
 * <p>Other modules use {@link org.yimen.reception.Tickets} and may listen for {@link org.yimen.reception.TicketCalled}
 * and {@link org.yimen.reception.VisitServed}. Devices (kiosks, displays) sign in with tokens of their own, apart from
 * staff sign-in. Everything else here is internal.
 */
@NullMarked
package org.yimen.reception;

import org.jspecify.annotations.NullMarked;
