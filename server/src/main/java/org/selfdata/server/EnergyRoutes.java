package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.Person;
import org.selfdata.model.RecordType;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.services.Energy;
import org.selfdata.services.EnergyBill;
import org.selfdata.services.EnergyComparison;
import org.selfdata.services.EnergyCosts;
import org.selfdata.services.EnergySeries;
import org.selfdata.services.EnergyStep;
import org.selfdata.services.TariffOption;
import org.selfdata.services.TempoColour;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/v1/energy}: the owner's consumption per step over a period, and {@code GET /api/v1/energy/comparison}:
 * one period against another. Times are instants, or days of the person's calendar (from the start of that day).
 * Without a period, the year (the week, for the readings or hours) that ends with the latest reading's day; without
 * periods to compare, the latest month with readings against the same month a year before.
 *
 * <p>{@code GET /api/v1/energy/bill}: what the latest year of readings cost under each option of the regulated tariff,
 * the cheapest, and the yearly settlement forecast against the supplier's debits. A tariff table that cannot be read
 * leaves the consumption in the answer, with the reason nothing is priced, rather than failing the request.
 */
final class EnergyRoutes implements HttpService {
    private static final List<String> SERIES_PARAMETERS = List.of("from", "to", "step");
    private static final List<String> COMPARISON_PARAMETERS = List.of("from", "to", "againstFrom", "againstTo", "step");
    private static final List<String> BILL_PARAMETERS = List.of("option", "kva");

    private final Vault vault;
    private final Energy energy;
    private final EnergyBill bill;
    private final Clock clock;

    /** Columns, as charts take them: each point's start and end, in seconds since 1970, and its kilowatt-hours. */
    record SeriesJson(Instant from, Instant to, String step, String zone, double kilowattHours, List<Long> starts,
            List<Long> ends, List<Double> values) {}

    record ComparisonJson(SeriesJson period, SeriesJson against, Optional<Double> changePercent) {}

    record MonthJson(String month, double kilowattHours, Optional<Double> offPeakKilowattHours, Map<String, BigDecimal> costs) {}

    record SettlementJson(BigDecimal cost, BigDecimal instalments, BigDecimal balance) {}

    record PricedJson(String appliesFrom, String source, String option, int kva, boolean assumed, Map<String, BigDecimal> totals,
            Optional<String> cheapest, Map<String, Integer> tempoDays, Optional<SettlementJson> settlement) {}

    record InstalmentsJson(String payee, BigDecimal monthly, int count, BigDecimal paid) {}

    record BillJson(Instant from, Instant to, String zone, boolean split, List<MonthJson> months, Optional<PricedJson> priced,
            Optional<String> unpriced, Optional<InstalmentsJson> instalments) {}

    EnergyRoutes(Vault vault, Energy energy, EnergyBill bill, Clock clock) {
        this.vault = requireNonNull(vault, "vault is null");
        this.energy = requireNonNull(energy, "energy is null");
        this.bill = requireNonNull(bill, "bill is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/energy", this::series);
        routes.get("/api/v1/energy/comparison", this::comparison);
        routes.get("/api/v1/energy/bill", this::bill);
    }

