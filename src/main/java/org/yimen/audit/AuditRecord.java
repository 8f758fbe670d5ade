package org.yimen.audit;

import java.time.Instant;

/** One link of the trail as stored: what happened, and the hashes that tie it to the link before. */
public record AuditRecord(long seq, Instant occurredAt, Actor actor, String action, String targetType,
        String targetId, String detail, String clientAddress, String algorithm, String previousHash, String hash) {
}
