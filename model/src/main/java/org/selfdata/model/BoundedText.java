package org.selfdata.model;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Checks for the words recipients and people type into declarations and grants: each is bounded, so that a
 * registration cannot make a receipt or the log arbitrarily large. Messages name the field, never its value.
 */
final class BoundedText {
    private BoundedText() {}

    static String required(String value, String field, int maximumLength) {
        requireNonNull(value, field + " is null");
        if (value.isBlank() || value.length() > maximumLength) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    field + " must be 1 to " + maximumLength + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, field + " must not contain control characters");
        }
        return value;
    }

    static Optional<String> optional(Optional<String> value, String field, int maximumLength) {
        requireNonNull(value, field + " is null");
        value.ifPresent(text -> required(text, field, maximumLength));
        return value;
    }

    static List<String> list(List<String> values, String field, int maximumLength, int maximumSize) {
        requireNonNull(values, field + " is null");
        if (values.size() > maximumSize) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, field + " has more than " + maximumSize + " entries");
        }
        values.forEach(value -> required(value, field, maximumLength));
        return List.copyOf(values);
    }
}
