package org.yimen.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash of one link: a digest over every field of the record and the previous link's hash. Fields are
 * length-prefixed, so no choice of content can make two different records serialise alike.
 */
final class ChainHash {

    /** The "previous hash" of the very first record. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(String algorithm, long seq, Instant occurredAt, Actor actor, String action, String targetType,
            String targetId, String detail, String clientAddress, String previousHash) {
        var content = new StringBuilder();
        for (String field : new String[] {Long.toString(seq), occurredAt.toString(), actor.kind().name(), actor.id(),
            actor.name(), actor.role(), action, targetType, targetId, detail, clientAddress, algorithm, previousHash}) {
            content.append(field.length()).append(':').append(field).append(';');
        }
        return HexFormat.of().formatHex(digest(algorithm, content.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String of(AuditRecord r) {
        return of(r.algorithm(), r.seq(), r.occurredAt(), r.actor(), r.action(), r.targetType(), r.targetId(),
                r.detail(), r.clientAddress(), r.previousHash());
    }

    static byte[] digest(String algorithm, byte[] data) {
        if (algorithm.equals("SM3")) {
            var sm3 = new SM3Digest();
            sm3.update(data, 0, data.length);
            byte[] out = new byte[sm3.getDigestSize()];
            sm3.doFinal(out, 0);
            return out;
        }
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
