package org.selfdata.services;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The cash-flow forecast: a person's balance day by day ahead, from the balance the statements give, the recurring flows
 * {@link Recurring} finds (income included) and the day-to-day spending that follows no schedule, as the gate gives the
 * lines to their owner. A forecast can be made as of an earlier day and checked against what came after
 * ({@link #backtest}).
 */
public final class Forecast {
    private final Gate gate;
    private final Recurring recurring;

    public Forecast(Gate gate, Recurring recurring) {
        this.gate = requireNonNull(gate, "gate is null");
        this.recurring = requireNonNull(recurring, "recurring is null");
    }

    /**
     * @param horizon how many days ahead, one of {@link ForecastDays#HORIZONS}
     * @param asOf forecast from the lines booked up to that day only, as if the statements ended then
     */
    public ForecastDays days(Person person, int horizon, Optional<LocalDate> asOf) {
        return days(person, horizon, asOf, History.read(gate, person));
    }

    /**
     * The forecasts made as of each cut-off day, {@code horizon} days ahead, each against the balance the lines that came
     * after give: the day-to-day spending measured before the cut-off is all a forecast knows of them. A cut-off whose
     * horizon goes past the latest line, or with too little history before it, is left out.
     */
    public ForecastBacktest backtest(Person person, int horizon, List<LocalDate> cutOffs) {
        History history = History.read(gate, person);
        List<ForecastBacktest.Check> checks = new ArrayList<>();
        for (LocalDate cutOff : cutOffs) {
            LocalDate end = cutOff.plusDays(horizon);
            if (history.lines.isEmpty() || end.isAfter(history.lastDay())) {
                continue;
            }
            ForecastDays forecast = days(person, horizon, Optional.of(cutOff), history);
            if (!forecast.enoughHistory()) {
                continue;
            }
            TreeMap<LocalDate, BigDecimal> booked = new TreeMap<>();
            history.lines.stream().filter(line -> line.currency().equals(forecast.currency()) && line.day().isAfter(cutOff)
                    && !line.day().isAfter(end)).forEach(line -> booked.merge(line.day(), line.amount(), BigDecimal::add));
            BigDecimal actual = forecast.opening();
            BigDecimal dailyError = BigDecimal.ZERO;
            BigDecimal dailyErrorUnchanged = BigDecimal.ZERO;
            for (ForecastDays.Day day : forecast.days()) {
                actual = actual.add(booked.getOrDefault(day.day(), BigDecimal.ZERO));
                dailyError = dailyError.add(actual.subtract(day.expected()).abs());
                dailyErrorUnchanged = dailyErrorUnchanged.add(actual.subtract(forecast.opening()).abs());
            }
            ForecastDays.Day last = forecast.days().getLast();
            BigDecimal days = BigDecimal.valueOf(horizon);
            checks.add(new ForecastBacktest.Check(cutOff, forecast.opening(), last.expected(), actual,
                    actual.compareTo(last.low()) >= 0 && actual.compareTo(last.high()) <= 0,
                    dailyError.divide(days, 2, RoundingMode.HALF_EVEN),
                    dailyErrorUnchanged.divide(days, 2, RoundingMode.HALF_EVEN)));
        }
        return new ForecastBacktest(horizon, checks);
    }

    private ForecastDays days(Person person, int horizon, Optional<LocalDate> asOf, History history) {
        if (!ForecastDays.HORIZONS.contains(horizon)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.forecastDays"));
        }
        History known = asOf.map(history::upTo).orElse(history);
        RecurringFlows found = recurring.flows(person, known.ids, known.lines, asOf);
        LocalDate day = found.asOf();
        History upTo = history.upTo(day);
        String currency = mainCurrency(upTo.lines);
        ForecastProjection projection = new ForecastProjection(day, horizon);
        if (!found.enoughHistory()) {
            return new ForecastDays(currency, day, horizon, false, false, BigDecimal.ZERO,
                    new ForecastDays.Trend(BigDecimal.ZERO, BigDecimal.ZERO, 0), List.of(), List.of(), Optional.empty());
        }
        List<RecurringFlow> flows = found.flows().stream().filter(flow -> flow.currency().equals(currency)).toList();
        Optional<BigDecimal> opening = history.balance(currency, day);
        return projection.project(currency, opening.isPresent(), opening.orElse(BigDecimal.ZERO),
                trend(upTo, currency, day, flows, found.since().orElse(day)), flows);
    }

    /**
     * The mean and standard deviation of the daily net sum of the lines outside every flow, own transfers left out, over
     * the {@value ForecastProjection#TREND_DAYS} days up to {@code asOf}, or fewer when the lines begin later.
     */
    private static ForecastDays.Trend trend(History upTo, String currency, LocalDate asOf, List<RecurringFlow> flows,
            LocalDate since) {
        LocalDate first = asOf.minusDays(ForecastProjection.TREND_DAYS - 1L);
        if (first.isBefore(since)) {
            first = since;
        }
        Set<RecordId> scheduled = flows.stream().flatMap(flow -> flow.occurrences().stream())
                .map(RecurringFlow.Occurrence::id).collect(Collectors.toSet());
        Set<Integer> ownTransfers = MoneyLine.ownTransfers(upTo.lines);
        TreeMap<LocalDate, BigDecimal> perDay = new TreeMap<>();
        for (int index = 0; index < upTo.lines.size(); index++) {
            MoneyLine line = upTo.lines.get(index);
            if (line.currency().equals(currency) && !line.day().isBefore(first) && !ownTransfers.contains(index)
                    && !scheduled.contains(upTo.ids.get(index))) {
                perDay.merge(line.day(), line.amount(), BigDecimal::add);
            }
        }
        int count = (int) (asOf.toEpochDay() - first.toEpochDay() + 1);
        double sum = perDay.values().stream().mapToDouble(BigDecimal::doubleValue).sum();
        double mean = sum / count;
        double squares = perDay.values().stream().mapToDouble(amount -> Math.pow(amount.doubleValue() - mean, 2)).sum()
                + (count - perDay.size()) * mean * mean;
        double spread = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
        return new ForecastDays.Trend(ForecastProjection.cents(new BigDecimal(mean, MathContext.DECIMAL64)),
                ForecastProjection.cents(new BigDecimal(spread, MathContext.DECIMAL64)), count);
    }

    private static String mainCurrency(List<MoneyLine> lines) {
        Map<String, Long> counts = lines.stream().collect(Collectors.groupingBy(MoneyLine::currency, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("EUR");
    }

    /** Every bank line read once, with its id, and each account's latest stated balance. */
    private static final class History {
        private final List<RecordId> ids = new ArrayList<>();
        private final List<MoneyLine> lines = new ArrayList<>();
        private final Map<String, BankAccount> statements = new HashMap<>();

        static History read(Gate gate, Person person) {
            History history = new History();
            RecordQuery query = RecordQuery.all().withTypes(Set.of(RecordType.BANK_TRANSACTION, RecordType.BANK_ACCOUNT));
            try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(person.id()), query)) {
                records.forEach(record -> {
                    switch (record.payload()) {
                        case BankTransaction line when line.amount().signum() != 0 -> {
                            history.ids.add(record.id());
                            history.lines.add(MoneyLine.of(line));
                        }
                        case BankAccount account when account.balance().isPresent() && account.balanceDate().isPresent() ->
                                history.statements.merge(account.accountNumber(), account, (kept, read) ->
                                        read.balanceDate().get().isBefore(kept.balanceDate().get()) ? kept : read);
                        default -> { }
                    }
                });
            }
            return history;
        }

        /** The lines booked up to the day, as if the statements ended then. */
        History upTo(LocalDate day) {
            History upTo = new History();
            for (int index = 0; index < lines.size(); index++) {
                if (!lines.get(index).day().isAfter(day)) {
                    upTo.ids.add(ids.get(index));
                    upTo.lines.add(lines.get(index));
                }
            }
            return upTo;
        }

        LocalDate lastDay() {
            return lines.stream().map(MoneyLine::day).max(Comparator.naturalOrder()).orElseThrow();
        }

        /**
         * The balance at the end of {@code day} in the currency, when every account with lines in it has a stated
         * balance: each statement's balance, less the lines booked after the day up to the statement's, plus those booked
         * after the statement's up to the day.
         */
        Optional<BigDecimal> balance(String currency, LocalDate day) {
            Set<String> accounts = new HashSet<>();
            lines.stream().filter(line -> line.currency().equals(currency)).forEach(line -> accounts.add(line.account()));
            if (accounts.isEmpty() || !accounts.stream().allMatch(account -> Optional.ofNullable(statements.get(account))
                    .filter(statement -> statement.currency().equals(currency)).isPresent())) {
                return Optional.empty();
            }
            BigDecimal balance = BigDecimal.ZERO;
            for (String account : accounts) {
                BankAccount statement = statements.get(account);
                LocalDate stated = statement.balanceDate().orElseThrow();
                balance = balance.add(statement.balance().orElseThrow());
                for (MoneyLine line : lines) {
                    if (line.account().equals(account) && line.currency().equals(currency)) {
                        if (line.day().isAfter(day) && !line.day().isAfter(stated)) {
                            balance = balance.subtract(line.amount());
                        }
                        else if (line.day().isAfter(stated) && !line.day().isAfter(day)) {
                            balance = balance.add(line.amount());
                        }
                    }
                }
            }
            return Optional.of(balance);
        }
    }
}
