package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Checks for the words recipients and people type into declarations and grants: each is bounded, so that a
 * registration cannot make a receipt or the log arbitrarily large. Messages name the field, never its value.
 */
final class BoundedText {
    private BoundedText() {}

    static String required(String value, Wording field, int maximumLength) {
        requireNonNull(value, field.key() + " is null");
        if (value.isBlank() || value.length() > maximumLength) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.textLength", field, Integer.toString(maximumLength)));
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.textControl", field));
        }
        return value;
    }

    static Optional<String> optional(Optional<String> value, Wording field, int maximumLength) {
        requireNonNull(value, field.key() + " is null");
        value.ifPresent(text -> required(text, field, maximumLength));
        return value;
    }

    static List<String> list(List<String> values, Wording field, int maximumLength, int maximumSize) {
        requireNonNull(values, field.key() + " is null");
        if (values.size() > maximumSize) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.textTooManyEntries", field, Integer.toString(maximumSize)));
        }
        values.forEach(value -> required(value, field, maximumLength));
        return List.copyOf(values);
    }
}
