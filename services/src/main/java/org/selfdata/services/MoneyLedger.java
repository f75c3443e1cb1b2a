package org.selfdata.services;

import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/** What {@link Money} gathers while it reads: the period's lines in short, each account's net per day, its balances. */
final class MoneyLedger {
    private final MoneyPeriod period;
    private final List<MoneyLine> lines = new ArrayList<>();
    /** Per currency, per account, the lines' sum per booking day, from the period's first day on. */
    private final Map<String, Map<String, TreeMap<LocalDate, BigDecimal>>> nets = new TreeMap<>();
    private final Map<String, BankAccount> statements = new HashMap<>();

    MoneyLedger(MoneyPeriod period) {
        this.period = requireNonNull(period, "period is null");
    }

    void add(BankTransaction transaction) {
        if (transaction.bookingDate().isBefore(period.firstDay())) {
            return;
        }
        nets.computeIfAbsent(transaction.currency(), currency -> new TreeMap<>())
                .computeIfAbsent(transaction.account(), account -> new TreeMap<>())
                .merge(transaction.bookingDate(), transaction.amount(), BigDecimal::add);
        if (period.contains(transaction.bookingDate())) {
            lines.add(MoneyLine.of(transaction));
        }
    }

    /** Keeps each account's latest balance. */
    void add(BankAccount account) {
        if (account.balance().isEmpty() || account.balanceDate().isEmpty()) {
            return;
        }
        statements.merge(account.accountNumber(), account,
                (kept, read) -> read.balanceDate().get().isBefore(kept.balanceDate().get()) ? kept : read);
    }

    MoneySummary summary() {
        Set<Integer> ownTransfers = MoneyLine.ownTransfers(lines);
        List<MoneySummary.Currency> currencies = new ArrayList<>();
        for (String currency : nets.keySet()) {
            List<MoneyLine> inCurrency = new ArrayList<>();
            List<MoneyLine> transfers = new ArrayList<>();
            for (int index = 0; index < lines.size(); index++) {
                if (lines.get(index).currency().equals(currency)) {
                    (ownTransfers.contains(index) ? transfers : inCurrency).add(lines.get(index));
                }
            }
            currencies.add(new MoneySummary.Currency(currency, List.copyOf(nets.get(currency).keySet()),
                    inCurrency.size() + transfers.size(), months(inCurrency), categories(inCurrency), payees(inCurrency),
                    balance(currency), new MoneySummary.Count(transfers.size(),
                            transfers.stream().map(MoneyLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))));
        }
        currencies.sort(Comparator.comparingLong(MoneySummary.Currency::lines).reversed()
                .thenComparing(MoneySummary.Currency::currency));
        Set<String> accounts = new TreeSet<>();
        nets.values().forEach(byAccount -> accounts.addAll(byAccount.keySet()));
        return new MoneySummary(period, List.copyOf(accounts), currencies);
    }

    private List<MoneySummary.Month> months(List<MoneyLine> inCurrency) {
        Map<YearMonth, BigDecimal[]> months = new LinkedHashMap<>();
        for (YearMonth month = period.from(); !month.isAfter(period.to()); month = month.plusMonths(1)) {
            months.put(month, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
        for (MoneyLine line : inCurrency) {
            BigDecimal[] sums = months.get(YearMonth.from(line.day()));
            sums[0] = sums[0].add(line.spending());
            sums[1] = sums[1].add(line.income());
        }
        return months.entrySet().stream()
                .map(entry -> new MoneySummary.Month(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
    }

    private static List<MoneySummary.CategoryTotal> categories(List<MoneyLine> inCurrency) {
        Map<List<Object>, BigDecimal[]> totals = new LinkedHashMap<>();
        for (MoneyLine line : inCurrency) {
            BigDecimal[] sums = totals.computeIfAbsent(List.of(line.category(), line.categoryFromBank()),
                    key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(line.spending());
            sums[1] = sums[1].add(line.income());
        }
        return totals.entrySet().stream()
                .map(entry -> new MoneySummary.CategoryTotal((String) entry.getKey().get(0), (Boolean) entry.getKey().get(1),
                        entry.getValue()[0], entry.getValue()[1]))
                .sorted(Comparator.comparing(MoneySummary.CategoryTotal::spending).reversed()
                        .thenComparing(Comparator.comparing(MoneySummary.CategoryTotal::income).reversed())
                        .thenComparing(MoneySummary.CategoryTotal::name))
                .toList();
    }

    private static List<MoneySummary.PayeeTotal> payees(List<MoneyLine> inCurrency) {
        Map<String, BigDecimal> spending = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (MoneyLine line : inCurrency) {
            if (line.spending().signum() > 0) {
                spending.merge(line.payee(), line.spending(), BigDecimal::add);
                counts.merge(line.payee(), 1L, Long::sum);
            }
        }
        return spending.entrySet().stream()
                .map(entry -> new MoneySummary.PayeeTotal(entry.getKey(), entry.getValue(), counts.get(entry.getKey())))
                .sorted(Comparator.comparing(MoneySummary.PayeeTotal::spending).reversed()
                        .thenComparing(MoneySummary.PayeeTotal::name))
                .limit(MoneySummary.TOP_PAYEES)
                .toList();
    }

    /**
     * From the statements' balances when every account in the currency has one (each read from the period's first day
     * on), otherwise a running sum from zero. Walking back: the balance the evening before the period began is the
     * statement's balance less every line booked from the period's first day to the statement's day.
     */
    private MoneySummary.Balance balance(String currency) {
        Map<String, TreeMap<LocalDate, BigDecimal>> byAccount = nets.get(currency);
        boolean fromStatement = byAccount.keySet().stream().allMatch(account -> Optional.ofNullable(statements.get(account))
                .filter(statement -> statement.currency().equals(currency)).isPresent());
        BigDecimal opening = BigDecimal.ZERO;
        if (fromStatement) {
            for (Map.Entry<String, TreeMap<LocalDate, BigDecimal>> account : byAccount.entrySet()) {
                BankAccount statement = statements.get(account.getKey());
                BigDecimal bookedSince = account.getValue().headMap(statement.balanceDate().get(), true).values().stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                opening = opening.add(statement.balance().get().subtract(bookedSince));
            }
        }
        TreeMap<LocalDate, BigDecimal> perDay = new TreeMap<>();
        byAccount.values().forEach(days -> days.forEach((day, net) -> perDay.merge(day, net, BigDecimal::add)));
        List<MoneySummary.Day> days = new ArrayList<>();
        BigDecimal running = opening;
        for (LocalDate day = period.firstDay(); !day.isAfter(period.lastDay()); day = day.plusDays(1)) {
            running = running.add(perDay.getOrDefault(day, BigDecimal.ZERO));
            days.add(new MoneySummary.Day(day, running));
        }
        return new MoneySummary.Balance(fromStatement, days);
    }
}
