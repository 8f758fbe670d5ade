package org.yimen.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.AuditTrail;
import org.yimen.shared.MobileNumbers;
import org.yimen.shared.Rejected;

/**
 * What administrators and hall managers do with the outbox: look at it (masked recipients, never texts), count it by
 * category, and send a held, failed or undelivered message again once its cause is put right ({@link SendAgainPolicy}).
 * Each is audited.
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
    private final NotificationMetrics metrics;
    private final Clock clock;

    OutboxAdministration(Outbox outbox, Notifications notifications, AuditTrail audit, SmppGateway sms,
            SmtpGateway email, NotificationMetrics metrics, Clock clock) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.audit = audit;
        this.sms = sms;
        this.email = email;
        this.metrics = metrics;
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
            String phone = MobileNumbers.parse(recipient)
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
     * Sends a message again as {@link SendAgainPolicy} allows, and returns the message that will be sent: the held
     * message itself, released, or the new one that repeats a failed or undelivered message (which stays as it was,
     * with its error or receipts). Refused with the policy's reason, or when the channel has no server to send it.
     * Audited with the masked recipient, never the number or address.
     */
    Outbox.Entry retry(long id) {
        var entry = outbox.entry(id).orElseThrow(() -> Rejected.notFound("notifications.message.notFound", id));
        var decision = SendAgainPolicy.decide(entry);
        if (decision instanceof SendAgainPolicy.Refused refused) {
            throw Rejected.conflict(null, refused.code(), refused.arguments());
        }
        if (!configured(entry.channel())) {
            throw Rejected.conflict(null, "notifications.retry.noServer");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("channel", entry.channel().name());
        detail.put("category", entry.category());
        detail.put("recipient", entry.recipient());
        detail.put("was", entry.delivery() == Delivery.UNDELIVERED ? Delivery.UNDELIVERED.name()
                : entry.status().name());
        long queued;
        if (decision instanceof SendAgainPolicy.Release) {
            if (!outbox.release(id, clock.instant())) {
                throw Rejected.conflict(null, "notifications.retry.notRetryable");
            }
            queued = id;
            audit.record("notifications.audit.retried", TARGET, id, detail);
        } else {
            // Lost to someone who sent it again at the same moment: the policy, asked again, names the new message.
            queued = outbox.resend(id, clock.instant()).orElseThrow(() -> {
                var again = SendAgainPolicy.decide(outbox.entry(id).orElseThrow());
                return again instanceof SendAgainPolicy.Refused refused
                        ? Rejected.conflict(null, refused.code(), refused.arguments())
                        : Rejected.conflict(null, "notifications.retry.notRetryable");
            });
            metrics.queued(entry.channel(), DeliveryStatus.PENDING);
            detail.put("resentAs", queued);
            audit.record("notifications.audit.resent", TARGET, id, detail);
        }
        return outbox.entry(queued).orElseThrow();
    }
}
