package org.yimen.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yimen.support.YimenIntegrationTest;

/** A second node that came up with a key of its own is stopped before it seals anything. */
@YimenIntegrationTest
class SharedKeysCheckTests {

    @Autowired
    SharedKeysCheck check;
    @Autowired
    PersonalData personalData;

    @Test
    void aNodeWithTheSameKeysStartsAndOneWithAnotherDefaultKeyIsRefused() {
        assertThatCode(() -> check.check(personalData.keyFingerprints())).doesNotThrowAnyException();

        byte[] other = new byte[Keyring.KEY_BYTES];
        new SecureRandom().nextBytes(other);
        var stranger = Keyring.of(personalData.keyFingerprints().keySet().stream()
                .filter(id -> !id.equals(Keyring.INDEX_FINGERPRINT_ID)).findFirst().orElseThrow(), other);

        assertThatThrownBy(() -> check.check(stranger.fingerprints())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("differs from the one the other nodes")
                .hasMessageContaining("look-up index key");
    }

    @Test
    void fingerprintsTellKeysApartWithoutRevealingThem() {
        byte[] key = new byte[Keyring.KEY_BYTES];
        var fingerprints = Keyring.of("k1", key).fingerprints();
        assertThat(fingerprints).containsOnlyKeys("k1", Keyring.INDEX_FINGERPRINT_ID);
        assertThat(fingerprints.get("k1")).hasSize(64).isNotEqualTo(java.util.HexFormat.of().formatHex(key));
        key[0] = 1;
        assertThat(Keyring.of("k1", key).fingerprints().get("k1")).isNotEqualTo(fingerprints.get("k1"));
    }
}
