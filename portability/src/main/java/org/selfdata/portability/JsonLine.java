package org.selfdata.portability;

import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeLimits;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * One line of a JSON Lines part, read as named values, with errors that name the part, the line and the field.
 *
 * <p>Nested objects are kept as the exact bytes of the line that hold them, because a record's payload must come
 * back byte for byte: parsing it into numbers and writing it again could change {@code 1000.50} into {@code 1000.5}.
 * Arrays hold objects, each read as a line of its own (a record's earlier versions).
 */
final class JsonLine {
    private sealed interface Value {}

    private record Text(String value) implements Value {}

    private record WholeNumber(long value) implements Value {}

    private record RawObject(byte[] json) implements Value {}

    private record ObjectList(List<JsonLine> elements) implements Value {}

    /** Any other JSON value (a fraction, a boolean, null): no field of an archive line holds one. */
    private record Other() implements Value {}

    private final String part;
    private final long line;
    private final Map<String, Value> values;

    private JsonLine(String part, long line, Map<String, Value> values) {
        this.part = part;
        this.line = line;
        this.values = values;
    }

    static JsonLine parse(String part, long line, byte[] json) {
        requireNonNull(part, "part is null");
        try (JsonParser parser = ArchiveJson.parser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw InvalidArchive.line(part, line, Wording.of("error.portability.notJsonObject"));
            }
            JsonLine object = readObject(parser, json, part, line);
            if (parser.nextToken() != null) {
                throw InvalidArchive.line(part, line, Wording.of("error.portability.severalJsonObjects"));
            }
            return object;
        }
        catch (JacksonException e) {
            throw InvalidArchive.line(part, line,
                    Wording.of("error.portability.notJsonAt", Integer.toString(e.getLocation().getColumnNr())), e);
        }
    }

    private static JsonLine readObject(JsonParser parser, byte[] json, String part, long line) {
        Map<String, Value> values = new HashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            values.put(name, readValue(parser, parser.nextToken(), json, part, line));
        }
        return new JsonLine(part, line, values);
    }

    private static Value readValue(JsonParser parser, JsonToken token, byte[] json, String part, long line) {
        return switch (token) {
            case VALUE_STRING -> new Text(parser.getString());
            case VALUE_NUMBER_INT -> new WholeNumber(parser.getLongValue());
            case START_OBJECT -> {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                yield new RawObject(Arrays.copyOfRange(json, start, (int) parser.currentLocation().getByteOffset()));
            }
            case START_ARRAY -> readObjects(parser, json, part, line);
            case VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL, VALUE_EMBEDDED_OBJECT -> new Other();
            case NOT_AVAILABLE, END_OBJECT, END_ARRAY, PROPERTY_NAME ->
                    throw InvalidArchive.line(part, line, Wording.of("error.portability.notJson"));
        };
    }

    private static ObjectList readObjects(JsonParser parser, byte[] json, String part, long line) {
        String name = parser.currentName();
        List<JsonLine> elements = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw InvalidArchive.line(part, line,
                        Wording.of("error.portability.fieldObjectList", InvalidArchive.quotable(name)));
            }
            elements.add(readObject(parser, json, part, line));
        }
        return new ObjectList(elements);
    }

    /** Refuses fields this version of the format does not have, as {@code PayloadCodec} does for payloads. */
    void allowOnly(Set<String> names) {
        for (String name : values.keySet()) {
            if (!names.contains(name)) {
                throw invalid(Wording.of("error.portability.unknownField", InvalidArchive.quotable(name)));
            }
        }
    }

    String text(String name) {
        return switch (required(name)) {
            case Text text -> text.value();
            case WholeNumber _, RawObject _, ObjectList _, Other _ -> throw invalid(Wording.of("error.portability.fieldString",
                    name));
        };
    }

    /** A string that may be left out. */
    Optional<String> optionalText(String name) {
        return values.containsKey(name) ? Optional.of(text(name)) : Optional.empty();
    }

    /** Whether the line has this field at all. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    long number(String name) {
        return switch (required(name)) {
            case WholeNumber number -> number.value();
            case Text _, RawObject _, ObjectList _, Other _ -> throw invalid(Wording.of("error.portability.fieldWholeNumber",
                    name));
        };
    }

    int positiveInt(String name) {
        long value = number(name);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw invalid(Wording.of("error.portability.fieldPositive", name, Integer.toString(Integer.MAX_VALUE)));
        }
        return (int) value;
    }

    Instant instant(String name) {
        return TimeLimits.instant(text(name)).orElseThrow(() -> invalid(Wording.of("error.portability.fieldInstant", name)));
    }

    /** The exact bytes of a nested object, as they stand in the line. */
    byte[] object(String name) {
        return switch (required(name)) {
            case RawObject object -> object.json();
            case Text _, WholeNumber _, ObjectList _, Other _ -> throw invalid(Wording.of("error.portability.fieldObject", name));
        };
    }

    /** The objects of a list that may be left out; an absent list is an empty one. */
    List<JsonLine> objects(String name) {
        Value value = values.get(name);
        if (value == null) {
            return List.of();
        }
        return switch (value) {
            case ObjectList objects -> objects.elements();
            case Text _, WholeNumber _, RawObject _, Other _ -> throw invalid(Wording.of("error.portability.fieldObjectList",
                    name));
        };
    }

    /** Builds a model object from values already read, turning the model's refusal into one that names the line. */
    <T> T built(Supplier<T> construction) {
        return InvalidArchive.built(part, line, construction);
    }

    /** A model object's refusal of what this line holds, naming the line. */
    SelfdataException invalid(SelfdataException refusal) {
        return InvalidArchive.line(part, line, refusal);
    }

    SelfdataException invalid(Wording problem) {
        return InvalidArchive.line(part, line, problem);
    }

    SelfdataException invalid(String problem) {
        return InvalidArchive.line(part, line, problem);
    }

    SelfdataException invalid(String problem, Throwable cause) {
        return InvalidArchive.line(part, line, problem, cause);
    }

    private Value required(String name) {
        Value value = values.get(name);
        if (value == null) {
            throw invalid(Wording.of("error.portability.fieldMissing", name));
        }
        return value;
    }
}
