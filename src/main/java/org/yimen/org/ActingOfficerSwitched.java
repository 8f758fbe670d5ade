package org.yimen.org;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The officer acting for a post changed (an absence began, ended, was recorded or cancelled, or the post changed). */
public record ActingOfficerSwitched(long postId, @Nullable Long actingStaffId, @Nullable Long previousStaffId,
        ActingReason reason, Instant switchedAt) {
}
