package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a page says, in one language: the words shared by every page, then the page's own.
 *
 * <p>Each page keeps its words in a file of its own per language ({@code text/fr/money.properties}), so that pages can
 * grow apart without touching each other's files; a test holds both languages to the same keys. The template writes
 * the words it shows; the page's script gets them all at once, as JSON in an attribute, never as code.
 */
public final class Texts {
    private static final String FOLDER = "/org/selfdata/server/text/";

    private final Map<String, String> words;
    private final String json;

    private Texts(Map<String, String> words) {
        this.words = Map.copyOf(words);
        this.json = ApiJson.mapper().writeValueAsString(new TreeMap<>(words));
    }

    static Texts load(Language language, String page) {
        Map<String, String> words = new TreeMap<>(read(language, "common"));
        words.putAll(read(language, page));
        return new Texts(words);
    }

    static Map<String, String> read(Language language, String file) {
        String name = FOLDER + language.code() + "/" + file + ".properties";
        Properties properties = new Properties();
        try (InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(ClasspathResources.read(name)),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the server's resource " + name, e);
        }
        Map<String, String> words = new TreeMap<>();
        properties.forEach((key, value) -> words.put((String) key, (String) value));
        return words;
    }

    /** The words for a key; a missing key is a bug of ours, found by the tests that render every page. */
    public String get(String key) {
        String found = words.get(key);
        if (found == null) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the pages have no words for '" + key + "'");
        }
        return found;
    }

    /** Every word of the page, as a JSON object, for its script. */
    public String json() {
        return json;
    }
}
