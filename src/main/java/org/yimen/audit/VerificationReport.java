package org.yimen.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking every link of the trail: intact up to record {@code verifiedUpTo}, or the first breach.
 *
 * @param firstSeq the oldest record still kept (records older than the retention may have been purged)
 * @param records how many records were checked
 * @param checkpoints how many checkpoint files were compared
 */
public record VerificationReport(boolean intact, long firstSeq, long verifiedUpTo, long records, int checkpoints,
        @Nullable Breach breach) {

    /** The first thing found wrong, at which record, and why. */
    public record Breach(long seq, Kind kind, String explanation) {
    }

    /** What kind of tampering a breach shows. */
    public enum Kind {
        /** The record's content no longer matches its own hash. */
        CONTENT_CHANGED,
        /** The record does not point at the hash of the record before it. */
        BROKEN_LINK,
        /** A record number is missing from the sequence. */
        MISSING_RECORD,
        /** A signed checkpoint names a different hash (or more records) than the database holds. */
        CHECKPOINT_DISAGREES,
        /** A checkpoint file's signature does not hold. */
        CHECKPOINT_FORGED
    }
}
