package org.selfdata.vault;

import org.selfdata.model.RecordId;
import org.selfdata.model.RecordTime;
import org.selfdata.model.TimeLimits;
import org.selfdata.model.TimeSpan;

import java.time.Instant;

/**
 * How a record's time is kept in {@code time_start} and {@code time_end}: as epoch milliseconds, and for a record
 * without a time as {@link RecordId#UNTIMED_MILLIS} in both, a millisecond after {@link TimeLimits}. Ordered by start,
 * such records come after every timed one; a time window, which ends within the limits, never reaches them, and a
 * window open at its end says so in its scan ({@link TypeScan}).
 *
 * <p>Vaults before version 10 kept these records at 1970-01-01T00:00:00Z, and their payloads are sealed and their
 * fingerprints computed with that start. Sealing and fingerprinting go on using 0 for a record without a time, so that
 * the records migration V10 moved still open, and importing their file again still finds them.
 */
final class TimeColumns {
    /** The coverage of records none of which has a time: least and greatest leave both ends to the first timed one. */
    static final long NO_FIRST_START = RecordId.UNTIMED_MILLIS;
    static final long NO_LAST_END = TimeLimits.START.toEpochMilli();

    private TimeColumns() {}

    static long startMillis(RecordTime time) {
        return RecordId.startMillis(time);
    }

    static long endMillis(RecordTime time) {
        return switch (time) {
            case TimeSpan span -> span.endMillis();
            case RecordTime.Untimed untimed -> RecordId.UNTIMED_MILLIS;
        };
    }

    /** The start a record's payload is sealed and fingerprinted with. */
    static long sealedStartMillis(long startMillis) {
        return startMillis == RecordId.UNTIMED_MILLIS ? 0 : startMillis;
    }

    /** The end a record's fingerprint is computed with. */
    static long sealedEndMillis(long endMillis) {
        return endMillis == RecordId.UNTIMED_MILLIS ? 0 : endMillis;
    }

    /** The time a row's columns hold. */
    static RecordTime time(long startMillis, long endMillis) {
        if (startMillis == RecordId.UNTIMED_MILLIS) {
            return RecordTime.untimed();
        }
        return startMillis == endMillis ? TimeSpan.at(Instant.ofEpochMilli(startMillis))
                : TimeSpan.ofEpochMillis(startMillis, endMillis);
    }
}
