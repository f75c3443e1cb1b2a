package org.selfdata.importers;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * What the first bytes of a JSON file show of its structure, for detection: whether it is an object or an array,
 * and the property names of the object (or of the array's first element) that the head reaches. A head is cut
 * mid-file, so parsing stops quietly where the bytes end.
 *
 * @param array whether the file is a JSON array rather than an object
 * @param keys the top-level property names seen, in file order, or those of the array's first element
 */
record JsonHead(boolean array, List<String> keys) {
    private static final JsonFactory JSON = new JsonFactory();

    JsonHead {
        keys = List.copyOf(keys);
    }

    static JsonHead of(byte[] head) {
        List<String> keys = new ArrayList<>();
        boolean array = false;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), head)) {
            JsonToken first = parser.nextToken();
            array = first == JsonToken.START_ARRAY;
            if (array) {
                first = parser.nextToken();
            }
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    keys.add(parser.currentName());
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
        }
        catch (JacksonException e) {
            // The head ends mid-value, or the file is not JSON: what was seen so far is all there is.
        }
        return new JsonHead(array, keys);
    }

    boolean has(String key) {
        return keys.contains(key);
    }
}
