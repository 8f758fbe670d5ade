package org.yimen.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One record of the trail as stored: what happened, and, once sealed, its place in the chain ({@code link}) and the
 * hashes that tie it to the record before. {@code seq} is its number, in the order records were made.
 */
public record AuditRecord(long seq, @Nullable Long link, Instant occurredAt, Actor actor, String action,
        String targetType, String targetId, String detail, String clientAddress, @Nullable String algorithm,
        @Nullable String previousHash, @Nullable String hash) {
}
