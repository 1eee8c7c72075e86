package vn.kyso.web;

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

/** Both languages say everything, and every text a template asks for by name exists in both. */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    /** A literal key: #{agencies.title} or #{tokens.pageOf(…)}; keys built from parts are not checked here. */
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

    @Test
    void theTwoLanguagesHaveTheSameKeys() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> vietnamese = load("messages_vi.properties").stringPropertyNames();
        assertThat(new TreeSet<>(vietnamese)).as("keys only in English").containsAll(english);
        assertThat(new TreeSet<>(english)).as("keys only in Vietnamese").containsAll(vietnamese);
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties vietnamese = load("messages_vi.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!vietnamese.containsKey(matcher.group(1))) {
                        missing.add(RESOURCES.relativize(file) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void vietnameseTextIsWrittenWithItsDiacritics() throws IOException {
        // A bundle saved in a legacy encoding would read back as mojibake or question marks
        String text = Files.readString(RESOURCES.resolve("messages_vi.properties"), StandardCharsets.UTF_8);
        assertThat(text).contains("Cơ quan, đơn vị", "Đăng xuất").doesNotContain("\uFFFD", "Ã");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
