package org.yimen.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, before anything is sealed, a node compares the fingerprints of its personal-data keys with those the
 * nodes before it recorded, records those not yet known, and refuses to start when one differs: a node with another
 * key would seal values the others cannot open and index them where no look-up finds them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SharedKeysCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SharedKeysCheck.class);

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final Clock clock;

    SharedKeysCheck(JdbcClient jdbc, PersonalData personalData, Clock clock) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        check(personalData.keyFingerprints());
    }

    /** Records unknown fingerprints and fails on any that differs from the recorded one. */
    void check(Map<String, String> fingerprints) {
        List<String> differing = new ArrayList<>();
        fingerprints.forEach((id, fingerprint) -> {
            jdbc.sql("""
                    insert into privacy_key_fingerprint (key_id, fingerprint, recorded_at) values (?, ?, ?)
                    on conflict (key_id) do nothing""")
                    .params(id, fingerprint, Timestamp.from(clock.instant())).update();
            String recorded = jdbc.sql("select fingerprint from privacy_key_fingerprint where key_id = ?")
                    .param(id).query(String.class).single();
            if (!recorded.equals(fingerprint)) {
                differing.add(id.equals(Keyring.INDEX_FINGERPRINT_ID) ? "the look-up index key" : "key '" + id + "'");
            }
        });
        if (!differing.isEmpty()) {
            throw new IllegalStateException("This node's personal-data " + String.join(", ", differing)
                    + " differs from the one the other nodes on this database use. Give every node the same key"
                    + " file or yimen.privacy.key* settings (copy them from a running node), then start again.");
        }
        log.debug("Personal-data keys agree with the database's record ({} fingerprints)", fingerprints.size());
    }
}
