package org.yimen.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PersonalDataTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(bytes(1));
    private static final String KEY_B = Base64.getEncoder().encodeToString(bytes(2));

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(SealCipher.class)
    void aSealedValueOpensToTheSameText(SealCipher cipher) {
        var data = data(cipher, Map.of("k1", KEY_A), null);
        Sealed sealed = data.seal("13812345678");
        assertThat(data.open(sealed.ciphertext())).isEqualTo("13812345678");
        assertThat(data.open(data.seal("张三 52010219900101123X").ciphertext())).isEqualTo("张三 52010219900101123X");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("13812345678");
        assertThat(sealed.ciphertext()[1]).isEqualTo((byte) cipher.code());
    }

    @ParameterizedTest
    @EnumSource(SealCipher.class)
    void anyChangedByteIsRefusedByTheAuthenticationTag(SealCipher cipher) {
        var data = data(cipher, Map.of("k1", KEY_A), null);
        byte[] sealed = data.seal("13812345678").ciphertext();
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> data.open(tampered)).as("byte %d changed", i).isInstanceOf(SealBroken.class)
                    .hasMessageNotContaining("13812345678");
        }
        assertThatThrownBy(() -> data.open(java.util.Arrays.copyOf(sealed, sealed.length - 1)))
                .isInstanceOf(SealBroken.class);
    }

    @Test
    void everySealUsesAFreshNonce() {
        var data = data(SealCipher.AES_GCM, Map.of("k1", KEY_A), null);
        assertThat(data.seal("13812345678").ciphertext()).isNotEqualTo(data.seal("13812345678").ciphertext());
    }

    @Test
    void theIndexIsStableNormalisedKeyedAndUnlikeThePlaintext() {
        var data = data(SealCipher.AES_GCM, Map.of("k1", KEY_A), null);
        String index = data.index("52010219900101123X");
        assertThat(index).matches("[0-9a-f]{64}").doesNotContain("52010219900101123");
        assertThat(data.index(" 52010219900101123x ")).isEqualTo(index);
        assertThat(data.seal("52010219900101123X").index()).isEqualTo(index);
        assertThat(data.index("52010219900101124X")).isNotEqualTo(index);
        assertThat(data(SealCipher.AES_GCM, Map.of("k1", KEY_B), null).index("52010219900101123X"))
                .isNotEqualTo(index);
        // SM4 seals with the same key give the same index: the index does not depend on the cipher.
        assertThat(data(SealCipher.SM4_GCM, Map.of("k1", KEY_A), null).index("52010219900101123X")).isEqualTo(index);
    }

    @Test
    void valuesSealedBeforeAKeyOrCipherChangeStayReadable() {
        var before = data(SealCipher.AES_GCM, Map.of("k1", KEY_A), null);
        byte[] old = before.seal("13812345678").ciphertext();
        var after = new PersonalData(new PrivacyProperties(SealCipher.SM4_GCM, null, Map.of("k1", KEY_A, "k2", KEY_B),
                null, "k2", "k1"), directory.resolve("unused"));
        byte[] fresh = after.seal("13987654321").ciphertext();
        assertThat(new String(fresh, 3, 2, StandardCharsets.US_ASCII)).isEqualTo("k2");
        assertThat(after.open(old)).isEqualTo("13812345678");
        assertThat(after.open(fresh)).isEqualTo("13987654321");
        assertThat(after.index("13812345678")).isEqualTo(before.index("13812345678"));
        assertThatThrownBy(() -> before.open(fresh)).isInstanceOf(SealBroken.class).hasMessageContaining("k2");
    }

    @Test
    void severalKeysWithoutSayingWhichIsCurrentAreRefused() {
        var data = data(SealCipher.AES_GCM, Map.of("k1", KEY_A, "k2", KEY_B), null);
        assertThatThrownBy(() -> data.seal("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("current-key");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithAHint() {
        var data = new PersonalData(new PrivacyProperties(SealCipher.AES_GCM, "c2hvcnQ=", Map.of(), null, null, null),
                directory.resolve("unused"));
        assertThatThrownBy(() -> data.seal("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void withoutConfiguredKeysTheKeyFileIsCreatedOnceAndReused() throws Exception {
        Path file = directory.resolve("keys").resolve("privacy.key");
        var first = new PersonalData(PrivacyProperties.defaults(), file);
        assertThat(file).doesNotExist();
        byte[] sealed = first.seal("13812345678").ciphertext();
        assertThat(file).exists();
        String content = Files.readString(file);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        var second = new PersonalData(PrivacyProperties.defaults(), file);
        assertThat(second.open(sealed)).isEqualTo("13812345678");
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(directory.resolve("keys").toFile().list()).containsExactly("privacy.key");
    }

    @Test
    void appendingAKeyToTheFileRotatesWithoutLosingOldValues() throws Exception {
        Path file = directory.resolve("privacy.key");
        Files.writeString(file, "k1=" + KEY_A + "\n");
        byte[] old = new PersonalData(PrivacyProperties.defaults(), file).seal("13812345678").ciphertext();
        Files.writeString(file, "k2=" + KEY_B + "\n", java.nio.file.StandardOpenOption.APPEND);
        var rotated = new PersonalData(PrivacyProperties.defaults(), file);
        byte[] fresh = rotated.seal("13812345678").ciphertext();
        assertThat(new String(fresh, 3, 2, StandardCharsets.US_ASCII)).isEqualTo("k2");
        assertThat(rotated.open(old)).isEqualTo("13812345678");
        assertThat(rotated.index("13812345678"))
                .isEqualTo(data(SealCipher.AES_GCM, Map.of("k1", KEY_A), null).index("13812345678"));
    }

    @Test
    void nodesRacingToCreateTheKeyFileEndWithOneKey() throws Exception {
        Path file = directory.resolve("shared").resolve("privacy.key");
        int racers = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(racers)) {
            var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    // Each racer reads the file on its own, as a separate node would.
                    return Base64.getEncoder().encodeToString(KeyFile.readOrCreate(file).values().iterator().next());
                }));
            }
            start.countDown();
            var keys = new java.util.HashSet<String>();
            for (var result : results) {
                keys.add(result.get());
            }
            assertThat(keys).hasSize(1);
        }
        assertThat(file.getParent().toFile().list()).containsExactly("privacy.key");
    }

    @Test
    void sealedValuesDoNotPrintTheirBytes() {
        var sealed = data(SealCipher.AES_GCM, Map.of("k1", KEY_A), null).seal("13812345678");
        assertThat(sealed.toString()).doesNotContain("13812345678").startsWith("Sealed[");
        assertThat(sealed).isEqualTo(new Sealed(sealed.ciphertext(), sealed.index()));
    }

    private PersonalData data(SealCipher cipher, Map<String, String> keys, String current) {
        return new PersonalData(new PrivacyProperties(cipher, null, keys, null, current, null),
                directory.resolve("unused"));
    }

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
