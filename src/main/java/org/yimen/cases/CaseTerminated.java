package org.yimen.cases;

import java.time.LocalDate;
import java.util.List;

/** A 容缺 case was terminated because the deferred materials did not arrive by the pledge's deadline. */
public record CaseTerminated(String caseNumber, long departmentId, List<String> missingMaterials,
        LocalDate pledgeDue) {
}
