package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the fields of a request's JSON object, failing with a message that names the field and what it should be.
 * Values are never quoted back: they may be personal.
 */
final class JsonFields {
    private static final int MAXIMUM_ITEMS = 200;

    private JsonFields() {}

    static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.fieldObject", field));
        }
        return node;
    }

    static String text(JsonNode parent, String field) {
        return optionalText(parent, field).orElseThrow(
                () -> new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.fieldRequiredText", field)));
    }

    static Optional<String> optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.fieldText", field));
        }
        return Optional.of(node.stringValue());
    }

    static Optional<Integer> optionalInteger(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.fieldWholeNumber", field));
        }
        return Optional.of(node.intValue());
    }

    /** A list of texts, each turned into a value; absent means empty. */
    static <T> List<T> list(JsonNode parent, String field, Function<String, T> reader) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAXIMUM_ITEMS) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.fieldTexts", field, MAXIMUM_ITEMS));
        }
        List<T> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.fieldTextsOnly", field));
            }
            values.add(reader.apply(item.stringValue()));
        }
        return values;
    }
}
