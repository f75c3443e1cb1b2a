package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the electricity used over the latest year of readings cost, month by month, under each tariff option, and what the
 * energy debits in the bank lines leave to pay at the yearly settlement.
 *
 * @param from the start of the year before the latest reading, or of the first reading when they began later
 * @param to the end of the latest reading; with no readings at all, both are the epoch and nothing else is filled
 * @param split whether the readings are fine enough (an hour or less) to tell peak from off-peak hours: with daily or
 *        monthly readings only the base option can be priced
 * @param months the energy used each month of the person's calendar, the first and last cut at {@code from} and
 *        {@code to}
 * @param priced the costs, absent when they cannot be computed
 * @param unpriced why they cannot: no readings, or a tariff table that cannot be read (naming its line)
 * @param instalments the monthly debits of an energy supplier found among the bank lines, whatever the costs
 */
public record EnergyCosts(Instant from, Instant to, boolean split, List<MonthUse> months, Optional<Priced> priced,
        Optional<Wording> unpriced, Optional<Instalments> instalments) {
    public EnergyCosts {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        months = List.copyOf(months);
        requireNonNull(priced, "priced is null");
        requireNonNull(unpriced, "unpriced is null");
        requireNonNull(instalments, "instalments is null");
    }


    /** @param offPeakKilowattHours in the off-peak hours of the "Heures creuses" option, when the readings tell them */
    public record MonthUse(YearMonth month, double kilowattHours, Optional<Double> offPeakKilowattHours) {
        public MonthUse {
            requireNonNull(month, "month is null");
            requireNonNull(offPeakKilowattHours, "offPeakKilowattHours is null");
        }
    }

    /**
     * The costs under the table's prices, taxes included.
     *
     * @param option the person's option: the one asked for, otherwise base, {@code assumed} then saying it is a guess
     * @param kilovoltAmperes the subscribed power: the one asked for, otherwise 6 kVA, the most common
     * @param months each month's cost under each option the readings allow, the subscription counted for the days read
     * @param totals each option's cost over the period
     * @param cheapest the option that would have cost least, when the readings allow more than one to be priced
     * @param tempoDays the days of each colour counted for Tempo over the period: an estimate, since the colours are not
     *        in the readings (see {@link EnergyBill})
     * @param settlement the yearly settlement forecast, when there are a year of readings, instalments and a cost under
     *        the person's option
     */
    public record Priced(LocalDate appliesFrom, String source, TariffOption option, int kilovoltAmperes, boolean assumed,
            List<MonthCost> months, Map<TariffOption, BigDecimal> totals, Optional<TariffOption> cheapest,
            Map<TempoColour, Integer> tempoDays, Optional<Settlement> settlement) {
        public Priced {
            requireNonNull(appliesFrom, "appliesFrom is null");
            requireNonNull(source, "source is null");
            requireNonNull(option, "option is null");
            months = List.copyOf(months);
            totals = Map.copyOf(totals);
            requireNonNull(cheapest, "cheapest is null");
            tempoDays = Map.copyOf(tempoDays);
            requireNonNull(settlement, "settlement is null");
        }

        /** The person's option's cost over the period, when the readings allow it to be priced. */
        public Optional<BigDecimal> total() {
            return Optional.ofNullable(totals.get(option));
        }
    }

    public record MonthCost(YearMonth month, Map<TariffOption, BigDecimal> costs) {
        public MonthCost {
            requireNonNull(month, "month is null");
            costs = Map.copyOf(costs);
        }
    }

    /**
     * A supplier's monthly debit.
     *
     * @param monthly the amount debited each month now
     * @param paid what was debited over the period, {@code count} debits
     */
    public record Instalments(String payee, BigDecimal monthly, int count, BigDecimal paid) {
        public Instalments {
            requireNonNull(payee, "payee is null");
            requireNonNull(monthly, "monthly is null");
            requireNonNull(paid, "paid is null");
        }
    }

    /**
     * If the coming year uses what the last one did and the debits stay as they are.
     *
     * @param balance {@code cost} less {@code instalments}: owed at the settlement when positive, paid back when negative
     */
    public record Settlement(BigDecimal cost, BigDecimal instalments, BigDecimal balance) {
        public Settlement {
            requireNonNull(cost, "cost is null");
            requireNonNull(instalments, "instalments is null");
            requireNonNull(balance, "balance is null");
        }
    }
}
