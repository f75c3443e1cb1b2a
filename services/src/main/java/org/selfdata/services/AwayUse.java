package org.selfdata.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The electricity the home used while the person was away, from the meter's readings on the days the locations show
 * them away from home all day long: what stays on with nobody in (a fridge, an internet box, devices on standby, or
 * heating left on), which neither the supplier, who does not know where the person is, nor the phone, which does not
 * see the meter, can tell.
 *
 * @param days the whole days away that have readings
 * @param meanWatts the power drawn on average over those days
 * @param homeMeanWatts the power drawn on average on the days spent at home, beside it
 * @param leftOn whether the home drew more while away than appliances that are always on usually do
 *     ({@link #ALWAYS_ON_WATTS}): something may have been left on
 * @param cost what those kilowatt-hours cost at the price of the regulated tariff's base option, when the tariff table
 *     can be read
 * @param priceSource where that price comes from
 * @param periods each period away with readings, earliest first
 */
public record AwayUse(int days, double kilowattHours, double meanWatts, Optional<Double> homeMeanWatts, boolean leftOn,
        Optional<BigDecimal> cost, Optional<String> priceSource, List<Period> periods) {
    /**
     * What a home's always-on appliances draw together at most, usually: a fridge, an internet box, a water heater's
     * upkeep and devices on standby. Above it while nobody is in, something else was left on.
     */
    public static final double ALWAYS_ON_WATTS = 150;

    public AwayUse {
        requireNonNull(homeMeanWatts, "homeMeanWatts is null");
        requireNonNull(cost, "cost is null");
        requireNonNull(priceSource, "priceSource is null");
        periods = List.copyOf(periods);
    }

    /** One period away: its whole days (those between two nights away) that have readings. */
    public record Period(LocalDate first, LocalDate last, int days, double kilowattHours, double meanWatts, boolean leftOn) {
        public Period {
            requireNonNull(first, "first is null");
            requireNonNull(last, "last is null");
        }
    }
}
