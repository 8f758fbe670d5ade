package org.yimen.notifications;

import org.jspecify.annotations.Nullable;

/**
 * Whether an administrator may send a message again, and how. A held message was never tried: it is released where
 * it is. A message that failed, or that the SMSC took but reported not delivered (状态报告: 未送达), is sent again
 * once, as a new message that names the first, so the first keeps its attempts, error, parts and receipts and the
 * statistics count both. Refused are messages that reached the handset or are still on their way (pending, or sent
 * with no receipt saying otherwise), verification codes (they expire; the citizen asks for a new one), messages
 * whose text is gone, and messages already sent again once.
 */
final class SendAgainPolicy {

    /** What sending again does, or why it is refused (a bundle key). */
    sealed interface Decision {
    }

    /** Queue the held message itself. */
    record Release() implements Decision {
    }

    /** Queue a new message with the same recipient and text that names this one. */
    record Resend() implements Decision {
    }

    /** Not sent again, for the reason the bundle key names ({@code arguments} fill it in). */
    record Refused(String code, Object... arguments) implements Decision {
    }

    private SendAgainPolicy() {
    }

    static Decision decide(DeliveryStatus status, @Nullable Delivery delivery, boolean secret, boolean textKept,
            @Nullable Long resentAs) {
        if (resentAs != null) {
            return new Refused("notifications.resend.already", resentAs);
        }
        if (status == DeliveryStatus.HELD) {
            return textKept ? new Release() : new Refused("notifications.resend.textGone");
        }
        if (status == DeliveryStatus.PENDING) {
            return new Refused("notifications.resend.pending");
        }
        if (delivery == Delivery.DELIVERED) {
            return new Refused("notifications.resend.delivered");
        }
        if (status == DeliveryStatus.SENT && delivery == null) {
            return new Refused("notifications.resend.notReported");
        }
        if (secret) {
            return new Refused("notifications.resend.secret");
        }
        return textKept ? new Resend() : new Refused("notifications.resend.textGone");
    }

    static Decision decide(Outbox.Entry entry) {
        return decide(entry.status(), entry.delivery(), entry.secret(), entry.textKept(), entry.resentAs());
    }
}
