package org.yimen.reception;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.shared.Rejected;

/** What evaluation pads of other makes may call with their device token ({@code X-Device-Token}). */
@RestController
@RequestMapping("/api/devices/pad")
@Tag(name = "Evaluation pads", description = "评价器 (好差评): one rating per visit at the window's pad. Authenticate"
        + " with the pad's token in the X-Device-Token header.")
class PadApi {

    /** Whether the window's last visit waits for its rating, and which. */
    record PadState(boolean pending, @Nullable Long ticketId, @Nullable String number, List<Integer> levels,
            List<String> tags) {
    }

    /** A rating: level 1–5, reason tags only for levels 1 and 2, an optional comment of up to 200 characters. */
    record Rate(@Nullable Long ticketId, @Nullable Integer level, @Nullable List<String> tags,
            @Nullable String comment) {
    }

    private final Evaluations evaluations;

    PadApi(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/visit")
    @Operation(summary = "The visit the pad should ask about, if the window's last one finished and is not rated")
    PadState visit(@AuthenticationPrincipal Device device) {
        var tags = Arrays.stream(RatingTag.values()).map(Enum::name).toList();
        return evaluations.pending(device.windowId())
                .map(v -> new PadState(true, v.ticketId(), v.number(), PadPages.LEVELS, tags))
                .orElse(new PadState(false, null, null, PadPages.LEVELS, tags));
    }

    @PostMapping("/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate a visit of the pad's window",
            description = "400 for a level outside 1–5, an unknown tag, tags on a level above 2, a comment over 200"
                    + " characters or a visit of another window; 404 for an unknown visit; 409 when the visit is not"
                    + " finished, was finished too long ago, or is already rated (一次一评).")
    Evaluations.Rating rate(@AuthenticationPrincipal Device device, @RequestBody Rate body) {
        if (body.ticketId() == null) {
            throw Rejected.invalid("ticketId", "reception.rating.ticketRequired");
        }
        if (body.level() == null) {
            throw Rejected.invalid("level", "reception.rating.level");
        }
        return evaluations.rate(device, body.ticketId(), body.level(), body.tags() == null ? List.of() : body.tags(),
                body.comment());
    }
}
