package org.yimen.notifications;

import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yimen.shared.Rejected;

/** The outbox page ({@code /admin/notifications}): filter by status and channel, counts, send a message again. */
@Controller
@RequestMapping("/admin/notifications")
@PreAuthorize(NotificationsAdminApi.MANAGERS)
class NotificationsAdminPages {

    private final OutboxAdministration administration;
    private final MessageSource messages;
    private final Clock clock;

    NotificationsAdminPages(OutboxAdministration administration, MessageSource messages, Clock clock) {
        this.administration = administration;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable DeliveryStatus status,
            @RequestParam(required = false) @Nullable Channel channel, @RequestParam(defaultValue = "0") int page,
            Model model) {
        if (!model.containsAttribute("testChannel")) {
            model.addAttribute("testChannel", Channel.SMS);
            model.addAttribute("testRecipient", "");
        }
        var rows = administration.page(status, channel, page);
        model.addAttribute("rows", rows);
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("hasMore", rows.size() == OutboxAdministration.PAGE_SIZE);
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("counts", administration.counts());
        model.addAttribute("smsConfigured", administration.configured(Channel.SMS));
        model.addAttribute("emailConfigured", administration.configured(Channel.EMAIL));
        model.addAttribute("zone", clock.getZone());
        return "notifications/outbox";
    }

    @PostMapping("/test")
    String test(@RequestParam(required = false) @Nullable Channel testChannel,
            @RequestParam(required = false) @Nullable String testRecipient, Model model,
            RedirectAttributes redirect) {
        try {
            administration.sendTest(testChannel, testRecipient);
        } catch (Rejected rejected) {
            if (rejected.field() == null) {
                throw rejected;
            }
            model.addAttribute("testChannel", testChannel);
            model.addAttribute("testRecipient", testRecipient);
            model.addAttribute("testError", rejected.code());
            return list(null, null, 0, model);
        }
        redirect.addFlashAttribute("flashSuccess", "notifications.admin.flash.testQueued");
        return "redirect:/admin/notifications";
    }

    /** Sends a message again; a refusal (delivered, still on its way, a code…) is shown above the list. */
    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        try {
            var queued = administration.retry(id);
            redirect.addFlashAttribute("flashSuccess", queued.id() == id ? "notifications.admin.flash.retried"
                    : "notifications.admin.flash.resent");
        } catch (Rejected rejected) {
            if (rejected.kind() == Rejected.Kind.NOT_FOUND) {
                throw rejected;
            }
            redirect.addFlashAttribute("actionError", messages.getMessage(rejected, locale));
        }
        return "redirect:/admin/notifications";
    }
}
