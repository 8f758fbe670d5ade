package org.yimen.cases;

import java.util.List;
import org.yimen.shared.Rejected;

/**
 * An application made on the portal (网上申请): the item, the hall whose departments will examine it, the applicant
 * (whose phone was proven by an SMS code) and the uploaded materials. An idempotency key makes a repeated submission
 * find the case the first one created.
 */
record OnlineApplication(String idempotencyKey, String itemCode, String hallCode, Applicant applicant,
        List<CaseFiles.Upload> files) {

    OnlineApplication {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw Rejected.invalid("idempotencyKey", "cases.intake.idempotencyKey");
        }
        if (itemCode == null || itemCode.isBlank()) {
            throw Rejected.invalid("itemCode", "cases.intake.itemNotPublished", "");
        }
        if (files == null || files.isEmpty()) {
            throw Rejected.invalid("files", "cases.online.noFiles");
        }
        files = List.copyOf(files);
    }
}
