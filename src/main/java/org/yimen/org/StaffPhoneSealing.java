package org.yimen.org;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the staff phones still stored in plain text (from before V7, or written by an older node during a rolling
 * upgrade) and blanks the plain column, and gives phones sealed before V26 their masked form. Runs at every start-up
 * and does nothing once every phone is sealed and masked; nodes starting together queue on an advisory lock, so each
 * phone is handled once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class StaffPhoneSealing implements ApplicationRunner {

    /** Advisory lock key of this step ("orgphone" in ASCII). */
    static final long LOCK_KEY = 0x6f72_6770_686f_6e65L;

    private static final Logger log = LoggerFactory.getLogger(StaffPhoneSealing.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final StaffPhones phones;

    StaffPhoneSealing(JdbcClient jdbc, TransactionTemplate transaction, StaffPhones phones) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.phones = phones;
    }

    @Override
    public void run(ApplicationArguments args) {
        int stored = storePhones();
        if (stored > 0) {
            log.info("Sealed or masked {} staff phone(s)", stored);
        }
    }

    /** Seals every plain staff phone and masks every sealed one without a masked form; returns how many. */
    int storePhones() {
        Integer count = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Integer.class).single();
            // The plain value is the newest one whatever was sealed before: an older node wrote it last.
            var plain = jdbc.sql("select id, phone from org_staff where phone <> '' order by id")
                    .query((rs, row) -> new Object[] {rs.getLong(1), phones.store(rs.getString(2))}).list();
            for (Object[] row : plain) {
                var phone = (StaffPhones.Stored) row[1];
                jdbc.sql("""
                        update org_staff set phone_sealed = ?, phone_index = ?, phone_masked = ?, phone = ''
                        where id = ?""")
                        .params(phone == null ? null : phone.sealed(), phone == null ? null : phone.index(),
                                phone == null ? null : phone.masked(), row[0])
                        .update();
            }
            var unmasked = jdbc.sql("""
                    select id, phone_sealed from org_staff where phone_sealed is not null and phone_masked is null
                    order by id""")
                    .query((rs, row) -> new Object[] {rs.getLong(1), phones.mask(rs.getBytes(2))}).list();
            for (Object[] row : unmasked) {
                jdbc.sql("update org_staff set phone_masked = ? where id = ?").params(row[1], row[0]).update();
            }
            return plain.size() + unmasked.size();
        });
        return count == null ? 0 : count;
    }
}
