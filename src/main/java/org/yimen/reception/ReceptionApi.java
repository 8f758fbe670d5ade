package org.yimen.reception;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.audit.AuditTrail;
import org.yimen.org.ActingOfficer;
import org.yimen.shared.Masking;

/**
 * Reception over HTTP for window clerks and hall managers: issue (green-channel) tickets, for an item and with a
 * mobile number for the turn-near SMS if the citizen wishes, and everything a window workstation does. Same rules and
 * refusals as the pages.
 */
@RestController
@RequestMapping("/api/reception")
@PreAuthorize(ReceptionApi.RECEPTION_STAFF)
@Tag(name = "Reception", description = "取号叫号: staff-issued and green-channel (绿色通道) tickets, window calling,"
        + " recall, no-show, service, transfer and pause")
class ReceptionApi {

    static final String RECEPTION_STAFF = "hasAnyRole('CLERK', 'HALL_MANAGER')";

    /**
     * Issue a ticket; a green-channel ticket names its category. The citizen may have come for an item of the line,
     * and may leave a mobile number for one SMS when the turn is near.
     */
    record IssueRequest(@NotNull @Nullable Long lineId, @Nullable Priority priority, @Nullable String category,
            @Schema(description = "Catalog item code (事项编码) of an item the line covers", example = "GAT-CRJ-001")
            @Nullable String itemCode,
            @Schema(description = "Mainland mobile number for the turn-near SMS (到号提醒); stored sealed, answered"
                    + " masked", example = "13908514321") @Nullable String phone) {

        /** Masks the number, so that a request written to a log never shows it. */
        @Override
        public String toString() {
            return "IssueRequest[lineId=%s, priority=%s, category=%s, itemCode=%s, phone=%s]".formatted(lineId,
                    priority, category, itemCode, phone == null ? null : Masking.phone(phone));
        }
    }

    /** A no-show citizen is back. */
    record RejoinRequest(@NotNull @Nullable Long hallId, @NotBlank @Size(max = 8) @Nullable String number) {
    }

    /** Send the current ticket to another line, or to a window. */
    record TransferRequest(@Nullable Long toLine, @Nullable Long toWindow) {
    }

    /** Why the window stops calling for a while. */
    record PauseRequest(@NotBlank @Size(max = 200) @Nullable String reason) {
    }

    /** What "call next" found: CALLED with the ticket, or NO_ONE_WAITING with a message. */
    record CallResponse(String outcome, TicketViews.@Nullable TicketView ticket, @Nullable String message) {
    }

    /** A window's state: the ticket it serves, whether it is paused, who is on duty, what waits for it. */
    record WindowStatus(long windowId, int number, TicketViews.@Nullable TicketView current, @Nullable String paused,
            @Nullable ActingOfficer officer, List<DisplayViews.LineCount> waiting) {
    }

    private final Tickets tickets;
    private final TicketViews views;
    private final Workstations workstations;
    private final MessageSource messages;

    ReceptionApi(Tickets tickets, TicketViews views, Workstations workstations, MessageSource messages) {
        this.tickets = tickets;
        this.views = views;
        this.workstations = workstations;
        this.messages = messages;
    }

    @PostMapping("/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a ticket at the reception desk",
            description = "priority NONE or GREEN_CHANNEL (with a configured category such as ELDERLY, DISABLED,"
                    + " PREGNANT, MILITARY, KEY_PROJECT); optionally the item the citizen came for and a mobile"
                    + " number, which gets one SMS when at most yimen.reception.notify-ahead people are ahead (also"
                    + " after a transfer, once in the new queue); the answer's sms shows it masked. 400 (a problem"
                    + " detail naming the field) for an unknown category, an item the line does not cover or a"
                    + " number that is no mainland mobile number; 409 when the hall is closed, the line outside"
                    + " its hours or its cap reached.")
    TicketViews.TicketView issue(@Valid @RequestBody IssueRequest body, HttpServletRequest request) {
        Priority priority = body.priority() == null ? Priority.NONE : body.priority();
        var issued = tickets.issue(body.lineId(), priority, body.category(), Tickets.Channel.STAFF,
                body.itemCode(), body.phone(), AuditTrail.currentActor());
        return views.of(issued.ticket(), request);
    }

