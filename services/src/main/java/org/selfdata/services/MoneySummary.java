package org.selfdata.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where money went and came from over a period, one summary per currency: amounts in different currencies are never
 * added. The currencies come in the order of how many of the period's lines they hold, the most first, so that a
 * page opens on the person's everyday accounts rather than on a currency that sorts first by its code. Spending and
 * income are positive amounts; transfers found between the person's own accounts are in neither.
 */
public record MoneySummary(MoneyPeriod period, List<String> accounts, List<Currency> currencies) {
    public static final int TOP_PAYEES = 10;

    public MoneySummary {
        requireNonNull(period, "period is null");
        accounts = List.copyOf(accounts);
        currencies = List.copyOf(currencies);
    }

    /**
     * @param accounts the accounts whose lines are in this currency, as their statements number them
     * @param lines how many of the period's lines are in this currency, own transfers included
     * @param ownTransfers lines that moved money between two of the person's accounts, left out of every total
     */
    public record Currency(String currency, List<String> accounts, long lines, List<Month> months,
            List<CategoryTotal> categories, List<PayeeTotal> payees, Balance balance, Count ownTransfers) {
        public Currency {
            requireNonNull(currency, "currency is null");
            accounts = List.copyOf(accounts);
            months = List.copyOf(months);
            categories = List.copyOf(categories);
            payees = List.copyOf(payees);
            requireNonNull(balance, "balance is null");
            requireNonNull(ownTransfers, "ownTransfers is null");
        }
    }

    public record Month(YearMonth month, BigDecimal spending, BigDecimal income) {}

    /**
     * @param name the bank's own category when it gave one, otherwise the {@link MoneyCategory#term()} of the table's guess
     * @param fromBank whether the name is the bank's
     */
    public record CategoryTotal(String name, boolean fromBank, BigDecimal spending, BigDecimal income) {}

    public record PayeeTotal(String name, BigDecimal spending, long lines) {}

    /** How many lines, and their amounts added as they are signed. */
    public record Count(long lines, BigDecimal amount) {}

    /**
     * The balance at the end of each day of the period.
     *
     * @param fromStatement true when walked back from the balances the statements gave, false when it is a running sum of
     *        the period's lines from zero, as no statement gave a balance for every account
     */
    public record Balance(boolean fromStatement, List<Day> days) {
        public Balance {
            days = List.copyOf(days);
        }
    }

    public record Day(LocalDate day, BigDecimal balance) {}
}
