package org.selfdata.services;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One period's consumption against another's, point by point from each period's start: the first day of one against the
 * first day of the other, and so on.
 *
 * @param changePercent how much more (or less, when negative) the period used than the one it is compared with; absent
 *        when that one used nothing
 */
public record EnergyComparison(EnergySeries period, EnergySeries against, Optional<Double> changePercent) {
    public EnergyComparison {
        requireNonNull(period, "period is null");
        requireNonNull(against, "against is null");
        requireNonNull(changePercent, "changePercent is null");
    }

    static EnergyComparison of(EnergySeries period, EnergySeries against) {
        Optional<Double> change = against.kilowattHours() == 0 ? Optional.empty()
                : Optional.of((period.kilowattHours() - against.kilowattHours()) / against.kilowattHours() * 100);
        return new EnergyComparison(period, against, change);
    }
}
