package org.yimen.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yimen.audit.VerificationReport.Breach;
import org.yimen.audit.VerificationReport.Kind;

/**
 * Checks every link of the trail, not only its ends: each record's hash against its content, each link against the
 * record before, the sequence for gaps, then every signed checkpoint against the records it names.
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

    public VerificationReport verify() {
        long first = 0;
        long last = 0;
        long count = 0;
        String previousHash = null;
        while (true) {
            List<AuditRecord> page = jdbc.sql("select * from audit_record where seq > ? order by seq limit " + PAGE)
                    .param(last)
                    .query((rs, row) -> read(rs))
                    .list();
            for (AuditRecord record : page) {
                if (count == 0) {
                    first = record.seq();
                    previousHash = record.seq() == 1 ? ChainHash.GENESIS : record.previousHash();
                } else if (record.seq() != last + 1) {
                    return broken(first, last, count, new Breach(last + 1, Kind.MISSING_RECORD,
                            "records " + (last + 1) + " to " + (record.seq() - 1) + " are missing"));
                }
                if (!record.previousHash().equals(previousHash)) {
                    return broken(first, last, count, new Breach(record.seq(), Kind.BROKEN_LINK,
                            "record " + record.seq() + " does not point at the hash of record " + (record.seq() - 1)));
                }
                if (!ChainHash.of(record).equals(record.hash())) {
                    return broken(first, last, count, new Breach(record.seq(), Kind.CONTENT_CHANGED,
                            "the content of record " + record.seq() + " no longer matches its hash"));
                }
                previousHash = record.hash();
                last = record.seq();
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
                return broken(first, last, count, new Breach(checkpoint.seq(), Kind.CHECKPOINT_FORGED,
                        "the signature of checkpoint " + read.file().getFileName() + " does not hold"));
            }
            compared++;
            if (checkpoint.seq() > last) {
                return broken(first, last, count, new Breach(last + 1, Kind.CHECKPOINT_DISAGREES,
                        "checkpoint " + read.file().getFileName() + " saw record " + checkpoint.seq()
                                + " but the trail ends at " + last));
            }
            if (checkpoint.seq() < first) {
                continue; // purged after the retention period; nothing left to compare
            }
            String stored = jdbc.sql("select hash from audit_record where seq = ?").param(checkpoint.seq())
                    .query(String.class).single();
            if (!stored.equals(checkpoint.hash())) {
                return broken(first, checkpoint.seq() - 1, count, new Breach(checkpoint.seq(),
                        Kind.CHECKPOINT_DISAGREES, "record " + checkpoint.seq() + " differs from checkpoint "
                                + read.file().getFileName() + ": the trail was rewritten"));
            }
        }
        return new VerificationReport(true, first, last, count, compared, null);
    }

    private static VerificationReport broken(long first, long upTo, long count, @Nullable Breach breach) {
        return new VerificationReport(false, first, upTo, count, 0, breach);
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_type")), rs.getString("actor_id"),
                        rs.getString("actor_name"), rs.getString("actor_role")),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("detail"), rs.getString("client_address"), rs.getString("algorithm"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
