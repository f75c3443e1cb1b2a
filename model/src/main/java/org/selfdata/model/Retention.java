package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** Retention periods are whole days, at least one and at most a hundred years: what a person can read and compare. */
final class Retention {
    static final long MAXIMUM_DAYS = 36_500;

    private Retention() {}

    static Duration require(Duration retention, Wording field) {
        requireNonNull(retention, field.key() + " is null");
        long days = retention.toDays();
        if (days < 1 || days > MAXIMUM_DAYS || !retention.equals(Duration.ofDays(days))) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.retentionDays", field, Long.toString(MAXIMUM_DAYS)));
        }
        return retention;
    }
}
