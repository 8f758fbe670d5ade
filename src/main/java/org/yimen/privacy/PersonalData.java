package org.yimen.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.AuditTrail;
import org.yimen.shared.IdentityDocument;

/**
 * Seals personal data (个人信息) for storage and opens it again. A sealed value is encrypted with an authenticated
 * cipher under a fresh 96-bit nonce and carries a small header (format version, cipher, key id), so it stays readable
 * after the configured cipher or the current key changes. Beside it goes a keyed hash of the normalised value, the
 * look-up index, so a value can be found without decrypting anything.
 *
 * <p>Showing a full value to a person is a {@link #reveal reveal}: it needs a stated {@link Purpose} and leaves a
 * {@code privacy.revealed} record in the audit trail. The caller checks that the person's role needs the value.
 */
@Service
public class PersonalData {

    static final int FORMAT_VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final String REVEALED = "privacy.revealed";

    private static final SecureRandom random = new SecureRandom();

    private final PrivacyProperties properties;
    private final Path defaultKeyFile;
    private final @Nullable AuditTrail audit;
    private volatile @Nullable Keyring keyring;

    @Autowired
    PersonalData(PrivacyProperties properties, @Value("${yimen.data-dir:./data}") Path dataDir, AuditTrail audit) {
        this.properties = properties;
        this.defaultKeyFile = dataDir.resolve("keys").resolve("privacy.key");
        this.audit = audit;
    }

    /** Without Spring and without the audit trail, for tests and tools that only seal and open. */
    PersonalData(PrivacyProperties properties, Path defaultKeyFile) {
        this.properties = properties;
        this.defaultKeyFile = defaultKeyFile;
        this.audit = null;
    }

    /** Encrypts a value with the configured cipher and the current key, and computes its look-up index. */
    public Sealed seal(String plaintext) {
        Keyring keys = keyring();
        SealCipher cipher = properties.cipher();
        byte[] id = keys.currentId().getBytes(StandardCharsets.US_ASCII);
        byte[] header = ByteBuffer.allocate(3 + id.length).put((byte) FORMAT_VERSION).put((byte) cipher.code())
                .put((byte) id.length).put(id).array();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] body = cipher.apply(true, keys.cipherKey(keys.currentId(), cipher), nonce, header,
                plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = ByteBuffer.allocate(header.length + nonce.length + body.length).put(header).put(nonce)
                .put(body).array();
        return new Sealed(sealed, index(plaintext));
    }

    /** Decrypts a sealed value, whatever cipher and key (held by this node) sealed it; anything else is refused. */
    public String open(byte[] ciphertext) {
        if (ciphertext.length < 3 || ciphertext[0] != FORMAT_VERSION) {
            throw new SealBroken("not a sealed value of format " + FORMAT_VERSION);
        }
        SealCipher cipher = SealCipher.ofCode(ciphertext[1]);
        int idLength = ciphertext[2];
        int headerLength = 3 + idLength;
        if (idLength < 1 || ciphertext.length < headerLength + NONCE_BYTES + SealCipher.TAG_BITS / 8) {
            throw new SealBroken("the value is cut short");
        }
        String id = new String(ciphertext, 3, idLength, StandardCharsets.US_ASCII);
        byte[] header = Arrays.copyOfRange(ciphertext, 0, headerLength);
        byte[] nonce = Arrays.copyOfRange(ciphertext, headerLength, headerLength + NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(ciphertext, headerLength + NONCE_BYTES, ciphertext.length);
        byte[] plain = cipher.apply(false, keyring().cipherKey(id, cipher), nonce, header, body);
        return new String(plain, StandardCharsets.UTF_8);
    }

    /**
     * The look-up index of a value: HMAC-SHA256 under the blind-index key, in hex, of the value with spaces removed
     * and letters upper-cased (so {@code 52010219900101123x} and {@code 52010219900101123X} are found as one).
     */
    public String index(String plaintext) {
        return HexFormat.of().formatHex(keyring().indexMac().doFinal(IdentityDocument.normalise(plaintext)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Opens a value to show it in full to the signed-in person, recording in the audit trail (in the caller's
     * transaction) who read which field of which target and why; the value itself is never recorded. The caller has
     * already checked that the person's role needs the value.
     */
    @Transactional
    public String reveal(byte[] ciphertext, String targetType, Object targetId, String field, Purpose purpose) {
        String value = open(ciphertext);
        if (audit == null) {
            throw new IllegalStateException("revealing needs the audit trail");
        }
        audit.record(REVEALED, targetType, targetId, Map.of("field", field, "purpose", purpose.text()));
        return value;
    }

    /** Fingerprints of the keys this node holds (see {@link Keyring#fingerprints()}). */
    java.util.Map<String, String> keyFingerprints() {
        return keyring().fingerprints();
    }

    private Keyring keyring() {
        Keyring keys = keyring;
        if (keys == null) {
            synchronized (this) {
                keys = keyring;
                if (keys == null) {
                    keys = Keyring.load(properties, defaultKeyFile);
                    keyring = keys;
                }
            }
        }
        return keys;
    }
}
