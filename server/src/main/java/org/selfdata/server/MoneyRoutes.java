package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.RecordId;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.services.Forecast;
import org.selfdata.services.ForecastBacktest;
import org.selfdata.services.ForecastDays;
import org.selfdata.services.Money;
import org.selfdata.services.MoneySummary;
import org.selfdata.services.Recurring;
import org.selfdata.services.RecurringFlow;
import org.selfdata.services.RecurringFlows;
import org.selfdata.texts.Wording;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/v1/money}: the owner's spending and income per month, category and payee, and their balance, over
 * whole months. Without a period, the twelve months that end with the latest line held.
 *
 * <p>{@code GET /api/v1/money/recurring}: what comes back in the owner's bank lines, bills and subscriptions and income,
 * each with its period, amounts, next date, the lines it rests on (with where to see them) and how sure it is, and what
 * the owner said of it ({@link RecurringCorrectionRoutes}).
 *
 * <p>{@code GET /api/v1/money/forecast?days=30|60|90}: the owner's balance day by day ahead, with its band, the payments
 * and income due, where it goes lowest and why, and how far the same forecast made as of earlier days fell from what
 * came.
 */
final class MoneyRoutes implements HttpService {
    private static final List<String> PARAMETERS = List.of("from", "to", "account");
    private static final int BACKTEST_MONTHS = 6;

    private final Vault vault;
    private final Money money;
    private final Recurring recurring;
    private final Forecast forecast;
    private final Clock clock;

    record MonthJson(String month, BigDecimal spending, BigDecimal income) {}

    record CategoryJson(String name, boolean fromBank, BigDecimal spending, BigDecimal income) {}

    record PayeeJson(String name, BigDecimal spending, long lines) {}

    record DayJson(String day, BigDecimal balance) {}

    record BalanceJson(boolean fromStatement, List<DayJson> days) {}

    record CountJson(long lines, BigDecimal amount) {}

    record CurrencyJson(String currency, List<String> accounts, long lines, List<MonthJson> months,
            List<CategoryJson> categories, List<PayeeJson> payees, BalanceJson balance, CountJson ownTransfers) {}

    record MoneyJson(String from, String to, List<String> accounts, List<CurrencyJson> currencies) {}

    record OccurrenceJson(String id, String explore, String day, BigDecimal amount) {}

    record PriceChangeJson(String from, BigDecimal before, BigDecimal after, String id, String explore) {}

    record ConfidenceJson(double score, String level, int expected, int onSchedule, double spread) {}

    /** What the person said of a flow and holds now: applied to the flow's status, confidence and name already. */
    record YoursJson(String verdict, Optional<String> name, Instant at) {}

    /**
     * A flow, with the key the person's corrections know it by ({@code PUT /api/v1/money/recurring/{key}}) and its name:
     * the person's own when they gave one, else the payee.
     */
    record FlowJson(String key, String name, String payee, String currency, String direction, String period,
            double periodDays, int toleranceDays, BigDecimal typical, BigDecimal lowest, BigDecimal highest, int recent,
            String last, String next, String status, List<Integer> pausedMonths, List<OccurrenceJson> occurrences,
            List<PriceChangeJson> priceChanges, ConfidenceJson confidence, Optional<YoursJson> yours) {}

    record UnsureJson(String payee, String currency, String direction, String period, List<OccurrenceJson> occurrences) {}

    /** @param dismissed the flows the person said do not come back, set apart from {@code flows} and the forecast */
    record RecurringJson(Optional<String> since, String asOf, boolean enoughHistory, int enoughDays, List<FlowJson> flows,
            List<UnsureJson> unsure, List<FlowJson> dismissed) {}

    record TrendJson(BigDecimal perDay, BigDecimal spreadPerDay, int fromDays) {}

    record DueJson(String day, String payee, String direction, BigDecimal typical, BigDecimal lowest, BigDecimal highest,
            String confidence, boolean late) {}

    record ForecastDayJson(String day, BigDecimal expected, BigDecimal low, BigDecimal high) {}

    record LowJson(String from, String to, BigDecimal balance, BigDecimal bandLow, List<DueJson> payments,
            Optional<DueJson> relief) {}

    /**
     * The same forecast made as of earlier days and checked against what came after.
     *
     * @param checks how many earlier days had the history before them and the lines after them to be checked
     */
    record BacktestJson(int checks, BigDecimal meanAbsoluteError, BigDecimal meanAbsoluteErrorUnchanged,
            double withinBand) {}

    record ForecastJson(String currency, String asOf, int horizon, boolean enoughHistory, int enoughDays,
            boolean fromStatement, BigDecimal opening, TrendJson trend, List<DueJson> dues, List<ForecastDayJson> days,
            Optional<LowJson> lowest, BacktestJson backtest) {}

    MoneyRoutes(Vault vault, Money money, Recurring recurring, Forecast forecast, Clock clock) {
        this.vault = requireNonNull(vault, "vault is null");
        this.money = requireNonNull(money, "money is null");
        this.recurring = requireNonNull(recurring, "recurring is null");
        this.forecast = requireNonNull(forecast, "forecast is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/money", this::summary);
        routes.get("/api/v1/money/recurring", this::recurring);
        routes.get("/api/v1/money/forecast", this::forecast);
    }

