package org.yimen.cases;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.Masking;
import org.yimen.shared.Rejected;

/**
 * Who applies: a person, or an enterprise (with its 统一社会信用代码) represented by the person whose document is
 * recorded. The document number and phone are personal data: stored sealed, shown masked, and masked here in
 * {@link #toString()} so they never reach a log line.
 */
public record Applicant(Kind kind, String name, @Nullable String creditCode, IdentityDocument document,
        String phone) {

    /** 自然人 or 法人/其他组织. */
    public enum Kind {
        PERSON, ENTERPRISE
    }

    /** Mainland mobile, or a landline with area code (0851-85280000). */
    static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    /** GB 32100-2015: 18 characters of digits and upper-case letters except I, O, S, V, Z. */
    static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

    public Applicant {
        if (kind == null) {
            throw Rejected.invalid("applicantKind", "cases.applicant.kindRequired");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw Rejected.invalid("applicantName", "cases.applicant.nameRequired");
        }
        creditCode = creditCode == null || creditCode.isBlank() ? null : IdentityDocument.normalise(creditCode);
        if (kind == Kind.ENTERPRISE && (creditCode == null || !CREDIT_CODE.matcher(creditCode).matches())) {
            throw Rejected.invalid("creditCode", "cases.applicant.creditCode");
        }
        if (kind == Kind.PERSON) {
            creditCode = null;
        }
        if (document == null) {
            throw Rejected.invalid("documentNumber", "identity.documentNumber.required");
        }
        phone = phone == null ? "" : phone.replaceAll("\\s+", "");
        if (!PHONE.matcher(phone).matches()) {
            throw Rejected.invalid("phone", "cases.applicant.phone");
        }
    }

    @Override
    public String toString() {
        return "Applicant[" + kind + ", " + name + ", " + document + ", " + Masking.phone(phone) + "]";
    }
}
