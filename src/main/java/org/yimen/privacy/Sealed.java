package org.yimen.privacy;

import java.util.Arrays;

/**
 * A sealed value as it is stored: the ciphertext (header, nonce, ciphertext and tag) for the {@code bytea} column and
 * the keyed look-up index (HMAC-SHA256, 64 hex characters) for the {@code varchar(64)} column beside it.
 */
public record Sealed(byte[] ciphertext, String index) {

    public Sealed {
        ciphertext = ciphertext.clone();
        if (!index.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a look-up index is 64 lower-case hex characters");
        }
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed sealed && Arrays.equals(ciphertext, sealed.ciphertext)
                && index.equals(sealed.index);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ciphertext) + index.hashCode();
    }

    @Override
    public String toString() {
        return "Sealed[" + ciphertext.length + " bytes, index " + index.substring(0, 8) + "…]";
    }
}
