package org.selfdata.texts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key that selfdata's code names in a wording has words in both languages: a key without words would fail
 * only when that error happens, which may be never in a test.
 */
class KeysInCodeTest {
    private static final Pattern NAMED = Pattern.compile("(?:Wording\\.of|\\.say|new Wording)\\(\\s*\"([^\"]+)\"");

    @Test
    void everyKeyNamedInTheCodeHasWordsInEveryLanguage() throws IOException {
        Path reactor = Path.of("").toAbsolutePath().getParent();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> modules = Files.list(reactor)) {
            modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .forEach(sources -> named.addAll(keys(sources)));
        }

        assertThat(named).as("keys named in the code").isNotEmpty();
        for (Language language : Language.values()) {
            assertThat(named).as("keys without words in %s", language.code())
                    .allSatisfy(key -> assertThat(Words.of(language).pattern(key)).as(key).isPresent());
        }
    }

    private static Set<String> keys(Path sources) {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                try {
                    Matcher matcher = NAMED.matcher(Files.readString(file));
                    while (matcher.find()) {
                        found.add(matcher.group(1));
                    }
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
