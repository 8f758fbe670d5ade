package org.yimen.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The one extension a case may have (延期, 行政许可法 Art. 42): requested with a reason by the officer, approved by the
 * department head, then both due dates move by {@code days} working days and the applicant gets a notice.
 */
public record Extension(int days, String reason, String requestedBy, @Nullable String approvedBy,
        @Nullable LocalDate approvedOn) {

    public boolean approved() {
        return approvedOn != null;
    }
}
