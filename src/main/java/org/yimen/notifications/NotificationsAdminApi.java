package org.yimen.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The outbox for administrators and hall managers, as JSON. */
@RestController
@RequestMapping("/api/admin/notifications")
@PreAuthorize(NotificationsAdminApi.MANAGERS)
@Tag(name = "Notifications administration", description = "消息通知: the outbox of short messages and e-mails with"
        + " status, masked recipient, attempts, last error and delivery receipt; held, failed or undelivered"
        + " messages can be sent again")
class NotificationsAdminApi {

    static final String MANAGERS = "hasAnyRole('ADMIN', 'HALL_MANAGER')";

    /** Which channels have a server configured, and the counts of the last 30 days. */
    record Overview(boolean smsConfigured, boolean emailConfigured, List<Outbox.Count> last30Days) {
    }

    /** A test message: the channel and the mobile number or e-mail address to send it to. */
    record TestMessage(@Nullable Channel channel, @Nullable String recipient) {
    }

    private final OutboxAdministration administration;

    NotificationsAdminApi(OutboxAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "Outbox messages, newest first, 50 a page; recipients masked, texts never shown",
            description = "A short message the SMSC sent a delivery receipt for has delivery (DELIVERED or"
                    + " UNDELIVERED), deliveryState (the SMSC's final state: DELIVRD, UNDELIV, EXPIRED, REJECTD,"
                    + " DELETED) and deliveryReportedAt (when the receipt came); all three are null until then.")
    List<Outbox.Entry> messages(
            @Parameter(description = "PENDING, HELD, SENT or FAILED") @RequestParam(required = false)
            @Nullable DeliveryStatus status,
            @Parameter(description = "SMS or EMAIL") @RequestParam(required = false) @Nullable Channel channel,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page) {
        return administration.page(status, channel, page);
    }

    @GetMapping("/overview")
    @Operation(summary = "Configured channels and message counts of the last 30 days by channel, category and status")
    Overview overview() {
        return new Overview(administration.configured(Channel.SMS), administration.configured(Channel.EMAIL),
                administration.counts());
    }

    @PostMapping("/test")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Queue a test message to check the SMSC or SMTP settings",
            description = "400 naming the field for a missing channel or a recipient that is no mobile number or"
                    + " e-mail address. Held like any message when the channel has no server configured.")
    Outbox.Entry test(@RequestBody TestMessage message) {
        return administration.sendTest(message.channel(), message.recipient());
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a held, failed or undelivered message again; returns the message that will be sent",
            description = "A held message is released itself. A failed message, or a short message the SMSC reported"
                    + " UNDELIVERED, is queued once more as a new message whose resentFrom is this id; this one"
                    + " keeps its attempts, error and receipts and gets resentAs. 404 for an unknown id; 409 (problem"
                    + " detail with code) when it was delivered, is pending or sent without a receipt yet, is a"
                    + " verification code (they expire), has no text kept, was sent again already, or its channel"
                    + " has no server configured.")
    Outbox.Entry retry(@PathVariable long id) {
        return administration.retry(id);
    }
}
