package org.yimen.reception;

import java.time.Instant;
import java.util.List;

/**
 * A visit was rated 不满意 (2) or 非常不满意 (1) on the window's evaluation pad: what the feedback work turns into a
 * follow-up (verify by a call-back, rectify or explain, report back to the rater).
 */
public record VisitRated(long ticketId, long windowId, int level, List<String> tags, Instant ratedAt) {

    public VisitRated {
        tags = List.copyOf(tags);
    }
}
