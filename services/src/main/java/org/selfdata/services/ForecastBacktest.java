package org.selfdata.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Forecasts made as of earlier days, each against the balance that came {@code horizon} days later.
 *
 * @param checks one per cut-off day that had enough history before it and enough lines after it
 */
public record ForecastBacktest(int horizon, List<Check> checks) {
    public ForecastBacktest {
        checks = List.copyOf(checks);
    }

    /** The mean of the checks' absolute errors; zero without checks. */
    public BigDecimal meanAbsoluteError() {
        return mean(checks.stream().map(Check::error).toList());
    }

    /**
     * What the same error would be for a forecast that the balance stays as it is, the measure of what the forecast adds.
     */
    public BigDecimal meanAbsoluteErrorUnchanged() {
        return mean(checks.stream().map(check -> check.actual().subtract(check.opening()).abs()).toList());
    }

    /** The mean, over the checks, of the forecast's error averaged over every day ahead, not only the horizon's. */
    public BigDecimal meanDailyError() {
        return mean(checks.stream().map(Check::dailyError).toList());
    }

    /** The same for a forecast that the balance stays as it is, which misses the rent, grant and pay in between. */
    public BigDecimal meanDailyErrorUnchanged() {
        return mean(checks.stream().map(Check::dailyErrorUnchanged).toList());
    }

    /** The share of the checks whose balance fell within the forecast's band on the horizon's day. */
    public double withinBand() {
        return checks.isEmpty() ? 0 : (double) checks.stream().filter(Check::withinBand).count() / checks.size();
    }

    private BigDecimal mean(List<BigDecimal> errors) {
        return errors.isEmpty() ? BigDecimal.ZERO : errors.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(errors.size()), 2, RoundingMode.HALF_EVEN);
    }

    /**
     * The balance forecast as of {@code cutOff} for the horizon's day, and the one the lines give.
     *
     * @param dailyError the absolute error averaged over every day ahead
     * @param dailyErrorUnchanged the same for the balance left as it is
     */
    public record Check(LocalDate cutOff, BigDecimal opening, BigDecimal forecast, BigDecimal actual, boolean withinBand,
            BigDecimal dailyError, BigDecimal dailyErrorUnchanged) {
        public Check {
            requireNonNull(cutOff, "cutOff is null");
            requireNonNull(opening, "opening is null");
            requireNonNull(forecast, "forecast is null");
            requireNonNull(actual, "actual is null");
            requireNonNull(dailyError, "dailyError is null");
            requireNonNull(dailyErrorUnchanged, "dailyErrorUnchanged is null");
        }

        public BigDecimal error() {
            return actual.subtract(forecast).abs();
        }
    }
}
