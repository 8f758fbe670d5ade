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
 * {@code /admin/notifications} and send failed or held messages again. Everything else here is internal.
 */
@NullMarked
package org.yimen.notifications;

import org.jspecify.annotations.NullMarked;
