package org.yimen.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every organisation message exists in Chinese and English, and every key belongs to the module. */
class OrgMessagesTests {

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties zh = load("i18n/org.properties");
        Properties en = load("i18n/org_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).allMatch(key -> key.startsWith("org."));
    }

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (var in = OrgMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