    private void bill(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), BILL_PARAMETERS);
        Optional<TariffOption> option = parameters.single("option").map(term -> TariffOption.fromTerm(term)
                .orElseThrow(() -> QueryParameters.refused("option", new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.services.energyBill.option")))));
        Optional<Integer> power = parameters.single("kva").map(EnergyRoutes::power);
        Person person = vault.status(OwnerGuard.signedIn(ctx).person()).person();
        EnergyCosts costs = bill.bill(person, option, power);
        Words words = Words.of(Problems.language(ctx));
        Optional<EnergyCosts.Priced> priced = costs.priced();
        List<MonthJson> months = costs.months().stream().map(month -> new MonthJson(month.month().toString(),
                month.kilowattHours(), month.offPeakKilowattHours(), priced.flatMap(found -> found.months().stream()
                        .filter(cost -> cost.month().equals(month.month())).findFirst())
                        .map(cost -> byOption(cost.costs())).orElseGet(Map::of))).toList();
        ctx.json(new BillJson(costs.from(), costs.to(), person.zone().getId(), costs.split(), months,
                priced.map(EnergyRoutes::priced), costs.unpriced().map(words::say),
                costs.instalments().map(found -> new InstalmentsJson(found.payee(), found.monthly(), found.count(),
                        found.paid()))));
    }

    private static Integer power(String value) {
        try {
            return Integer.valueOf(value);
        }
        catch (NumberFormatException e) {
            throw QueryParameters.refused("kva", new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.services.energyBill.power")));
        }
    }

    private static PricedJson priced(EnergyCosts.Priced priced) {
        Map<String, Integer> tempoDays = new LinkedHashMap<>();
        for (TempoColour colour : TempoColour.values()) {
            tempoDays.put(colour.term(), priced.tempoDays().getOrDefault(colour, 0));
        }
        return new PricedJson(priced.appliesFrom().toString(), priced.source(), priced.option().term(),
                priced.kilovoltAmperes(), priced.assumed(), byOption(priced.totals()), priced.cheapest().map(TariffOption::term),
                tempoDays, priced.settlement().map(settlement -> new SettlementJson(settlement.cost(), settlement.instalments(),
                        settlement.balance())));
    }

    /** In the options' order, by their terms. */
    private static Map<String, BigDecimal> byOption(Map<TariffOption, BigDecimal> costs) {
        Map<String, BigDecimal> terms = new LinkedHashMap<>();
        for (TariffOption option : TariffOption.values()) {
            Optional.ofNullable(costs.get(option)).ifPresent(cost -> terms.put(option.term(), cost));
        }
        return terms;
    }

    private void series(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), SERIES_PARAMETERS);
        EnergyStep step = step(parameters);
        VaultStatus status = vault.status(OwnerGuard.signedIn(ctx).person());
        Person person = status.person();
        Optional<Instant> from = parameters.dayOrInstant("from", person.zone());
        Optional<Instant> to = parameters.dayOrInstant("to", person.zone());
        Instant end = to.orElseGet(() -> from.map(start -> start.atZone(person.zone()).plusYears(1).toInstant())
                .orElseGet(() -> latestDayEnd(status)));
        Instant start = from.orElseGet(() -> step == EnergyStep.RAW || step == EnergyStep.HOUR
                ? end.atZone(person.zone()).minusWeeks(1).toInstant()
                : end.atZone(person.zone()).minusYears(1).toInstant());
        ctx.json(json(energy.series(person, start, end, step), person));
    }

    private void comparison(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), COMPARISON_PARAMETERS);
        EnergyStep step = step(parameters);
        VaultStatus status = vault.status(OwnerGuard.signedIn(ctx).person());
        Person person = status.person();
        ZonedDateTime latestMonth = latestDayEnd(status).minusMillis(1).atZone(person.zone()).truncatedTo(ChronoUnit.DAYS)
                .withDayOfMonth(1);
        Instant from = parameters.dayOrInstant("from", person.zone())
                .orElseGet(latestMonth::toInstant);
        Instant to = parameters.dayOrInstant("to", person.zone())
                .orElseGet(() -> from.atZone(person.zone()).plusMonths(1).toInstant());
        Instant againstFrom = parameters.dayOrInstant("againstFrom", person.zone())
                .orElseGet(() -> from.atZone(person.zone()).minusYears(1).toInstant());
        Instant againstTo = parameters.dayOrInstant("againstTo", person.zone())
                .orElseGet(() -> to.atZone(person.zone()).minusYears(1).toInstant());
        EnergyComparison comparison = energy.comparison(person, from, to, againstFrom, againstTo, step);
        ctx.json(new ComparisonJson(json(comparison.period(), person), json(comparison.against(), person),
                comparison.changePercent()));
    }

    private static EnergyStep step(QueryParameters parameters) {
        return parameters.single("step").map(value -> {
            try {
                return EnergyStep.fromTerm(value);
            }
            catch (SelfdataException e) {
                throw QueryParameters.refused("step", e);
            }
        }).orElse(EnergyStep.DAY);
    }

    /** The end of the day of the latest reading, or of today when there is none. */
    private Instant latestDayEnd(VaultStatus status) {
        Instant latest = Optional.ofNullable(status.byType().get(RecordType.ENERGY_READING))
                .flatMap(VaultStatus.Totals::span)
                .map(span -> span.end().minusMillis(1))
                .orElseGet(clock::instant);
        return latest.atZone(status.person().zone()).toLocalDate().plusDays(1).atStartOfDay(status.person().zone()).toInstant();
    }

    private static SeriesJson json(EnergySeries series, Person person) {
        return new SeriesJson(series.from(), series.to(), series.step().term(), person.zone().getId(), series.kilowattHours(),
                series.points().stream().map(point -> point.start().getEpochSecond()).toList(),
                series.points().stream().map(point -> point.end().getEpochSecond()).toList(),
                series.points().stream().map(EnergySeries.Point::kilowattHours).toList());
    }
}
