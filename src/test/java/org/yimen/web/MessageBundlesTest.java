package org.yimen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every visible string comes from the message bundles: Chinese and English bundles hold the same keys, templates use
 * only keys that exist, and no template carries literal text or literal accessible names.
 */
class MessageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern NOT_WORDS = Pattern.compile("[\\p{P}\\p{S}\\p{N}\\s]*");
    private static final List<String> TEXT_ATTRIBUTES = List.of("alt", "title", "placeholder", "aria-label");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        for (Path chinese : bundles()) {
            Path english = chinese.resolveSibling(chinese.getFileName().toString().replace(".properties",
                    "_en.properties"));
            assertThat(english).as("English bundle beside " + chinese).exists();
            assertThat(load(english).stringPropertyNames()).as(english.toString())
                    .containsExactlyInAnyOrderElementsOf(load(chinese).stringPropertyNames());
        }
    }

    @Test
    void templatesUseOnlyKeysThatExist() throws IOException {
        Set<String> keys = new HashSet<>();
        for (Path bundle : bundles()) {
            keys.addAll(load(bundle).stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            var matcher = STATIC_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!keys.contains(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).as("message keys used in templates but missing from the bundles").isEmpty();
    }

    @Test
    void templatesCarryNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            var document = Jsoup.parse(Files.readString(template));
            for (Element element : document.getAllElements()) {
                if (isTranslated(element) || element.tagName().equals("script") || element.tagName().equals("style")
                        || element.hasAttr("lang")) {
                    continue;
                }
                String text = element.ownText().strip();
                if (!NOT_WORDS.matcher(text).matches()) {
                    literals.add(TEMPLATES.relativize(template) + " <" + element.tagName() + ">: " + text);
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    String value = element.attr(attribute).strip();
                    if (!value.isEmpty() && !NOT_WORDS.matcher(value).matches()) {
                        literals.add(TEMPLATES.relativize(template) + " @" + attribute + ": " + value);
                    }
                }
            }
        }
        assertThat(literals).as("literal text in templates (use th:text with a message key)").isEmpty();
    }

    /** Text inside an element whose content Thymeleaf replaces is only a design-time placeholder. */
    private static boolean isTranslated(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:errors") || ((e.hasAttr("th:replace") || e.hasAttr("th:insert"))
                    && !e.tagName().equals("html"))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(p -> p.toString().endsWith(".properties") && !p.toString().contains("_"))
                    .sorted().toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(Path bundle) throws IOException {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
