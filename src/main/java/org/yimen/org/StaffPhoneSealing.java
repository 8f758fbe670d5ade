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
import org.yimen.privacy.Sealed;

/**
 * Seals the staff phones still stored in plain text (from before V7, or written by an older node during a rolling
 * upgrade) and blanks the plain column. Runs at every start-up and does nothing once no plain phone is left; nodes
 * starting together queue on an advisory lock, so each phone is sealed once.
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
        int sealed = sealPlainPhones();
        if (sealed > 0) {
            log.info("Sealed {} staff phone(s) that were stored in plain text", sealed);
        }
    }

    /** Seals every plain staff phone; returns how many. */
    int sealPlainPhones() {
        Integer count = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Integer.class).single();
            var plain = jdbc.sql("select id, phone from org_staff where phone <> '' order by id")
                    .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
            for (Object[] row : plain) {
                // The plain value is the newest one whatever was sealed before: an older node wrote it last.
                Sealed phone = phones.seal((String) row[1]);
                jdbc.sql("update org_staff set phone_sealed = ?, phone_index = ?, phone = '' where id = ?")
                        .params(phone == null ? null : phone.ciphertext(), phone == null ? null : phone.index(),
                                row[0])
                        .update();
            }
            return plain.size();
        });
        return count == null ? 0 : count;
    }
}
