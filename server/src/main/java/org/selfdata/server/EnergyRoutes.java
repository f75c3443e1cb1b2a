package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.Person;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.services.Energy;
import org.selfdata.services.EnergyComparison;
import org.selfdata.services.EnergySeries;
import org.selfdata.services.EnergyStep;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/v1/energy}: the owner's consumption per step over a period, and {@code GET /api/v1/energy/comparison}:
 * one period against another. Times are instants, or days of the person's calendar (from the start of that day).
 * Without a period, the year (the week, for the readings or hours) that ends with the latest reading's day; without
 * periods to compare, the latest month with readings against the same month a year before.
 */
final class EnergyRoutes implements HttpService {
    private static final List<String> SERIES_PARAMETERS = List.of("from", "to", "step");
    private static final List<String> COMPARISON_PARAMETERS = List.of("from", "to", "againstFrom", "againstTo", "step");

    private final Vault vault;
    private final Energy energy;
    private final Clock clock;

    /** Columns, as charts take them: each point's start and end, in seconds since 1970, and its kilowatt-hours. */
    record SeriesJson(Instant from, Instant to, String step, String zone, double kilowattHours, List<Long> starts,
            List<Long> ends, List<Double> values) {}

    record ComparisonJson(SeriesJson period, SeriesJson against, Optional<Double> changePercent) {}

    EnergyRoutes(Vault vault, Energy energy, Clock clock) {
        this.vault = requireNonNull(vault, "vault is null");
        this.energy = requireNonNull(energy, "energy is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/energy", this::series);
        routes.get("/api/v1/energy/comparison", this::comparison);
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
