package org.yimen.org;

import org.jspecify.annotations.Nullable;

/**
 * Who acts for a post now and why. {@code staffId}, {@code name} and {@code staffNumber} are null only when the post
 * is {@link ActingReason#VACANT}.
 */
public record ActingOfficer(long postId, @Nullable Long staffId, @Nullable String name, @Nullable String staffNumber,
        ActingReason reason) {

    public boolean vacant() {
        return reason == ActingReason.VACANT;
    }
}
