package org.yimen.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links committed audit records into the one chain (封存): in the order of their numbers, each gets the next place
 * ({@code link}), the algorithm, the previous link's hash and its own. One sealer at a time across all nodes, under an
 * advisory lock (key {@code 0x6175646974}, "audit" in ASCII), so the chain never forks; it runs every second on every
 * node and the one that gets the lock does the work.
 *
 * <p>A record that commits after records numbered above it simply takes the next free place: the chain's order is the
 * order of sealing. Until it is sealed (about a second) a record is protected by the database's refusal to change it,
 * not yet by the chain.
 */
@Component
class AuditSealer {

    static final long LOCK = 0x6175646974L;
    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final AuditProperties properties;

    AuditSealer(JdbcClient jdbc, AuditProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${yimen.audit.seal-interval:1s}")
    @Transactional
    public void scheduled() {
        if (jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
            sealLocked();
        }
    }

    /** Seals every record committed so far, waiting for a sealer at work elsewhere; returns how many it sealed. */
    @Transactional
    public int seal() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, row) -> 1).single();
        return sealLocked();
    }

    private int sealLocked() {
        // The lock is ours: these statements' snapshots see whatever the previous sealer committed. An idle node
        // stops at the first, empty, batch.
        List<AuditRecord> batch = unsealed();
        if (batch.isEmpty()) {
            return 0;
        }
        var head = jdbc.sql("select link, hash from audit_record where link is not null order by link desc limit 1")
                .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional();
        long link = head.map(h -> (Long) h[0]).orElse(0L);
        String previous = head.map(h -> (String) h[1]).orElse(ChainHash.GENESIS);
        String algorithm = properties.hashAlgorithm();
        int sealed = 0;
        while (!batch.isEmpty()) {
            int n = batch.size();
            var seqs = new Long[n];
            var links = new Long[n];
            var previousHashes = new String[n];
            var hashes = new String[n];
            for (int i = 0; i < n; i++) {
                AuditRecord r = batch.get(i);
                link++;
                String hash = ChainHash.of(algorithm, link, r.occurredAt(), r.actor(), r.action(), r.targetType(),
                        r.targetId(), r.detail(), r.clientAddress(), previous);
                seqs[i] = r.seq();
                links[i] = link;
                previousHashes[i] = previous;
                hashes[i] = hash;
                previous = hash;
            }
            jdbc.sql("""
                    update audit_record r set link = s.link, algorithm = ?, prev_hash = s.prev_hash, hash = s.hash
                    from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as s(seq, link, prev_hash, hash)
                    where r.seq = s.seq""")
                    .params(algorithm, seqs, links, previousHashes, hashes)
                    .update();
            sealed += n;
            batch = n < BATCH ? List.of() : unsealed();
        }
        return sealed;
    }

    private List<AuditRecord> unsealed() {
        return jdbc.sql("select * from audit_record where link is null order by seq limit " + BATCH)
                .query((rs, row) -> AuditVerification.read(rs)).list();
    }
}
