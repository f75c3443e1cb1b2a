package org.selfdata.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The balance a person's main account currency is expected to have each day ahead, with how far it may stray, the
 * payments and income due, and the stretch where it goes lowest. With too little history there are no days at all: a
 * guess is not shown as a forecast.
 *
 * @param currency the currency with the most bank lines; flows in other currencies are left out
 * @param asOf the day the forecast is made from: the latest line's, unless an earlier day was asked
 * @param horizon how many days ahead, from the day after {@code asOf}
 * @param enoughHistory whether the lines span {@link RecurringFlows#ENOUGH_DAYS} days, without which nothing is forecast
 * @param fromStatement whether {@code opening} comes from the balances the statements gave; when false it is zero and
 *        the days say how the balance changes from {@code asOf}, not what it is
 * @param opening the balance at the end of {@code asOf}
 * @param trend what the lines outside every recurring flow add each day, on average, and how much that varies
 * @param dues the recurring payments and income expected in the days ahead, by day
 * @param days one per day ahead, in order
 * @param lowest the stretch where the expected balance is lowest, and why, when there are days
 */
public record ForecastDays(String currency, LocalDate asOf, int horizon, boolean enoughHistory, boolean fromStatement,
        BigDecimal opening, Trend trend, List<Due> dues, List<Day> days, Optional<Low> lowest) {
    public ForecastDays {
        requireNonNull(currency, "currency is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(opening, "opening is null");
        requireNonNull(trend, "trend is null");
        dues = List.copyOf(dues);
        days = List.copyOf(days);
        requireNonNull(lowest, "lowest is null");
    }

    /** The horizons a forecast is made for: a month, two and three. */
    public static final List<Integer> HORIZONS = List.of(30, 60, 90);

    /**
     * The day-to-day spending and income that follow no schedule, over the days before {@code asOf}.
     *
     * @param perDay their net sum per day, on average: negative when they spend
     * @param spreadPerDay the standard deviation of one day's net sum, from which the band widens as the square root of
     *        the days ahead, as independent days add up
     * @param fromDays how many days it was measured over: the ninety before the forecast's first, or fewer when the
     *        lines begin later
     */
    public record Trend(BigDecimal perDay, BigDecimal spreadPerDay, int fromDays) {
        public Trend {
            requireNonNull(perDay, "perDay is null");
            requireNonNull(spreadPerDay, "spreadPerDay is null");
        }
    }

    /**
     * A recurring payment or income expected on a day, with the amount it usually has and its range. A payment whose date
     * had just passed, within the period's tolerance, is due on the first day ahead.
     *
     * @param payee the flow's payee, or the person's own name for it when they gave one
     * @param late its date had passed on {@code asOf} by more than the period's tolerance: it is listed on the first day
     *        ahead and widens the band by its highest amount, but the expected balance does not count on it
     */
    public record Due(LocalDate day, String payee, boolean income, BigDecimal typical, BigDecimal lowest, BigDecimal highest,
            RecurringFlow.Confidence.Level confidence, boolean late) {
        public Due {
            requireNonNull(day, "day is null");
            requireNonNull(payee, "payee is null");
            requireNonNull(typical, "typical is null");
            requireNonNull(lowest, "lowest is null");
            requireNonNull(highest, "highest is null");
            requireNonNull(confidence, "confidence is null");
        }

        /** Its effect on the balance: negative for a payment. */
        public BigDecimal signed() {
            return income ? typical : typical.negate();
        }
    }

    /**
     * The balance at the end of a day: {@code expected}, and the band it should stay in, {@code low} to {@code high}, from
     * the dues' ranges so far and the trend's spread, about four times in five.
     */
    public record Day(LocalDate day, BigDecimal expected, BigDecimal low, BigDecimal high) {
        public Day {
            requireNonNull(day, "day is null");
            requireNonNull(expected, "expected is null");
            requireNonNull(low, "low is null");
            requireNonNull(high, "high is null");
        }
    }

    /**
     * Where the balance goes lowest: from the payment that brings it there to the day before the next due, with the
     * {@code payments} due since the latest income that led to it, and the income that lifts it again, its
     * {@code relief}, if one is due: rent on the 5th before the grant on the 10th.
     *
     * @param bandLow the band's low on the lowest day: how low it could go
     */
    public record Low(LocalDate from, LocalDate to, BigDecimal balance, BigDecimal bandLow, List<Due> payments,
            Optional<Due> relief) {
        public Low {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            requireNonNull(balance, "balance is null");
            requireNonNull(bandLow, "bandLow is null");
            payments = List.copyOf(payments);
            requireNonNull(relief, "relief is null");
        }
    }
}
