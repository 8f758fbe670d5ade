package org.yimen.cases;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.Rejected;

/** The clerk's intake form; its hidden idempotency key makes a double submission register one case. */
record IntakeForm(@Nullable String idempotencyKey, @Nullable String itemCode, @Nullable String hallCode,
        @Nullable Integer windowNumber, @Nullable String applicantKind, @Nullable String applicantName,
        @Nullable String creditCode, @Nullable String documentType, @Nullable String documentNumber,
        @Nullable String phone, @Nullable List<String> materials) {

    static IntakeForm empty(String itemCode, String hallCode) {
        return new IntakeForm(UUID.randomUUID().toString(), itemCode, hallCode, null, "PERSON", "", "",
                "RESIDENT_ID_CARD", "", "", List.of());
    }

    Intake toIntake() {
        Applicant.Kind kind = parse(Applicant.Kind.class, applicantKind, "applicantKind",
                "cases.applicant.kindRequired");
        IdentityDocument.Type type = parse(IdentityDocument.Type.class, documentType, "documentType",
                "identity.documentType.required");
        var applicant = new Applicant(kind, applicantName, creditCode, new IdentityDocument(type, documentNumber),
                phone);
        return new Intake(idempotencyKey, itemCode, hallCode, windowNumber == null ? 0 : windowNumber, applicant,
                materials == null ? List.of() : materials);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field, String code) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(field, code);
        }
    }
}
