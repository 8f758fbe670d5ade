package org.yimen.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking every link of the trail: intact from place {@code firstLink} up to place
 * {@code verifiedUpTo} of the chain, or the first breach.
 *
 * @param firstLink the oldest place still kept (records older than the retention may have been purged)
 * @param records how many sealed records were checked
 * @param checkpoints how many checkpoint files were compared
 * @param unsealed records committed but not yet sealed into the chain (made in the last moments)
 */
public record VerificationReport(boolean intact, long firstLink, long verifiedUpTo, long records, int checkpoints,
        long unsealed, @Nullable Breach breach) {

    /**
     * The first thing found wrong, at which place of the chain, and why.
     *
     * @param seq the number of the record found there, or null when the record is missing
     */
    public record Breach(long link, @Nullable Long seq, Kind kind, String explanation) {
    }

    /** What kind of tampering a breach shows. */
    public enum Kind {
        /** The record's content no longer matches its own hash. */
        CONTENT_CHANGED,
        /** The record does not point at the hash of the record before it. */
        BROKEN_LINK,
        /** A place in the chain is empty: a record was removed. */
        MISSING_RECORD,
        /** A signed checkpoint names a different hash (or more records) than the database holds. */
        CHECKPOINT_DISAGREES,
        /** A checkpoint file's signature does not hold. */
        CHECKPOINT_FORGED
    }
}
