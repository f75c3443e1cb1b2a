package org.selfdata.model;

import java.util.Optional;

/**
 * When a record happened, or that it has no time at all: a contact card without a revision date, an interest an
 * advertiser lists without saying since when. A record without a time is not placed at some default instant (1970 or
 * any other): every reader of records says what it does with one that has none, through an exhaustive switch or
 * {@link #span()}.
 */
public sealed interface RecordTime permits TimeSpan, RecordTime.Untimed {
    /** The record's span, or empty when it has no time. */
    Optional<TimeSpan> span();

    /** The time of a record that has none. */
    static RecordTime untimed() {
        return Untimed.UNTIMED;
    }

    /** A record without a time. */
    enum Untimed implements RecordTime {
        UNTIMED;

        @Override
        public Optional<TimeSpan> span() {
            return Optional.empty();
        }
    }
}
