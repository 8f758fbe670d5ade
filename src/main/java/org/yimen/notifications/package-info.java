/**
 * Notifications (消息通知): short messages over SMPP and e-mails over SMTP, written to an outbox in the transaction
 * that caused them and sent by a dispatcher on every node, and the SMS codes by which citizens prove a phone number.
 *
 * <p>The API is {@link org.yimen.notifications.Notifications} ({@code sms}, {@code email}: queue a message rendered
 * from the message bundles, inside the caller's transaction) and {@link org.yimen.notifications.PhoneVerification}
 * ({@code issue}, {@code verify}: six-digit codes, hashed, expiring, rate-limited, burnt once used). Recipients and
 * texts are sealed with {@code org.yimen.privacy.PersonalData}; pages, logs and the API show recipients masked. With
 * no SMSC ({@code yimen.notifications.smpp.host}) or SMTP server ({@code spring.mail.host}) configured, messages are
 * kept as {@code HELD}, never pretended sent. Administrators and hall managers see the outbox at
 * {@code /admin/notifications} and send messages again ({@code SendAgainPolicy}): a held one is released itself; a
 * failed one, or a short message the SMSC reported not delivered, is queued once more as a new message naming the
 * first, which keeps its error, parts and receipts. Delivered, pending and unreported messages and verification codes
 * are refused; each send-again is audited with the masked recipient.
 *
 * <p>The SMSC's delivery receipts (状态报告), on a transceiver session or a transmitter account's receiver session,
 * mark a sent short message delivered or not delivered, with the time the receipt came; a receipt whose id is the
 * decimal form of a hexadecimal id the SMSC answered (or the reverse) finds its part too. Sent and failed messages are
 * removed after {@code yimen.notifications.retention} (180 days) by one node a day. Micrometer counts messages queued,
 * sent, failed, held, delivered and undelivered by channel, and gauges the pending outbox. Everything else here is
 * internal.
 */
@NullMarked
package org.yimen.notifications;

import org.jspecify.annotations.NullMarked;
