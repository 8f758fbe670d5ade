package org.yimen.privacy;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal-data settings ({@code yimen.privacy.*}); see the package documentation for how keys are found and rotated.
 *
 * @param cipher what seals new values: {@code AES-GCM} (AES-256-GCM, the default) or {@code SM4-GCM} (商用密码);
 *     values sealed with the other stay readable, since each carries its algorithm
 * @param key one base64 key of 32 random bytes, known by the id {@code default}
 * @param keys any number of base64 keys by id ({@code yimen.privacy.keys.k2=…}), for rotation
 * @param keyFile a file of {@code id=base64} lines; the last line seals new values and the first derives the index key
 * @param currentKey the id of the key that seals new values, when there is more than one and no file says which
 * @param indexKey the id of the key the look-up index is derived from, when there is more than one and no file says
 */
@ConfigurationProperties("yimen.privacy")
record PrivacyProperties(@DefaultValue("AES-GCM") SealCipher cipher, @Nullable String key,
        @DefaultValue Map<String, String> keys, @Nullable Path keyFile, @Nullable String currentKey,
        @Nullable String indexKey) {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    PrivacyProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        for (String id : keys.keySet()) {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("yimen.privacy.keys: a key id is 1 to 32 letters, digits, _ or -,"
                        + " not '" + id + "'");
            }
        }
    }

    static PrivacyProperties defaults() {
        return new PrivacyProperties(SealCipher.AES_GCM, null, Map.of(), null, null, null);
    }
}
