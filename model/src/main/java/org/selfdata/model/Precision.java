package org.selfdata.model;

import static java.util.Objects.requireNonNull;

/**
 * How much detail a grant lets through, one dimension per kind of field: where, how much, when, and who.
 *
 * <p>A record's fields are classed by kind (a coordinate is a location, a bank amount an amount, a start time a time,
 * an IBAN an identifier), and each kind is reduced to its dimension's precision before anything is serialized. Free
 * text is not a dimension: it is left out unless a grant names the field.
 */
public record Precision(LocationPrecision location, AmountPrecision amount, TimePrecision time,
                        IdentifierPrecision identifiers) {
    public static final Precision EXACT = new Precision(LocationPrecision.EXACT, AmountPrecision.EXACT, TimePrecision.EXACT,
            IdentifierPrecision.CLEAR);

    public Precision {
        requireNonNull(location, "location is null");
        requireNonNull(amount, "amount is null");
        requireNonNull(time, "time is null");
        requireNonNull(identifiers, "identifiers is null");
    }

    /** True when no dimension of this precision tells more than the same dimension of {@code ceiling}. */
    public boolean isAtMost(Precision ceiling) {
        return location.isAtMost(ceiling.location) && amount.isAtMost(ceiling.amount) && time.isAtMost(ceiling.time)
                && identifiers.isAtMost(ceiling.identifiers);
    }

    /** Each dimension at the coarser of this precision and {@code ceiling}: what a declaration can justify. */
    public Precision atMost(Precision ceiling) {
        return new Precision(
                location.isAtMost(ceiling.location) ? location : ceiling.location,
                amount.isAtMost(ceiling.amount) ? amount : ceiling.amount,
                time.isAtMost(ceiling.time) ? time : ceiling.time,
                identifiers.isAtMost(ceiling.identifiers) ? identifiers : ceiling.identifiers);
    }

    public Precision withLocation(LocationPrecision newLocation) {
        return new Precision(newLocation, amount, time, identifiers);
    }

    public Precision withAmount(AmountPrecision newAmount) {
        return new Precision(location, newAmount, time, identifiers);
    }

    public Precision withTime(TimePrecision newTime) {
        return new Precision(location, amount, newTime, identifiers);
    }

    public Precision withIdentifiers(IdentifierPrecision newIdentifiers) {
        return new Precision(location, amount, time, newIdentifiers);
    }

    /** A short description for people and the log, such as {@code location region, amounts exact, time day}. */
    public String describe() {
        return "location " + location.term() + ", amounts " + amount.term() + ", time " + time.term()
                + ", identifiers " + identifiers.term();
    }
}
