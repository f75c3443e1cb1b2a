package org.selfdata.model;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** Retention periods are whole days, at least one and at most a hundred years: what a person can read and compare. */
final class Retention {
    static final long MAXIMUM_DAYS = 36_500;

    private Retention() {}

    static Duration require(Duration retention, String field) {
        requireNonNull(retention, field + " is null");
        long days = retention.toDays();
        if (days < 1 || days > MAXIMUM_DAYS || !retention.equals(Duration.ofDays(days))) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    field + " must be a whole number of days, 1 to " + MAXIMUM_DAYS);
        }
        return retention;
    }
}
