package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.RecordType;
import org.selfdata.services.Money;
import org.selfdata.services.MoneyPeriod;
import org.selfdata.services.MoneySummary;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/v1/money}: the owner's spending and income per month, category and payee, and their balance, over
 * whole months. Without a period, the twelve months that end with the latest line held.
 */
final class MoneyRoutes implements HttpService {
    private static final List<String> PARAMETERS = List.of("from", "to", "account");

    private final Vault vault;
    private final Money money;
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

    MoneyRoutes(Vault vault, Money money, Clock clock) {
        this.vault = requireNonNull(vault, "vault is null");
        this.money = requireNonNull(money, "money is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/money", this::summary);
    }

    private void summary(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        Optional<YearMonth> from = parameters.month("from");
        Optional<YearMonth> to = parameters.month("to");
        Optional<String> account = parameters.single("account");
        VaultStatus status = vault.status(OwnerGuard.signedIn(ctx).person());
        MoneyPeriod period;
        if (from.isPresent() && to.isPresent()) {
            period = new MoneyPeriod(from.get(), to.get());
        }
        else if (from.isPresent()) {
            period = new MoneyPeriod(from.get(), from.get().plusMonths(11));
        }
        else {
            period = MoneyPeriod.yearEndingWith(to.orElseGet(() -> latestMonth(status)));
        }
        ctx.json(json(money.summary(status.person(), period, account)));
    }

    private YearMonth latestMonth(VaultStatus status) {
        return Optional.ofNullable(status.byType().get(RecordType.BANK_TRANSACTION))
                .flatMap(VaultStatus.Totals::span)
                .map(span -> YearMonth.from(span.end().minusMillis(1).atZone(status.person().zone())))
                .orElseGet(() -> YearMonth.now(clock.withZone(status.person().zone())));
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
