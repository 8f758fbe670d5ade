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
    static final String COLUMNS = "phone_sealed, phone, phone_masked";

    /** A phone as stored: sealed, its look-up index, and the masked form every read shows. */
    record Stored(byte[] sealed, String index, String masked) {
    }

    private final PersonalData personalData;
    private final JdbcClient jdbc;

    StaffPhones(PersonalData personalData, JdbcClient jdbc) {
        this.personalData = personalData;
        this.jdbc = jdbc;
    }

    /** The phone to store, or null for no phone. */
    @Nullable Stored store(@Nullable String phone) {
        String value = phone == null ? "" : phone.strip();
        if (value.isEmpty()) {
            return null;
        }
        Sealed sealed = personalData.seal(value);
        return new Stored(sealed.ciphertext(), sealed.index(), Masking.phone(value));
    }

    /** The masked form of a sealed phone. */
    String mask(byte[] sealed) {
        return Masking.phone(personalData.open(sealed));
    }

    /**
     * The masked phone of a staff row. Until the start-up step has run after an upgrade, a row may still hold a plain
     * phone written by an older node (the newest value) or have no masked form yet (its seal is opened).
     */
    String masked(ResultSet rs) throws SQLException {
        String plain = rs.getString("phone");
        if (!plain.isEmpty()) {
            return Masking.phone(plain);
        }
        String masked = rs.getString("phone_masked");
        if (masked != null) {
            return masked;
        }
        byte[] sealed = rs.getBytes("phone_sealed");
        return sealed == null ? Masking.phone(null) : mask(sealed);
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