    @PostMapping("/tickets/rejoin")
    @Operation(summary = "A no-show ticket rejoins the queue (once, within the configured time)")
    TicketViews.TicketView rejoin(@Valid @RequestBody RejoinRequest body, HttpServletRequest request) {
        return views.of(tickets.rejoin(body.hallId(), body.number(), AuditTrail.currentActor()), request);
    }

    @GetMapping("/windows/{windowId}")
    @Operation(summary = "A window's current ticket, pause, officer on duty and waiting counts")
    WindowStatus window(@PathVariable long windowId, HttpServletRequest request) {
        var state = workstations.state(windowId);
        return new WindowStatus(windowId, state.window().number(),
                state.current() == null ? null : views.of(state.current(), request), state.paused(),
                state.officer(), state.waiting());
    }

    @PostMapping("/windows/{windowId}/call")
    @Operation(summary = "Call the next ticket (叫号)",
            description = "Green channel and appointments first, then in order of issue, an ordinary ticket waiting"
                    + " too long before further priority tickets; across the window's lines in its stated order."
                    + " NO_ONE_WAITING when the queue is empty; 409 when the window is paused or still has a ticket.")
    CallResponse call(@PathVariable long windowId, HttpServletRequest request, Locale locale) {
        return switch (tickets.callNext(windowId, AuditTrail.currentActor())) {
            case CallOutcome.Called called -> new CallResponse("CALLED", views.of(called.ticket(), request), null);
            case CallOutcome.NoOneWaiting none -> new CallResponse("NO_ONE_WAITING", null,
                    messages.getMessage("reception.call.noOneWaiting", null, locale));
        };
    }

    @PostMapping("/windows/{windowId}/recall")
    @Operation(summary = "Call the current ticket again (重呼), a limited number of times")
    TicketViews.TicketView recall(@PathVariable long windowId, HttpServletRequest request) {
        return views.of(tickets.recall(windowId, AuditTrail.currentActor()), request);
    }

    @PostMapping("/windows/{windowId}/no-show")
    @Operation(summary = "The called citizen did not come (过号)")
    TicketViews.TicketView noShow(@PathVariable long windowId, HttpServletRequest request) {
        return views.of(tickets.noShow(windowId, AuditTrail.currentActor()), request);
    }

    @PostMapping("/windows/{windowId}/start")
    @Operation(summary = "Start serving the called citizen")
    TicketViews.TicketView start(@PathVariable long windowId, HttpServletRequest request) {
        return views.of(tickets.start(windowId, AuditTrail.currentActor()), request);
    }

    @PostMapping("/windows/{windowId}/finish")
    @Operation(summary = "Finish the service")
    TicketViews.TicketView finish(@PathVariable long windowId, HttpServletRequest request) {
        return views.of(tickets.finish(windowId, AuditTrail.currentActor()), request);
    }

    @PostMapping("/windows/{windowId}/transfer")
    @Operation(summary = "Transfer the current ticket to another line or a window, keeping its priority",
            description = "Exactly one of toLine and toWindow. 409 when the line is closed now.")
    TicketViews.TicketView transfer(@PathVariable long windowId, @RequestBody TransferRequest body,
            HttpServletRequest request) {
        return views.of(tickets.transfer(windowId, body.toLine(), body.toWindow(), AuditTrail.currentActor()),
                request);
    }

    @PostMapping("/windows/{windowId}/pause")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Pause the window with a reason (暂停服务)")
    void pause(@PathVariable long windowId, @Valid @RequestBody PauseRequest body) {
        tickets.pause(windowId, body.reason(), AuditTrail.currentActor());
    }

    @PostMapping("/windows/{windowId}/resume")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Resume calling at the window")
    void resume(@PathVariable long windowId) {
        tickets.resume(windowId, AuditTrail.currentActor());
    }

}
