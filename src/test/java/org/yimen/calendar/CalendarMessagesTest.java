package org.yimen.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message the calendar shows exists in Chinese and in English, and nothing else is in its bundles. */
class CalendarMessagesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"(calendar\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\"");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{(calendar\\.[A-Za-z0-9_.]+)[(}]");
    private static final Pattern KEY_IN_MESSAGE = Pattern.compile("'(calendar\\.[A-Za-z0-9_.]+)'");

    @Test
    void bothLanguagesHaveTheSameKeysAllInTheCalendarNamespace() throws IOException {
        Set<String> chinese = keys("calendar.properties");
        Set<String> english = keys("calendar_en.properties");

        assertThat(english).isEqualTo(chinese);
        assertThat(chinese).allMatch(key -> key.startsWith("calendar."));
    }

    @Test
    void everyKeyTheCodeAndTemplatesNameExists() throws IOException {
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/java/org/yimen/calendar"), KEY_IN_CODE, used);
        collect(Path.of("src/main/resources/templates/calendar"), KEY_IN_TEMPLATE, used);
        collect(Path.of("src/main/resources/templates/calendar"), KEY_IN_MESSAGE, used);

        assertThat(used).hasSizeGreaterThan(20);
        assertThat(keys("calendar.properties")).containsAll(used);
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    into.add(matcher.group(1));
                }
            }
        }
    }

    private static Set<String> keys(String bundle) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(bundle), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
