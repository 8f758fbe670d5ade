package org.yimen.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.Masking;
import org.yimen.shared.MobileNumbers;

/**
 * Sends a short message or an e-mail as part of whatever caused it: the message is written to the outbox in the
 * caller's transaction (there must be one), so a rolled-back change sends nothing and a committed one always leaves
 * its message to be sent. A dispatcher on any node sends it shortly after, and tries again with back-off.
 *
 * <p>The text is rendered at once from the message bundles in Chinese (the message key and its arguments, as in
 * {@code MessageFormat}); a short message gets the configured signature. The recipient and the text are sealed
 * ({@link PersonalData}); pages, logs and the API show only the masked recipient. The category ({@code
 * "cases.accepted"}, lower-case letters, digits, dots and dashes) says what kind of message it is, for statistics.
 *
 * <p>A recipient that cannot receive the message (a landline, a malformed address) does not refuse the caller's
 * change: the message is written as {@code FAILED} with the reason, for administrators to see. With no SMSC or SMTP
 * server configured, it is written as {@code HELD}: kept, never pretended sent.
 */
@Service
public class Notifications {

    /** Citizens are written to in Chinese. */
    static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    /** Why a message was not sent, as message keys (a server's own error text is kept as it is). */
    static final String NOT_A_MOBILE = "notifications.error.notMobile";
    static final String NOT_AN_EMAIL_ADDRESS = "notifications.error.notEmail";

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9._-]{0,39}");
    private static final Pattern MESSAGE_KEY = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

    private final Outbox outbox;
    private final PersonalData personalData;
    private final MessageSource messages;
    private final SmppGateway sms;
    private final SmtpGateway email;
    private final NotificationsProperties properties;
    private final NotificationMetrics metrics;
    private final Clock clock;

    Notifications(Outbox outbox, PersonalData personalData, MessageSource messages, SmppGateway sms,
            SmtpGateway email, NotificationsProperties properties, NotificationMetrics metrics, Clock clock) {
        this.outbox = outbox;
        this.personalData = personalData;
        this.messages = messages;
        this.sms = sms;
        this.email = email;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Queues a short message to a mainland mobile number. Returns the outbox id.
     *
     * @param category what kind of message, for statistics ({@code "cases.accepted"})
     * @param phone the mobile number as the citizen gave it ({@code +86 139 0851 4321} is fine)
     * @param messageKey the bundle key of the text
     * @param args the arguments of the text
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long sms(String category, String phone, String messageKey, Object... args) {
        return queueSms(category, phone, messageKey, args, false, null);
    }

    /**
     * Queues an e-mail (plain text). Returns the outbox id.
     *
     * @param category what kind of message, for statistics
     * @param address the e-mail address
     * @param subjectKey the bundle key of the subject
     * @param bodyKey the bundle key of the text
     * @param args the arguments of both
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long email(String category, String address, String subjectKey, String bodyKey, Object... args) {
        check(category, subjectKey);
        check(category, bodyKey);
        String subject = render(subjectKey, args);
        String body = render(bodyKey, args);
        var valid = Recipients.email(address);
        String recipient = valid.orElse(address.strip());
        String masked = Recipients.maskEmail(recipient);
        DeliveryStatus status = valid.isEmpty() ? DeliveryStatus.FAILED
                : email.ready() ? DeliveryStatus.PENDING : DeliveryStatus.HELD;
        var sealed = personalData.seal(recipient);
        // A message that can never be sent keeps no text: nothing to send again, nothing to leak.
        long id = outbox.add(new Outbox.NewMessage(Channel.EMAIL, category, status, sealed.ciphertext(),
                sealed.index(), masked, bodyKey, valid.isEmpty() ? null : personalData.seal(subject).ciphertext(),
                valid.isEmpty() ? null : personalData.seal(body).ciphertext(), false, null,
                valid.isEmpty() ? NOT_AN_EMAIL_ADDRESS : null), clock.instant());
        metrics.queued(Channel.EMAIL, status);
        log.debug("E-mail {} ({}) to {} queued as {}", id, category, masked, status);
        return id;
    }

    /** Queues a short message; a secret one (a code) loses its text once sent and is not sent after it expires. */
    long queueSms(String category, String phone, String messageKey, Object[] args, boolean secret,
            @Nullable Instant expiresAt) {
        check(category, messageKey);
        String text = signed(render(messageKey, args));
        var mobile = MobileNumbers.parse(phone);
        String recipient = mobile.orElse(phone.strip());
        String masked = Masking.phone(recipient);
        DeliveryStatus status = mobile.isEmpty() ? DeliveryStatus.FAILED
                : sms.ready() ? DeliveryStatus.PENDING : DeliveryStatus.HELD;
        var sealed = personalData.seal(recipient);
        long id = outbox.add(new Outbox.NewMessage(Channel.SMS, category, status, sealed.ciphertext(), sealed.index(),
                masked, messageKey, null, mobile.isEmpty() ? null : personalData.seal(text).ciphertext(), secret,
                expiresAt, mobile.isEmpty() ? NOT_A_MOBILE : null), clock.instant());
        metrics.queued(Channel.SMS, status);
        log.debug("Short message {} ({}) to {} queued as {}", id, category, masked, status);
        return id;
    }

    private String render(String key, Object[] args) {
        return messages.getMessage(key, args, LANGUAGE);
    }

    private String signed(String text) {
        String signature = properties.smsSignature();
        return signature == null || signature.isBlank() ? text : signature.strip() + text;
    }

    private static void check(String category, String key) {
        if (!CATEGORY.matcher(category).matches()) {
            throw new IllegalArgumentException("a category is lower-case letters, digits, dots and dashes, at most 40:"
                    + " " + category);
        }
        if (!MESSAGE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a message key: " + key);
        }
    }
}
