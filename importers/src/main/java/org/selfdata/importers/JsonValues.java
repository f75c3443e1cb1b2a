package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of the location exports' JSON trees, read leniently about their spelling (the iOS export writes every
 * number as a string) and strictly about their meaning. A value that is there but unreadable is a complaint naming
 * the field, which rejects the record being built; a value that is absent is empty.
 */
final class JsonValues {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    private JsonValues() {}

    static SelfdataException complaint(String field, Wording expectation) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, InvalidInput.wording(field, expectation));
    }

    /** How many elements an array has; anything else, such as an object where an array belongs, has none. */
    static int length(JsonNode array) {
        return array.isArray() ? array.size() : 0;
    }

    /** A text field; a number is read as its decimal text (device tags are numbers in some exports). */
    static Optional<String> text(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isString()) {
            return Optional.of(value.stringValue());
        }
        return value.isIntegralNumber() ? Optional.of(value.asString()) : Optional.empty();
    }

    /** A finite number, written as a JSON number or as a decimal string. */
    static Optional<Double> number(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        double number;
        if (value.isNumber()) {
            number = value.doubleValue();
        }
        else if (value.isString() && DECIMAL.matcher(value.stringValue().strip()).matches()) {
            number = Double.parseDouble(value.stringValue().strip());
        }
        else {
            throw complaint(field, Wording.of("error.json.number"));
        }
        if (!Double.isFinite(number)) {
            throw complaint(field, Wording.of("error.json.finiteNumber"));
        }
        return Optional.of(number);
    }

    /** A whole number, such as a coordinate in units of 10⁻⁷ degree or a count of minutes. */
    static Optional<Long> wholeNumber(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.longValue());
        }
        if (value.isString() && value.stringValue().strip().matches("[+-]?\\d{1,18}")) {
            return Optional.of(Long.parseLong(value.stringValue().strip()));
        }
        throw complaint(field, Wording.of("error.json.wholeNumber"));
    }

    /** An ISO 8601 date and time with its offset, such as {@code 2021-08-01T00:22:28Z}. */
    static Optional<Instant> instant(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isString()) {
            try {
                return Optional.of(OffsetDateTime.parse(value.stringValue().strip()).toInstant());
            }
            catch (DateTimeException e) {
                // reported below, without the value
            }
        }
        throw complaint(field, Wording.of("error.json.dateTime"));
    }

    /** A time in milliseconds since 1970, written as a number or a string, as older Takeout exports have it. */
    static Optional<Instant> epochMillis(JsonNode parent, String field) {
        try {
            return wholeNumber(parent, field).map(Instant::ofEpochMilli);
        }
        catch (DateTimeException e) {
            throw complaint(field, Wording.of("error.json.milliseconds"));
        }
    }
}
