package org.yimen.cases;

import java.util.List;
import org.yimen.shared.Rejected;

/**
 * An application handed in at a window: the item (judged by its version in force now), the hall and window, the
 * applicant and the guide's materials the clerk ticked. The idempotency key makes a repeated submission (a double
 * click, a retried request) find the case the first one created.
 */
public record Intake(String idempotencyKey, String itemCode, String hallCode, int windowNumber, Applicant applicant,
        List<String> materials) {

    public Intake {
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey.strip();
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > 100) {
            throw Rejected.invalid("idempotencyKey", "cases.intake.idempotencyKey");
        }
        if (itemCode == null || itemCode.isBlank()) {
            throw Rejected.invalid("itemCode", "cases.intake.itemRequired");
        }
        itemCode = itemCode.strip();
        if (hallCode == null || hallCode.isBlank()) {
            throw Rejected.invalid("hallCode", "cases.intake.hallRequired");
        }
        hallCode = hallCode.strip();
        if (windowNumber < 1) {
            throw Rejected.invalid("windowNumber", "cases.intake.windowRequired");
        }
        materials = List.copyOf(materials == null ? List.of() : materials);
    }
}
