package org.yimen.org;

import java.time.Instant;
import org.yimen.shared.Rejected;

/**
 * A member of staff is away (请假/公出) from {@code startsAt} inclusive until {@code endsAt} exclusive, so an absence
 * ending at 12:00 and the next beginning at 12:00 leave no gap and no overlap.
 */
record AbsencePeriod(long staffId, Instant startsAt, Instant endsAt) {

    AbsencePeriod {
        if (!endsAt.isAfter(startsAt)) {
            throw Rejected.invalid("endsAt", "org.absence.endsNotAfterStart");
        }
    }

    boolean covers(Instant moment) {
        return !moment.isBefore(startsAt) && moment.isBefore(endsAt);
    }
}
