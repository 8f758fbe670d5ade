package org.yimen.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.jspecify.annotations.Nullable;

/**
 * The keys this node holds, by id, with the one that seals new values and the one the look-up index comes from. Each
 * master key is never used directly: HKDF-SHA256 derives one key per cipher and a separate blind-index key, each
 * under its own label, so no two uses share key material.
 */
final class Keyring {

    static final int KEY_BYTES = 32;
    static final String DEFAULT_ID = "default";
    private static final String INDEX_LABEL = "yimen/privacy/blind-index/HMAC-SHA256";

    private final Map<String, byte[]> masters;
    private final String currentId;
    private final byte[] indexKey;
    /** Initialised once with the index key; {@link #indexMac} hands out copies. */
    private final Mac indexMac;
    /** Derived cipher keys by key id and cipher: derivation (HKDF) cost more than the sealing it served. */
    private final Map<String, byte[]> cipherKeys = new java.util.concurrent.ConcurrentHashMap<>();

    private Keyring(Map<String, byte[]> masters, String currentId, String indexId) {
        this.masters = Map.copyOf(masters);
        this.currentId = currentId;
        this.indexKey = derive(masters.get(indexId), INDEX_LABEL, KEY_BYTES);
        this.indexMac = newIndexMac(indexKey);
    }

    /**
     * Gathers the keys from {@code yimen.privacy.key}, {@code .keys.*} and {@code .key-file}; with none of them, from
     * {@code defaultFile}, which is created with a fresh key if it does not exist.
     */
    static Keyring load(PrivacyProperties properties, Path defaultFile) {
        var masters = new LinkedHashMap<String, byte[]>();
        if (properties.key() != null && !properties.key().isBlank()) {
            masters.put(DEFAULT_ID, decode(properties.key(), "yimen.privacy.key"));
        }
        properties.keys().forEach((id, value) -> put(masters, id, decode(value, "yimen.privacy.keys." + id)));
        @Nullable String fileCurrent = null;
        @Nullable String fileIndex = null;
        Path file = properties.keyFile() != null ? properties.keyFile() : masters.isEmpty() ? defaultFile : null;
        if (file != null) {
            boolean onlyTheFile = masters.isEmpty();
            var fromFile = KeyFile.readOrCreate(file);
            fromFile.forEach((id, key) -> put(masters, id, key));
            // The file's order says which key is which only when the file is the sole source of keys.
            if (onlyTheFile) {
                fileIndex = fromFile.sequencedKeySet().getFirst();
                fileCurrent = fromFile.sequencedKeySet().getLast();
            }
        }
        String current = choose(properties.currentKey(), fileCurrent, masters, "current-key");
        String index = choose(properties.indexKey(), fileIndex, masters, "index-key");
        return new Keyring(masters, current, index);
    }

    /** For tests: one key by id. */
    static Keyring of(String id, byte[] master) {
        return new Keyring(Map.of(id, master), id, id);
    }

    String currentId() {
        return currentId;
    }

    /** The key for a cipher derived from the master key with this id, or {@link SealBroken} if there is none. */
    byte[] cipherKey(String id, SealCipher cipher) {
        byte[] master = masters.get(id);
        if (master == null) {
            throw new SealBroken("this node holds no key with id '" + id + "'");
        }
        return cipherKeys.computeIfAbsent(id + '\n' + cipher.label(),
                k -> derive(master, "yimen/privacy/" + cipher.label(), cipher.keyBytes())).clone();
    }

    /** An HMAC-SHA256 under the index key, ready to use: a copy of one initialised once. */
    Mac indexMac() {
        try {
            return (Mac) indexMac.clone();
        } catch (CloneNotSupportedException e) {
            return newIndexMac(indexKey);
        }
    }

    private static Mac newIndexMac(byte[] key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Marks the index key among the fingerprints: nodes must also agree on which key the index comes from. */
    static final String INDEX_FINGERPRINT_ID = "#index";

    /**
     * A fingerprint per key id, and one of the index key under {@link #INDEX_FINGERPRINT_ID}: HMAC-SHA256 of a fixed
     * label under a key derived for this purpose alone, so it tells keys apart without revealing anything of them.
     */
    Map<String, String> fingerprints() {
        var fingerprints = new java.util.TreeMap<String, String>();
        masters.forEach((id, master) -> fingerprints.put(id, fingerprint(derive(master, FINGERPRINT_LABEL,
                KEY_BYTES))));
        fingerprints.put(INDEX_FINGERPRINT_ID, fingerprint(derive(indexKey, FINGERPRINT_LABEL, KEY_BYTES)));
        return fingerprints;
    }

    private static final String FINGERPRINT_LABEL = "yimen/privacy/fingerprint";

    private static String fingerprint(byte[] key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(
                    "yimen personal-data key".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(where + " must be " + KEY_BYTES + " random bytes in base64, not "
                    + key.length + " bytes (make one with: openssl rand -base64 32)");
        }
        return key;
    }

    private static void put(Map<String, byte[]> masters, String id, byte[] key) {
        if (masters.putIfAbsent(id, key) != null) {
            throw new IllegalStateException("yimen.privacy: the key id '" + id + "' is given twice");
        }
    }

    private static String choose(@Nullable String configured, @Nullable String fromFile, Map<String, byte[]> masters,
            String setting) {
        if (configured != null && !configured.isBlank()) {
            if (!masters.containsKey(configured)) {
                throw new IllegalStateException("yimen.privacy." + setting + " names '" + configured
                        + "', but the keys are " + masters.keySet());
            }
            return configured;
        }
        if (masters.size() == 1) {
            return masters.keySet().iterator().next();
        }
        if (fromFile != null) {
            return fromFile;
        }
        throw new IllegalStateException("yimen.privacy holds several keys " + masters.keySet() + ": set yimen.privacy."
                + setting + " to say which one to use");
    }

    private static byte[] derive(byte[] master, String label, int length) {
        var hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(master, null, label.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }
}
