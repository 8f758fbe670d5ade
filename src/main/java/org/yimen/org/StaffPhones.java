package org.yimen.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.privacy.PersonalData;
import org.yimen.privacy.Purpose;
import org.yimen.privacy.Sealed;
import org.yimen.shared.Masking;
import org.yimen.shared.Rejected;

/**
 * Staff phones as personal data: sealed when written, masked whenever read, and revealed in full only through
 * {@link #reveal}, which the audit trail records with its purpose.
 */
@Component
class StaffPhones {

    /** The columns a staff query selects so that {@link #masked} can show the phone. */
    static final String COLUMNS = "phone_sealed, phone";

    private final PersonalData personalData;
    private final JdbcClient jdbc;

    StaffPhones(PersonalData personalData, JdbcClient jdbc) {
        this.personalData = personalData;
        this.jdbc = jdbc;
    }

    /** The sealed phone and its index, or null for no phone. */
    @Nullable Sealed seal(@Nullable String phone) {
        String value = phone == null ? "" : phone.strip();
        return value.isEmpty() ? null : personalData.seal(value);
    }

    /**
     * The masked phone of a staff row. A row not yet sealed (written by an older node during an upgrade, before the
     * start-up step ran) still shows its plain phone masked.
     */
    String masked(ResultSet rs) throws SQLException {
        byte[] sealed = rs.getBytes("phone_sealed");
        if (sealed != null) {
            return Masking.phone(personalData.open(sealed));
        }
        return Masking.phone(rs.getString("phone"));
    }

    /** The full phone of a member of staff, for someone whose role needs it; recorded with its purpose. */
    @Transactional
    String reveal(long staffId, Purpose purpose) {
        var row = jdbc.sql("select phone_sealed from org_staff where id = ?").param(staffId)
                .query((rs, n) -> new byte[][] {rs.getBytes(1)}).optional()
                .orElseThrow(() -> Rejected.notFound("org.staff.notFound", staffId));
        if (row[0] == null) {
            throw Rejected.notFound("org.staff.noPhone", staffId);
        }
        return personalData.reveal(row[0], "staff", staffId, "phone", purpose);
    }
}
