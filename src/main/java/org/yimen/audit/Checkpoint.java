package org.yimen.audit;

import java.time.Instant;

/**
 * A signed note, kept outside the database, of the chain head at a moment: its place in the chain ({@code seq}, the
 * name files have always used), its hash and how many records there were. A rewrite of the database, even one that
 * recomputes every hash, disagrees with it.
 */
public record Checkpoint(long seq, String hash, long count, Instant writtenAt, String signature) {

    String signedContent() {
        return seq + "|" + hash + "|" + count + "|" + writtenAt;
    }
}
