package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which of the person's data a grant covers in time, as opposed to how long the grant itself lasts: a fixed stretch,
 * a window that slides with every request (the last three months), or only what happens from the grant on.
 */
public sealed interface CoveredPeriod {
    /** The earliest moment of data the grant lets through for a request made at {@code now}. */
    Instant earliest(Instant givenAt, Instant now, ZoneId zone);

    /** The moment data stops being covered, if the period has an end of its own. */
    Optional<Instant> latest();

    /** A compact term for storage and receipts: {@code between:<from>/<to>}, {@code trailing:P3M}, {@code from-grant}. */
    String term();

    /** Data between two instants, {@code from} included and {@code to} excluded. */
    record Between(Instant from, Instant to) implements CoveredPeriod {
        public Between {
            TimeLimits.require(requireNonNull(from, "from is null"), ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.time.coveredPeriod"));
            TimeLimits.require(requireNonNull(to, "to is null"), ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.time.coveredPeriod"));
            if (!from.isBefore(to)) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.coveredPeriodEndsBeforeStart"));
            }
        }

        @Override
        public Instant earliest(Instant givenAt, Instant now, ZoneId zone) {
            return from;
        }

        @Override
        public Optional<Instant> latest() {
            return Optional.of(to);
        }

        @Override
        public String term() {
            return "between:" + from + "/" + to;
        }
    }

    /** The last {@code period} before each request, counted in the person's time zone. */
    record Trailing(Period period) implements CoveredPeriod {
        private static final int MAXIMUM_YEARS = 100;

        public Trailing {
            requireNonNull(period, "period is null");
            if (period.isNegative() || period.isZero() || period.toTotalMonths() > MAXIMUM_YEARS * 12L) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.model.coveredPeriodTrailing", MAXIMUM_YEARS));
            }
        }

        @Override
        public Instant earliest(Instant givenAt, Instant now, ZoneId zone) {
            return now.atZone(zone).minus(period).toInstant();
        }

        @Override
        public Optional<Instant> latest() {
            return Optional.empty();
        }

        @Override
        public String term() {
            return "trailing:" + period;
        }
    }

    /** Only what happens from the moment the grant is given. */
    record FromGrant() implements CoveredPeriod {
        @Override
        public Instant earliest(Instant givenAt, Instant now, ZoneId zone) {
            return givenAt;
        }

        @Override
        public Optional<Instant> latest() {
            return Optional.empty();
        }

        @Override
        public String term() {
            return "from-grant";
        }
    }

    static CoveredPeriod fromGrant() {
        return new FromGrant();
    }

    static CoveredPeriod trailing(Period period) {
        return new Trailing(period);
    }

    /** Reads the form {@link #term()} writes. */
    static CoveredPeriod parse(String term) {
        requireNonNull(term, "term is null");
        try {
            if (term.equals("from-grant")) {
                return new FromGrant();
            }
            if (term.startsWith("trailing:")) {
                return new Trailing(Period.parse(term.substring("trailing:".length())));
            }
            if (term.startsWith("between:") && term.indexOf('/') > 0) {
                return new Between(Instant.parse(term.substring("between:".length(), term.indexOf('/'))),
                        Instant.parse(term.substring(term.indexOf('/') + 1)));
            }
        }
        catch (java.time.format.DateTimeParseException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.coveredPeriodUnreadable"), e);
        }
        throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.model.coveredPeriodUnknown", Terms.bounded(term)));
    }
}
