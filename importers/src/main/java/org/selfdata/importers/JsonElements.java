package org.selfdata.importers;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Reads a large JSON file with Jackson's streaming parser, holding one element of its big arrays at a time as a tree.
 *
 * <p>Location exports are long arrays of small, deeply nested objects (a timeline object, a segment): walking the
 * arrays token by token keeps memory flat whatever the file's size, while reading each element whole keeps the
 * mapping of its dozen nested fields readable. Jackson's own faults (broken syntax, a truncated file) become
 * {@code INVALID_INPUT} errors naming the element and the line, without quoting the file.
 */
final class JsonElements {
    // the rest of the array follows each element: it is not a trailing token
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonElements() {}

    /** A streaming parser whose current object can be read as a tree with {@link #tree}. */
    static JsonParser parser(InputStream in) {
        return guarded("/", () -> MAPPER.createParser(in));
    }

    /** The object or array the parser stands at the start of, read whole; the parser then stands at its end. */
    static JsonNode tree(JsonParser parser) {
        return MAPPER.readTree(parser);
    }

    static <T> T guarded(String pointer, Supplier<T> step) {
        try {
            return step.get();
        }
        catch (JacksonException e) {
            throw MalformedJson.complaint(pointer, e);
        }
    }
}
