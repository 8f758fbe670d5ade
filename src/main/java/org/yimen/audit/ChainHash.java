package org.yimen.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
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

    /** The hash of the record at place {@code link} of the chain (the place comes first in the content). */
    static String of(String algorithm, long link, Instant occurredAt, Actor actor, String action, String targetType,
            String targetId, String detail, String clientAddress, String previousHash) {
        var content = new StringBuilder();
        for (String field : new String[] {Long.toString(link), occurredAt.toString(), actor.kind().name(), actor.id(),
            actor.name(), actor.role(), action, targetType, targetId, detail, clientAddress, algorithm, previousHash}) {
            content.append(field.length()).append(':').append(field).append(';');
        }
        return HexFormat.of().formatHex(digest(algorithm, content.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The hash a sealed record should have, from its stored content, place and previous hash. */
    static String of(AuditRecord r) {
        return of(Objects.requireNonNull(r.algorithm()), Objects.requireNonNull(r.link()), r.occurredAt(), r.actor(),
                r.action(), r.targetType(), r.targetId(),
                r.detail(), r.clientAddress(), Objects.requireNonNull(r.previousHash()));
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
