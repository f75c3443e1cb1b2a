package org.selfdata.texts;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Everything selfdata says outside its pages, in one language: the messages of its errors, the names of its
 * vocabulary (record types, kinds of sources, precisions) and the command line's reports.
 *
 * <p>Messages are ICU message patterns, formatted by ICU4J in the language's locale, so that plurals and agreement
 * follow the language's own rules (French says "1 enregistrement ajouté", "0 enregistrement ajouté", "2
 * enregistrements ajoutés"; English puts 0 with the many) instead of a sentence assembled from English pieces. The
 * bundles of both languages hold the same keys, which a test checks, and every key the code names exists in them.
 */
public final class Words {
    /** The bundles, one file per concern and language, under {@code /org/selfdata/texts/<language>/}. */
    static final List<String> BUNDLES = List.of("errors", "vocabulary", "commands", "rights", "letters", "reveal");

    private static final Map<Language, Words> LOADED = load();

    private final Language language;
    private final Map<String, String> patterns;

    private Words(Language language, Map<String, String> patterns) {
        this.language = language;
        this.patterns = Map.copyOf(patterns);
    }

    /** The words of one language. */
    public static Words of(Language language) {
        return LOADED.get(requireNonNull(language, "language is null"));
    }

    /** The words of the language in which selfdata writes what has no reader yet: exception messages, logs. */
    public static Words english() {
        return of(Language.ENGLISH);
    }

    public Language language() {
        return language;
    }

    /** Says a wording: its pattern with the arguments formatted, wordings among them said first. */
    public String say(Wording wording) {
        String pattern = pattern(wording.key()).orElseThrow(() -> new IllegalStateException(
                "selfdata has no words for '" + wording.key() + "' in " + language.code()));
        Object[] arguments = wording.arguments().stream()
                .map(argument -> argument instanceof Wording inner ? say(inner) : argument)
                .toArray();
        return new MessageFormat(pattern, ULocale.forLocale(language.locale())).format(arguments);
    }

    /** Says a key with its arguments. */
    public String say(String key, Object... arguments) {
        return say(Wording.of(key, arguments));
    }

    /** The pattern of a key, for a surface that formats it later, such as a page's script. */
    public Optional<String> pattern(String key) {
        return Optional.ofNullable(patterns.get(key));
    }

    /** Every key this language has words for. */
    public Set<String> keys() {
        return patterns.keySet();
    }

    private static Map<Language, Words> load() {
        Map<Language, Words> loaded = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Map<String, String> patterns = new TreeMap<>();
            for (String bundle : BUNDLES) {
                read(language, bundle).forEach((key, pattern) -> {
                    if (patterns.put(key, pattern) != null) {
                        throw new IllegalStateException("the key '" + key + "' is in two of selfdata's bundles");
                    }
                });
            }
            loaded.put(language, new Words(language, patterns));
        }
        return loaded;
    }

    static Map<String, String> read(Language language, String bundle) {
        String name = "/org/selfdata/texts/" + language.code() + "/" + bundle + ".properties";
        try (InputStream stream = Words.class.getResourceAsStream(name)) {
            if (stream == null) {
                throw new IllegalStateException("selfdata's resource " + name + " is missing from its build");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(stream, StandardCharsets.UTF_8));
            Map<String, String> patterns = new TreeMap<>();
            properties.forEach((key, value) -> patterns.put((String) key, (String) value));
            return patterns;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read selfdata's resource " + name, e);
        }
    }
}
