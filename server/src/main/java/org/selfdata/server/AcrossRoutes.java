package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.Person;
import org.selfdata.services.AcrossFindings;
import org.selfdata.services.AcrossSources;
import org.selfdata.services.AwayUse;
import org.selfdata.services.Commute;
import org.selfdata.services.VenueSubscription;
import org.selfdata.texts.Words;
import org.selfdata.vault.Vault;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/v1/across}: what the owner's sources tell only together: the electricity their home used while they
 * were away (meter and locations), the subscriptions to places their locations never take them to (bank and
 * locations), and their commute's carbon and price per ride (locations and bank), each with how sure it is and the
 * records it rests on.
 */
final class AcrossRoutes implements HttpService {
    private final Vault vault;
    private final AcrossSources across;

    record AwayPeriodJson(LocalDate first, LocalDate last, int days, double kilowattHours, double meanWatts,
            boolean leftOn) {}

    record AwayJson(int days, double kilowattHours, double meanWatts, Optional<Double> homeMeanWatts, boolean leftOn,
            double alwaysOnWatts, Optional<BigDecimal> cost, Optional<String> priceSource, List<AwayPeriodJson> periods) {}

    record VenueJson(String payee, String currency, String period, BigDecimal typical, LocalDate since, int payments,
            BigDecimal paid, boolean visited, Optional<RevealRoutes.PlaceJson> place) {}

    record WayJson(String mode, int journeys, double kilometres, Optional<Double> kilograms,
            Optional<CarbonRoutes.FactorJson> factor) {}

    record PassJson(String payee, String currency, BigDecimal paid, int payments, Optional<BigDecimal> perJourney) {}

    record CommuteJson(LocalDate from, LocalDate to, int journeys, double kilometres, Optional<Double> kilograms,
            List<WayJson> ways, Optional<PassJson> pass) {}

    record AcrossJson(RevealRoutes.InferenceJson<AwayJson> away, List<RevealRoutes.InferenceJson<VenueJson>> venues,
            Optional<String> venuesUnchecked, RevealRoutes.InferenceJson<CommuteJson> commute) {}

    AcrossRoutes(Vault vault, AcrossSources across) {
        this.vault = requireNonNull(vault, "vault is null");
        this.across = requireNonNull(across, "across is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/across", this::findings);
    }

    private void findings(Context ctx) {
        QueryParameters.of(ctx.queryParamMap(), List.of());
        Person person = vault.status(OwnerGuard.signedIn(ctx).person()).person();
        AcrossFindings findings = across.findings(person);
        Words words = Words.of(Problems.language(ctx));
        ctx.json(new AcrossJson(RevealRoutes.inference(findings.away(), AcrossRoutes::away, words),
                findings.venues().stream().map(venue -> RevealRoutes.inference(venue, found -> venue(found, words), words))
                        .toList(),
                findings.venuesUnchecked().map(words::say),
                RevealRoutes.inference(findings.commute(), AcrossRoutes::commute, words)));
    }

    private static AwayJson away(AwayUse away) {
        return new AwayJson(away.days(), rounded(away.kilowattHours()), rounded(away.meanWatts()),
                away.homeMeanWatts().map(AcrossRoutes::rounded), away.leftOn(), AwayUse.ALWAYS_ON_WATTS, away.cost(),
                away.priceSource(), away.periods().stream().map(period -> new AwayPeriodJson(period.first(), period.last(),
                        period.days(), rounded(period.kilowattHours()), rounded(period.meanWatts()), period.leftOn()))
                        .toList());
    }

    private static VenueJson venue(VenueSubscription venue, Words words) {
        return new VenueJson(venue.payee(), venue.currency(), venue.period().term(), venue.typical(), venue.since(),
                venue.payments(), venue.paid(), venue.visited(), venue.place().map(place -> RevealRoutes.place(place, words)));
    }

    private static CommuteJson commute(Commute commute) {
        return new CommuteJson(commute.from(), commute.to(), commute.journeys(), rounded(commute.kilometres()),
                commute.kilograms().map(AcrossRoutes::rounded),
                commute.ways().stream().map(way -> new WayJson(way.mode().term(), way.journeys(), rounded(way.kilometres()),
                        way.kilograms().map(AcrossRoutes::rounded), way.factor().map(CarbonRoutes::factor))).toList(),
                commute.pass().map(pass -> new PassJson(pass.payee(), pass.currency(), pass.paid(), pass.payments(),
                        pass.perJourney())));
    }

    /** To the hundredth: what a person reads of kilowatt-hours and watts. */
    private static double rounded(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
