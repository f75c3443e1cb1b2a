package org.selfdata.services;

import org.selfdata.model.BankTransaction;
import org.selfdata.model.RecordId;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A period's spending in euros by month and category, the category guessed from each line's label
 * ({@link MoneyCategory}), with the lines added up. Money coming in and moved between one's own accounts weighs nothing;
 * lines in another currency are left out, the factors being per euro.
 *
 * <p>Nothing is counted twice: in a month the meter read, the energy category is left out, the supplier's bills paying
 * for the electricity the readings already count; bills that say they are for gas ({@link EnergyBill#GAS}) are counted
 * all the same, the meter reading electricity only (gas debited under a supplier's name alone, as "ENGIE", cannot be
 * told apart and goes with the electricity); in a month the
 * location history covers (points on half its days or more), the transport category is left out: tickets, fuel, tolls
 * and parking pay for trips whose kilometres are already counted. A ticket bought in one month for a trip in another is
 * counted by the month of the trip, as long as both months are covered.
 */
final class CarbonSpending {
    /** The categories that have a factor per euro. */
    static final List<MoneyCategory> COUNTED = List.of(MoneyCategory.GROCERIES, MoneyCategory.EATING_OUT,
            MoneyCategory.TRANSPORT, MoneyCategory.HOUSING, MoneyCategory.ENERGY, MoneyCategory.TELECOM, MoneyCategory.HEALTH,
            MoneyCategory.OTHER);
    static final String COVERED_BY_READINGS = "readings";
    static final String COVERED_BY_TRIPS = "trips";

    private static final class Sum {
        private BigDecimal euros = BigDecimal.ZERO;
        private final List<RecordId> lines = new ArrayList<>();
    }

    private final MoneyPeriod period;
    private final Map<YearMonth, Map<MoneyCategory, Sum>> months = new TreeMap<>();
    /** Energy bills that say they are for gas, apart: the meter reads electricity only, so its readings never cover them. */
    private final Map<YearMonth, Sum> gas = new TreeMap<>();

    CarbonSpending(MoneyPeriod period) {
        this.period = period;
    }

    void add(RecordId id, BankTransaction line) {
        if (!period.contains(line.bookingDate()) || line.amount().signum() >= 0 || !"EUR".equals(line.currency())) {
            return;
        }
        String text = line.label() + " " + line.counterparty().orElse("");
        MoneyCategory category = MoneyCategory.guess(text, false);
        if (!COUNTED.contains(category)) {
            return;
        }
        YearMonth month = YearMonth.from(line.bookingDate());
        Sum sum = category == MoneyCategory.ENERGY && EnergyBill.GAS.matcher(text.toUpperCase(Locale.ROOT)).find()
                ? gas.computeIfAbsent(month, gasMonth -> new Sum())
                : months.computeIfAbsent(month, counted -> new EnumMap<>(MoneyCategory.class))
                        .computeIfAbsent(category, counted -> new Sum());
        sum.euros = sum.euros.add(line.amount().negate());
        sum.lines.add(id);
    }

    /** The month's spending per category, each counted or, when already covered, left out saying by what. */
    List<CarbonEstimate.Spending> month(YearMonth month, CarbonFactors factors, boolean readings, boolean trips) {
        List<CarbonEstimate.Spending> spending = new ArrayList<>();
        months.getOrDefault(month, Map.of()).forEach((category, sum) -> {
            CarbonFactor factor = factors.spending(category);
            Optional<String> covered = category == MoneyCategory.ENERGY && readings ? Optional.of(COVERED_BY_READINGS)
                    : category == MoneyCategory.TRANSPORT && trips ? Optional.of(COVERED_BY_TRIPS) : Optional.empty();
            spending.add(new CarbonEstimate.Spending(category, sum.euros, covered.isPresent() ? 0
                    : factor.times(sum.euros.doubleValue()), factor, covered, sum.lines));
        });
        Optional.ofNullable(gas.get(month)).ifPresent(sum -> {
            CarbonFactor factor = factors.spending(MoneyCategory.ENERGY);
            spending.add(new CarbonEstimate.Spending(MoneyCategory.ENERGY, sum.euros, factor.times(sum.euros.doubleValue()),
                    factor, Optional.empty(), sum.lines));
        });
        return spending;
    }
}
