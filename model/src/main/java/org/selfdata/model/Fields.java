package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Checks shared by the payload records: every text field is bounded, so that no file or push can make one
 * record arbitrarily large. Messages name the field, never its value.
 */
final class Fields {
    static final int SHORT_TEXT = 512;
    static final int LONG_TEXT = 65_536;
    static final int LIST_SIZE = 10_000;

    private Fields() {}

    /**
     * A caller's word, such as an unknown type name, fit to quote back in an error message: cut short, and
     * without control characters that could forge lines in a log.
     */
    static String quotable(String value) {
        String shortened = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }

    static String text(String value, String field, int maximumLength) {
        requireNonNull(value, field + " is null");
        if (value.length() > maximumLength) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.model.fieldTooLong", field, Integer.toString(maximumLength)));
        }
        return value;
    }

    static String requiredText(String value, String field, int maximumLength) {
        text(value, field, maximumLength);
        if (value.isBlank()) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.model.fieldEmpty", field));
        }
        return value;
    }

    static Optional<String> optionalText(Optional<String> value, String field, int maximumLength) {
        Optional<String> present = value == null ? Optional.empty() : value;
        present.ifPresent(text -> text(text, field, maximumLength));
        return present;
    }

    static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static List<String> texts(List<String> values, String field, int maximumLength) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > LIST_SIZE) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.model.fieldTooManyEntries", field, Integer.toString(LIST_SIZE)));
        }
        values.forEach(value -> text(value, field, maximumLength));
        return List.copyOf(values);
    }

    static double latitude(double value, String field) {
        if (!(value >= -90 && value <= 90)) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.model.fieldLatitude", field));
        }
        return value;
    }

    static double longitude(double value, String field) {
        if (!(value >= -180 && value <= 180)) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.model.fieldLongitude", field));
        }
        return value;
    }

    static String currency(String value, String field) {
        requireNonNull(value, field + " is null");
        if (!value.matches("[A-Z]{3}")) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.model.fieldCurrency", field));
        }
        return value;
    }
}
