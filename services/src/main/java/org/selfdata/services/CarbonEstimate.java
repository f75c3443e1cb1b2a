package org.selfdata.services;

import org.selfdata.model.RecordId;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The carbon estimate over whole months: from the electricity the meter read, the trips the location points show, and,
 * for what neither covers, the spending by category. Every figure carries the factor it was computed with.
 *
 * @param period the months estimated
 * @param months each month of the period, in order; empty when nothing can be computed
 * @param uncomputed why nothing is computed: a factors file that cannot be read, naming its line
 * @param sureness how sure the estimate is, over the whole period
 */
public record CarbonEstimate(MoneyPeriod period, List<Month> months, Optional<Wording> uncomputed, Sureness sureness) {
    public CarbonEstimate {
        requireNonNull(period, "period is null");
        months = List.copyOf(months);
        requireNonNull(uncomputed, "uncomputed is null");
        requireNonNull(sureness, "sureness is null");
    }

    /** The kilograms of CO2 equivalent over the period. */
    public double kilograms() {
        return months.stream().mapToDouble(Month::kilograms).sum();
    }

    /**
     * One month.
     *
     * @param electricity the electricity the meter read that month, when it read any
     * @param travel the month's legs added up by way of travelling
     * @param legs the month's legs, by the month they started in
     * @param spending what was spent that month in each category counted per euro
     * @param leftOut what was spent that month in categories already covered by the readings or the trips, not counted
     */
    public record Month(YearMonth month, Optional<Electricity> electricity, List<Travel> travel, List<CarbonLeg> legs,
            List<Spending> spending, List<Spending> leftOut) {
        public Month {
            requireNonNull(month, "month is null");
            requireNonNull(electricity, "electricity is null");
            travel = List.copyOf(travel);
            legs = List.copyOf(legs);
            spending = List.copyOf(spending);
            leftOut = List.copyOf(leftOut);
        }

        public double kilograms() {
            return electricity.map(Electricity::kilograms).orElse(0.0) + travel.stream().mapToDouble(Travel::kilograms).sum()
                    + roughKilograms();
        }

        /** The part estimated from spending, per euro. */
        public double roughKilograms() {
            return spending.stream().mapToDouble(Spending::kilograms).sum();
        }
    }

    public record Electricity(double kilowattHours, double kilograms, CarbonFactor factor) {
        public Electricity {
            requireNonNull(factor, "factor is null");
        }
    }

    /**
     * @param recognizedKilometres the part of the distance whose way came from what the phone recognized
     */
    public record Travel(CarbonMode mode, int legs, double kilometres, double recognizedKilometres, double kilograms,
            CarbonFactor factor) {
        public Travel {
            requireNonNull(mode, "mode is null");
            requireNonNull(factor, "factor is null");
        }
    }

    /**
     * What was spent in a category, in euros.
     *
     * @param covered for a category left out, what already counts it: {@code readings} or {@code trips}
     * @param lines the bank lines added up
     */
    public record Spending(MoneyCategory category, BigDecimal euros, double kilograms, CarbonFactor factor,
            Optional<String> covered, List<RecordId> lines) {
        public Spending {
            requireNonNull(category, "category is null");
            requireNonNull(euros, "euros is null");
            requireNonNull(factor, "factor is null");
            requireNonNull(covered, "covered is null");
            lines = List.copyOf(lines);
        }
    }

    /**
     * How sure the estimate is: mostly measured (readings, trips whose way the phone recognized) or mostly rough.
     *
     * @param roughShare the share of the kilograms estimated per euro
     * @param recognizedShare the share of the trips' distance whose way the phone recognized rather than speed told
     */
    public record Sureness(Level level, double roughShare, double recognizedShare) {
        /** The share of rough kilograms under which an estimate is fairly sure, and over which it is rough. */
        static final double FAIRLY_ROUGH = 0.25;
        static final double MOSTLY_ROUGH = 0.6;
        /** The share of the distance recognized from which the ways of travelling are taken as known. */
        static final double RECOGNIZED = 0.8;

        public enum Level {
            FAIRLY_SURE, PARTLY_ROUGH, ROUGH, NOTHING;

            public String term() {
                return name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }

        public Sureness {
            requireNonNull(level, "level is null");
        }

        static Sureness of(double kilograms, double roughKilograms, double kilometres, double recognizedKilometres) {
            if (kilograms <= 0) {
                return new Sureness(Level.NOTHING, 0, 0);
            }
            double rough = roughKilograms / kilograms;
            double recognized = kilometres <= 0 ? 1 : recognizedKilometres / kilometres;
            Level level = rough >= MOSTLY_ROUGH ? Level.ROUGH
                    : rough < FAIRLY_ROUGH && recognized >= RECOGNIZED ? Level.FAIRLY_SURE : Level.PARTLY_ROUGH;
            return new Sureness(level, rough, kilometres <= 0 ? 0 : recognized);
        }
    }
}
