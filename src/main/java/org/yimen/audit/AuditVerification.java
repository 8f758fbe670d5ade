package org.yimen.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yimen.audit.VerificationReport.Breach;
import org.yimen.audit.VerificationReport.Kind;

/**
 * Checks every link of the trail, not only its ends: each sealed record's hash against its content, each link against
 * the record before, the chain's places for gaps, then every signed checkpoint against the records it names.
 */
@Service
public class AuditVerification {

    private static final int PAGE = 5_000;

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;

    AuditVerification(JdbcClient jdbc, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /** Checks the sealed chain; records not yet sealed are counted, and are checked once they are. */
    public VerificationReport verify() {
        long first = 0;
        long last = 0;
        long count = 0;
        String previousHash = null;
        while (true) {
            List<AuditRecord> page = jdbc.sql("select * from audit_record where link > ? order by link limit " + PAGE)
                    .param(last)
                    .query((rs, row) -> read(rs))
                    .list();
            for (AuditRecord record : page) {
                long link = Objects.requireNonNull(record.link());
                if (count == 0) {
                    first = link;
                    previousHash = link == 1 ? ChainHash.GENESIS : record.previousHash();
                } else if (link != last + 1) {
                    return broken(first, last, count, new Breach(last + 1, null, Kind.MISSING_RECORD,
                            "places " + (last + 1) + " to " + (link - 1) + " of the chain are empty"));
                }
                if (!Objects.equals(record.previousHash(), previousHash)) {
                    return broken(first, last, count, new Breach(link, record.seq(), Kind.BROKEN_LINK,
                            "record " + record.seq() + " does not point at the hash of the record before it"));
                }
                if (!ChainHash.of(record).equals(record.hash())) {
                    return broken(first, last, count, new Breach(link, record.seq(), Kind.CONTENT_CHANGED,
                            "the content of record " + record.seq() + " no longer matches its hash"));
                }
                previousHash = record.hash();
                last = link;
                count++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        int compared = 0;
        for (Checkpoints.Read read : checkpoints.readAll()) {
            Checkpoint checkpoint = read.checkpoint();
            if (!read.signatureValid()) {
                return broken(first, last, count, new Breach(checkpoint.seq(), null, Kind.CHECKPOINT_FORGED,
                        "the signature of checkpoint " + read.file().getFileName() + " does not hold"));
            }
            compared++;
            if (checkpoint.seq() > last) {
                return broken(first, last, count, new Breach(last + 1, null, Kind.CHECKPOINT_DISAGREES,
                        "checkpoint " + read.file().getFileName() + " saw place " + checkpoint.seq()
                                + " but the chain ends at " + last));
            }
            if (checkpoint.seq() < first) {
                continue; // purged after the retention period; nothing left to compare
            }
            var stored = jdbc.sql("select seq, hash from audit_record where link = ?").param(checkpoint.seq())
                    .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
            if (!stored[1].equals(checkpoint.hash())) {
                return broken(first, checkpoint.seq() - 1, count, new Breach(checkpoint.seq(), (Long) stored[0],
                        Kind.CHECKPOINT_DISAGREES, "record " + stored[0] + " differs from checkpoint "
                                + read.file().getFileName() + ": the trail was rewritten"));
            }
        }
        return new VerificationReport(true, first, last, count, compared, unsealed(), null);
    }

    private VerificationReport broken(long first, long upTo, long count, Breach breach) {
        return new VerificationReport(false, first, upTo, count, 0, unsealed(), breach);
    }

    private long unsealed() {
        return jdbc.sql("select count(*) from audit_record where link is null").query(Long.class).single();
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        Long link = rs.getObject("link", Long.class);
        return new AuditRecord(rs.getLong("seq"), link, rs.getTimestamp("occurred_at").toInstant(),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_type")), rs.getString("actor_id"),
                        rs.getString("actor_name"), rs.getString("actor_role")),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("detail"), rs.getString("client_address"), rs.getString("algorithm"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