    private void forecast(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), List.of("days"));
        int horizon = parameters.single("days").map(MoneyRoutes::horizon).orElse(ForecastDays.HORIZONS.getFirst());
        VaultStatus status = vault.status(OwnerGuard.signedIn(ctx).person());
        ForecastDays ahead = forecast.days(status.person(), horizon, Optional.empty());
        ForecastBacktest past = forecast.backtest(status.person(), horizon, cutOffs(ahead.asOf(), horizon));
        ctx.json(new ForecastJson(ahead.currency(), ahead.asOf().toString(), ahead.horizon(), ahead.enoughHistory(),
                RecurringFlows.ENOUGH_DAYS, ahead.fromStatement(), ahead.opening(),
                new TrendJson(ahead.trend().perDay(), ahead.trend().spreadPerDay(), ahead.trend().fromDays()),
                ahead.dues().stream().map(MoneyRoutes::due).toList(),
                ahead.days().stream().map(day -> new ForecastDayJson(day.day().toString(), day.expected(), day.low(),
                        day.high())).toList(),
                ahead.lowest().map(low -> new LowJson(low.from().toString(), low.to().toString(), low.balance(),
                        low.bandLow(), low.payments().stream().map(MoneyRoutes::due).toList(),
                        low.relief().map(MoneyRoutes::due))),
                new BacktestJson(past.checks().size(), past.meanAbsoluteError(), past.meanAbsoluteErrorUnchanged(),
                        past.withinBand())));
    }

    /**
     * The days the forecast is checked from: the one whose horizon ends on the latest line, and the same day of each of
     * the {@value #BACKTEST_MONTHS} months before it, those with too little history before them left out by the check.
     */
    private static List<LocalDate> cutOffs(LocalDate asOf, int horizon) {
        LocalDate latest = asOf.minusDays(horizon);
        return IntStream.range(0, BACKTEST_MONTHS).mapToObj(months -> latest.minusMonths(months))
                .sorted().toList();
    }

    private static int horizon(String days) {
        return ForecastDays.HORIZONS.stream().filter(horizon -> horizon.toString().equals(days)).findFirst()
                .orElseThrow(() -> QueryParameters.refused("days", new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.services.forecastDays"))));
    }

    private static DueJson due(ForecastDays.Due due) {
        return new DueJson(due.day().toString(), due.payee(), direction(due.income()), due.typical(), due.lowest(),
                due.highest(), due.confidence().term(), due.late());
    }

    private void recurring(Context ctx) {
        QueryParameters.of(ctx.queryParamMap(), List.of());
        VaultStatus status = vault.status(OwnerGuard.signedIn(ctx).person());
        RecurringFlows flows = recurring.flows(status.person());
        ctx.json(new RecurringJson(flows.since().map(LocalDate::toString), flows.asOf().toString(), flows.enoughHistory(),
                RecurringFlows.ENOUGH_DAYS, flows.flows().stream().map(MoneyRoutes::flow).toList(),
                flows.unsure().stream().map(unsure -> new UnsureJson(unsure.payee(), unsure.currency(),
                        direction(unsure.income()), unsure.period().term(),
                        unsure.occurrences().stream().map(MoneyRoutes::occurrence).toList())).toList(),
                flows.dismissed().stream().map(MoneyRoutes::flow).toList()));
    }

    private static FlowJson flow(RecurringFlow flow) {
        return new FlowJson(flow.key(), flow.name(), flow.payee(), flow.currency(), direction(flow.income()),
                flow.period().term(), flow.period().days(), flow.period().toleranceDays(), flow.typical(), flow.lowest(),
                flow.highest(), flow.recent(), flow.last().toString(), flow.next().toString(), flow.status().term(),
                flow.pausedMonths().stream().map(Month::getValue).sorted().toList(),
                flow.occurrences().stream().map(MoneyRoutes::occurrence).toList(),
                flow.priceChanges().stream().map(change -> new PriceChangeJson(change.from().toString(), change.before(),
                        change.after(), change.first().token(), explore(change.first()))).toList(),
                new ConfidenceJson(flow.confidence().score(), flow.confidence().level().term(), flow.confidence().expected(),
                        flow.confidence().onSchedule(), flow.confidence().spread()),
                flow.yours().map(yours -> new YoursJson(yours.verdict().term(), yours.name(), yours.at())));
    }

    private static OccurrenceJson occurrence(RecurringFlow.Occurrence occurrence) {
        return new OccurrenceJson(occurrence.id().token(), explore(occurrence.id()), occurrence.day().toString(),
                occurrence.amount());
    }

    private static String explore(RecordId id) {
        return "/explore?record=" + id.token();
    }

    private static String direction(boolean income) {
        return income ? "income" : "spending";
    }

    private void summary(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        Optional<String> account = parameters.single("account");
        VaultStatus status = vault.status(OwnerGuard.signedIn(ctx).person());
        ctx.json(json(money.summary(status.person(), MonthsAsked.period(parameters, status, clock), account)));
    }

    private static MoneyJson json(MoneySummary summary) {
        return new MoneyJson(summary.period().from().toString(), summary.period().to().toString(), summary.accounts(),
                summary.currencies().stream().map(MoneyRoutes::currency).toList());
    }

    private static CurrencyJson currency(MoneySummary.Currency currency) {
        return new CurrencyJson(currency.currency(), currency.accounts(), currency.lines(),
                currency.months().stream()
                        .map(month -> new MonthJson(month.month().toString(), month.spending(), month.income())).toList(),
                currency.categories().stream()
                        .map(total -> new CategoryJson(total.name(), total.fromBank(), total.spending(), total.income()))
                        .toList(),
                currency.payees().stream().map(payee -> new PayeeJson(payee.name(), payee.spending(), payee.lines())).toList(),
                new BalanceJson(currency.balance().fromStatement(), currency.balance().days().stream()
                        .map(day -> new DayJson(day.day().toString(), day.balance())).toList()),
                new CountJson(currency.ownTransfers().lines(), currency.ownTransfers().amount()));
    }
}
