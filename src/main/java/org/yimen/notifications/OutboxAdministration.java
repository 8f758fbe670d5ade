package org.yimen.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.AuditTrail;
import org.yimen.shared.Rejected;

/**
 * What administrators and hall managers do with the outbox: look at it (masked recipients, never texts), count it by
 * category, and send a failed or held message again once its cause is put right. Each release is audited.
 */
@Service
@Transactional
class OutboxAdministration {

    static final String TARGET = "notification";
    static final int PAGE_SIZE = 50;
    static final String TEST_CATEGORY = "test";

    private final Outbox outbox;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final SmppGateway sms;
    private final SmtpGateway email;
    private final Clock clock;

    OutboxAdministration(Outbox outbox, Notifications notifications, AuditTrail audit, SmppGateway sms,
            SmtpGateway email, Clock clock) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.audit = audit;
        this.sms = sms;
        this.email = email;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Outbox.Entry> page(@Nullable DeliveryStatus status, @Nullable Channel channel, int page) {
        return outbox.list(status, channel, Math.max(page, 0) * PAGE_SIZE, PAGE_SIZE);
    }

    /** Messages of the last 30 days by channel, category and status. */
    @Transactional(readOnly = true)
    List<Outbox.Count> counts() {
        return outbox.counts(clock.instant().minus(Duration.ofDays(30)));
    }

    /** Whether a channel has a server configured on this node. */
    boolean configured(Channel channel) {
        return channel == Channel.SMS ? sms.ready() : email.ready();
    }

    /**
     * Queues a test message to a number or address the administrator gives, to check that the SMSC or SMTP server
     * is set up (category {@code test}). Like every message it is held when no server is configured.
     */
    Outbox.Entry sendTest(@Nullable Channel channel, @Nullable String recipient) {
        if (channel == null) {
            throw Rejected.invalid("channel", "notifications.test.channelRequired");
        }
        String sender = AuditTrail.currentActor().name();
        long id;
        String masked;
        if (channel == Channel.SMS) {
            String phone = Recipients.mobile(recipient)
                    .orElseThrow(() -> Rejected.invalid("recipient", "notifications.test.phoneInvalid"));
            id = notifications.sms(TEST_CATEGORY, phone, "notifications.test.sms", sender);
            masked = Recipients.maskPhone(phone);
        } else {
            String address = Recipients.email(recipient)
                    .orElseThrow(() -> Rejected.invalid("recipient", "notifications.test.emailInvalid"));
            id = notifications.email(TEST_CATEGORY, address, "notifications.test.subject", "notifications.test.body",
                    sender);
            masked = Recipients.maskEmail(address);
        }
        audit.record("notifications.audit.testQueued", TARGET, id, Map.of("channel", channel.name(),
                "recipient", masked));
        return outbox.entry(id).orElseThrow();
    }

    /**
     * Queues a failed or held message again with a fresh count of attempts. Refused when the message is neither,
     * when its text is gone (a code that was sent or expired), or when its channel has no server to send it.
     */
    Outbox.Entry retry(long id) {
        var entry = outbox.entry(id).orElseThrow(() -> Rejected.notFound("notifications.message.notFound", id));
        if (!entry.retryable()) {
            throw Rejected.conflict(null, "notifications.retry.notRetryable");
        }
        if (!configured(entry.channel())) {
            throw Rejected.conflict(null, "notifications.retry.noServer");
        }
        if (!outbox.requeue(id, clock.instant())) {
            throw Rejected.conflict(null, "notifications.retry.notRetryable");
        }
        audit.record("notifications.audit.retried", TARGET, id, Map.of("channel", entry.channel().name(),
                "category", entry.category(), "recipient", entry.recipient(), "was", entry.status().name()));
        return outbox.entry(id).orElseThrow();
    }
}
