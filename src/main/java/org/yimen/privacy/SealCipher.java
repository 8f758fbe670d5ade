package org.yimen.privacy;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The authenticated ciphers a value can be sealed with. The code is written into every sealed value, so it must never
 * change for an existing constant.
 */
enum SealCipher {

    /** AES-256-GCM through the JDK (hardware-accelerated on common servers). */
    AES_GCM(1, "AES-256-GCM", 32) {
        @Override
        byte[] apply(boolean encrypt, byte[] key, byte[] nonce, byte[] header, byte[] input) {
            try {
                Cipher cipher = Ciphers.AES_GCM.get();
                cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(header);
                return cipher.doFinal(input);
            } catch (AEADBadTagException e) {
                throw new SealBroken("the sealed value was altered or sealed with another key");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available", e);
            }
        }
    },

    /** SM4-GCM (GB/T 32907, 商用密码) through Bouncy Castle's lightweight API, so no JCE provider is installed. */
    SM4_GCM(2, "SM4-GCM", 16) {
        @Override
        byte[] apply(boolean encrypt, byte[] key, byte[] nonce, byte[] header, byte[] input) {
            var gcm = GCMBlockCipher.newInstance(new SM4Engine());
            gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, header));
            byte[] output = new byte[gcm.getOutputSize(input.length)];
            int length = gcm.processBytes(input, 0, input.length, output, 0);
            try {
                length += gcm.doFinal(output, length);
            } catch (InvalidCipherTextException e) {
                throw new SealBroken("the sealed value was altered or sealed with another key");
            }
            return length == output.length ? output : java.util.Arrays.copyOf(output, length);
        }
    };

    static final int TAG_BITS = 128;

    /**
     * One JDK cipher object per thread: looking one up costs more than sealing a phone number, and each use
     * initialises it afresh with its own key and nonce.
     */
    private static final class Ciphers {

        static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
            try {
                return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available", e);
            }
        });
    }

    private final int code;
    private final String label;
    private final int keyBytes;

    SealCipher(int code, String label, int keyBytes) {
        this.code = code;
        this.label = label;
        this.keyBytes = keyBytes;
    }

    /** Encrypts or decrypts {@code input}, authenticating {@code header} as well; a failed check is {@link SealBroken}. */
    abstract byte[] apply(boolean encrypt, byte[] key, byte[] nonce, byte[] header, byte[] input);

    int code() {
        return code;
    }

    /** The name used in key derivation; part of every derived key, so never change it. */
    String label() {
        return label;
    }

    int keyBytes() {
        return keyBytes;
    }

    static SealCipher ofCode(int code) {
        for (SealCipher cipher : values()) {
            if (cipher.code == code) {
                return cipher;
            }
        }
        throw new SealBroken("unknown cipher " + code);
    }
}
