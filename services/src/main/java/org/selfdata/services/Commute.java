package org.selfdata.services;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The person's journeys between home and their place of study or work over a year, from their location points, with
 * what they weigh in carbon and, when a transport pass is paid, what each journey by public transport cost: the bank
 * knows the pass, the phone the journeys, and only the two together tell the price of a ride.
 *
 * <p>A journey is a run of legs (at most {@link #LONGEST_CHANGE} apart, a wait or a change) that leaves from near one of
 * the two places and arrives near the other; it is made the way of its longest leg.
 *
 * @param from the first day looked at
 * @param to the last
 * @param kilograms the journeys' carbon, when the factors file can be read
 * @param pass the transport pass paid over those days, when one is found among the recurring payments
 */
public record Commute(LocalDate from, LocalDate to, int journeys, double kilometres, List<Way> ways,
        Optional<Double> kilograms, Optional<Pass> pass) {
    /** The longest wait between two legs of one journey. */
    public static final Duration LONGEST_CHANGE = Duration.ofMinutes(20);

    public Commute {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        ways = List.copyOf(ways);
        requireNonNull(kilograms, "kilograms is null");
        requireNonNull(pass, "pass is null");
    }

    /**
     * The journeys made one way.
     *
     * @param factor the factor per passenger-km applied, when the factors file can be read
     */
    public record Way(CarbonMode mode, int journeys, double kilometres, Optional<Double> kilograms,
            Optional<CarbonFactor> factor) {
        public Way {
            requireNonNull(mode, "mode is null");
            requireNonNull(kilograms, "kilograms is null");
            requireNonNull(factor, "factor is null");
        }
    }

    /**
     * A transport pass and what it cost per journey by public transport (tram, metro, bus or regional train).
     *
     * @param paid what was paid for it over the days looked at
     * @param perJourney {@code paid} over the journeys by public transport, when there were any
     */
    public record Pass(String payee, String currency, BigDecimal paid, int payments, Optional<BigDecimal> perJourney) {
        public Pass {
            requireNonNull(payee, "payee is null");
            requireNonNull(currency, "currency is null");
            requireNonNull(paid, "paid is null");
            requireNonNull(perJourney, "perJourney is null");
        }
    }
}
