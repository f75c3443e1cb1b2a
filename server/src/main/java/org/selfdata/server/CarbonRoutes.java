package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.services.Carbon;
import org.selfdata.services.CarbonEstimate;
import org.selfdata.services.CarbonFactor;
import org.selfdata.services.CarbonLeg;
import org.selfdata.services.MoneyPeriod;
import org.selfdata.texts.Words;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/v1/carbon}: the owner's carbon estimate over whole months, from the electricity the meter read, the
 * trips their location points show and, for what those do not cover, their spending per euro, each figure with its
 * factor and where it comes from, and the records it rests on. Without a period, the twelve months that end with the
 * latest month any of those records reach. A factors file that cannot be read answers with no months and says why.
 */
final class CarbonRoutes implements HttpService {
    private static final List<String> PARAMETERS = List.of("from", "to");
    private static final List<RecordType> READ = List.of(RecordType.ENERGY_READING, RecordType.GEO_POINT,
            RecordType.GEO_TRIP, RecordType.BANK_TRANSACTION);

    private final Vault vault;
    private final Carbon carbon;
    private final Clock clock;

    record FactorJson(String key, BigDecimal kilograms, String unit, String published, String source, boolean rough) {}

    record ElectricityJson(double kilowattHours, double kilograms, FactorJson factor) {}

    record TravelJson(String mode, int legs, double kilometres, double recognizedKilometres, double kilograms,
            FactorJson factor) {}

    record LegJson(Instant start, Instant end, String mode, double kilometres, boolean recognized, List<String> records) {}

    record SpendingJson(String category, BigDecimal euros, double kilograms, FactorJson factor, Optional<String> covered,
            List<String> lines) {}

    record MonthJson(String month, double kilograms, double roughKilograms, Optional<ElectricityJson> electricity,
            List<TravelJson> travel, List<SpendingJson> spending, List<SpendingJson> leftOut, List<LegJson> legs) {}

    record SurenessJson(String level, double roughShare, double recognizedShare) {}

    record CarbonJson(String from, String to, String zone, double kilograms, SurenessJson sureness,
            Optional<String> uncomputed, List<MonthJson> months) {}

    CarbonRoutes(Vault vault, Carbon carbon, Clock clock) {
        this.vault = requireNonNull(vault, "vault is null");
        this.carbon = requireNonNull(carbon, "carbon is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/carbon", this::estimate);
    }

    private void estimate(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        Optional<YearMonth> from = parameters.month("from");
        Optional<YearMonth> to = parameters.month("to");
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
        CarbonEstimate estimate = carbon.estimate(status.person(), period);
        Words words = Words.of(Problems.language(ctx));
        ctx.json(new CarbonJson(period.from().toString(), period.to().toString(), status.person().zone().getId(),
                rounded(estimate.kilograms()), new SurenessJson(estimate.sureness().level().term(),
                        rounded(estimate.sureness().roughShare()), rounded(estimate.sureness().recognizedShare())),
                estimate.uncomputed().map(words::say), estimate.months().stream().map(CarbonRoutes::month).toList()));
    }

    /** The latest month any record the estimate reads reaches, or the clock's when there is none. */
    private YearMonth latestMonth(VaultStatus status) {
        return READ.stream().flatMap(type -> Optional.ofNullable(status.byType().get(type)).flatMap(VaultStatus.Totals::span)
                        .stream())
                .map(span -> YearMonth.from(span.end().minusMillis(1).atZone(status.person().zone())))
                .max(YearMonth::compareTo)
                .orElseGet(() -> YearMonth.now(clock.withZone(status.person().zone())));
    }

    private static MonthJson month(CarbonEstimate.Month month) {
        return new MonthJson(month.month().toString(), rounded(month.kilograms()), rounded(month.roughKilograms()),
                month.electricity().map(used -> new ElectricityJson(rounded(used.kilowattHours()), rounded(used.kilograms()),
                        factor(used.factor()))),
                month.travel().stream().map(travel -> new TravelJson(travel.mode().term(), travel.legs(),
                        rounded(travel.kilometres()), rounded(travel.recognizedKilometres()), rounded(travel.kilograms()),
                        factor(travel.factor()))).toList(),
                month.spending().stream().map(CarbonRoutes::spending).toList(),
                month.leftOut().stream().map(CarbonRoutes::spending).toList(),
                month.legs().stream().map(CarbonRoutes::leg).toList());
    }

    private static SpendingJson spending(CarbonEstimate.Spending spending) {
        return new SpendingJson(spending.category().term(), spending.euros(), rounded(spending.kilograms()),
                factor(spending.factor()), spending.covered(), tokens(spending.lines().stream()));
    }

    private static LegJson leg(CarbonLeg leg) {
        return new LegJson(leg.start(), leg.end(), leg.mode().term(), rounded(leg.kilometres()), leg.recognized(),
                tokens(leg.records().stream()));
    }

    static FactorJson factor(CarbonFactor factor) {
        return new FactorJson(factor.key(), factor.kilograms(), factor.unit(), factor.published().toString(), factor.source(),
                factor.rough());
    }

    private static List<String> tokens(Stream<RecordId> ids) {
        return ids.map(RecordId::token).toList();
    }

    /** To the gram, or to the metre, or a share to a thousandth. */
    private static double rounded(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
