package org.yimen.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A case with what the pages and receipts show around it: applicant with masked document number and phone, where
 * and by whom it was taken in. Full numbers never leave the module through this.
 */
public record CaseDetails(Case caseFile, Applicant.Kind applicantKind, String applicantName,
        @Nullable String creditCode, String documentType, String maskedDocumentNumber, String maskedPhone,
        long hallId, @Nullable Long windowId, String clerkName, Instant submittedAt) {
}
