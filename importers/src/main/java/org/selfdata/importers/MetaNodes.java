package org.selfdata.importers;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the fields of one element of a Meta export (a message, a post, a friend), already parsed as a small tree.
 * Every string passes through {@link Mojibake}, and blank strings count as absent: the exports write {@code ""}
 * for a missing title or text.
 */
final class MetaNodes {
    /**
     * Reads one element at a time out of a stream that goes on after it, so trailing tokens are expected; Jackson 3
     * would otherwise fail on them.
     */
    static final ObjectMapper TREES = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private MetaNodes() {}

    /**
     * Opens a file of one platform's archive with the reader its importer makes for the parser; the reader reads up
     * to its first element before the file is handed out, so that a file of the wrong shape fails here and is closed.
     */
    static ParsedFile open(InputStream in, String format, MetaPlatform platform, Function<JsonParser, RecordReader> entered) {
        JsonParser parser = TREES.createParser(in);
        return Opening.closingOnFailure(parser, () -> {
            RecordReader reader = entered.apply(parser);
            return new RecordFile(format, platform.source(), reader, parser);
        });
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Mojibake.repair(value.stringValue()));
    }

    static Optional<String> firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            Optional<String> text = text(node, field);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    /** A time in seconds since 1970, as posts, comments and friends carry it; zero means "no time". */
    static Optional<Instant> seconds(JsonNode node, String field) {
        return epoch(node.get(field)).flatMap(value -> instant(() -> Instant.ofEpochSecond(value)));
    }

    /** A time in milliseconds since 1970, as messages carry it. */
    static Optional<Instant> millis(JsonNode node, String field) {
        return epoch(node.get(field)).flatMap(value -> instant(() -> Instant.ofEpochMilli(value)));
    }

    private static Optional<Long> epoch(JsonNode value) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            return Optional.empty();
        }
        return Optional.of(value.longValue());
    }

    private static Optional<Instant> instant(java.util.function.Supplier<Instant> conversion) {
        try {
            return Optional.of(conversion.get());
        }
        catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The elements of an array field; nothing when the field is absent or not an array. */
    static List<JsonNode> elements(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    /** An object field; empty when absent or not an object. */
    static Optional<JsonNode> object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? Optional.of(value) : Optional.empty();
    }

    /** The {@code uri} of each element of the named arrays, in order: the photos, videos and files of a message or post. */
    static List<String> uris(JsonNode node, String... arrays) {
        List<String> uris = new ArrayList<>();
        for (String array : arrays) {
            for (JsonNode element : elements(node, array)) {
                if (element.isObject()) {
                    text(element, "uri").ifPresent(uris::add);
                }
            }
        }
        return uris;
    }
}
