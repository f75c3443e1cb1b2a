package org.selfdata.services;

import org.selfdata.model.RecordId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a conclusion rests on: how many nights, weekdays or weeks point to it out of how many were looked at, over
 * which dates, and a few of the records behind it, each of which Explore opens.
 *
 * @param count the nights, days or weeks that point to the conclusion
 * @param outOf the nights, days or weeks it was chosen among
 * @param records at most {@link #RECORDS} of the records it rests on, earliest first
 */
public record RevealEvidence(long count, long outOf, Unit unit, Optional<LocalDate> first, Optional<LocalDate> last,
        List<RecordId> records) {
    /** Enough records to check a conclusion by opening them, few enough to send. */
    public static final int RECORDS = 5;

    public enum Unit {
        NIGHTS, DAYS, WEEKS
    }

    public RevealEvidence {
        requireNonNull(unit, "unit is null");
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        records = List.copyOf(records);
    }
}
