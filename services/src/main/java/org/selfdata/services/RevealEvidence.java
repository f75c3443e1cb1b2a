package org.selfdata.services;

import org.selfdata.model.RecordId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a conclusion rests on: how many nights, weekdays, weeks or months, bank transactions, events, contacts or trips point to
 * it out of how many were looked at, over which dates, and a few of the records behind it, each of which Explore opens.
 *
 * @param count the nights, days, weeks, months, transactions, events or contacts that point to the conclusion
 * @param outOf those it was chosen among
 * @param first the first date it rests on, if its records have dates (contacts have none)
 * @param records at most {@link #RECORDS} of the records it rests on, earliest first
 */
public record RevealEvidence(long count, long outOf, Unit unit, Optional<LocalDate> first, Optional<LocalDate> last,
        List<RecordId> records) {
    /** Enough records to check a conclusion by opening them, few enough to send. */
    public static final int RECORDS = 5;

    public enum Unit {
        NIGHTS, DAYS, WEEKS, MONTHS, TRANSACTIONS, EVENTS, CONTACTS, TRIPS
    }

    public RevealEvidence {
        requireNonNull(unit, "unit is null");
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        records = List.copyOf(records);
    }
}
