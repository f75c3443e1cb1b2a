package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.PersonId;
import org.selfdata.model.Precision;
import org.selfdata.model.RecordId;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimePrecision;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealConfidence;
import org.selfdata.services.RevealGrants;
import org.selfdata.services.RevealEvidence;
import org.selfdata.services.RevealInference;
import org.selfdata.services.RevealLens;
import org.selfdata.services.RevealSpecialCategory;
import org.selfdata.services.RevealedAway;
import org.selfdata.services.RevealedGrant;
import org.selfdata.services.RevealedLocations;
import org.selfdata.services.RevealedPlace;
import org.selfdata.services.RevealedRoutine;
import org.selfdata.texts.Words;
import org.selfdata.vault.People;
import org.selfdata.vault.Recipients;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What the owner's data reveals about them: {@code /api/v1/reveal/locations} gives what their locations say (home,
 * work or study, regular places, weekly routine, periods away), each with its confidence and evidence, from their
 * exact records or, with {@code location} and {@code time} precisions, from the records as a recipient given those
 * would receive them. {@code /api/v1/reveal/grants} gives, for each read grant in force, what its recipient can work
 * out from what it has received so far, as the log tells, in plain words ({@link RevealGrants}). The owner's alone: a
 * recipient's token never reaches them, and nothing of them is shared.
 */
final class RevealRoutes implements HttpService {
    private static final List<String> PARAMETERS = List.of("location", "time");
    /** A millionth of a degree is about 11 centimetres: finer digits would only lengthen the answer. */
    private static final double DIGITS = 1e6;

    private final Reveal reveal;
    private final RevealGrants grants;
    private final People people;
    private final Recipients recipients;

    record LensJson(String location, String time) {}

    record ConfidenceJson(double share, int percent, String level, String words) {}

    record RecordLinkJson(String id, String explore) {}

    record EvidenceJson(long count, long outOf, String unit, Optional<LocalDate> first, Optional<LocalDate> last,
            List<RecordLinkJson> records) {}

    record SpecialJson(String category, String words) {}

    record PlaceJson(double latitude, double longitude, long withinMetres, Optional<String> name, Optional<String> kind,
            Optional<SpecialJson> special) {}

    record DayJson(String day, int seen, Optional<LocalTime> leaves, Optional<LocalTime> returns) {}

    record RoutineJson(List<DayJson> days) {}

    record AwayJson(LocalDate firstNight, LocalDate lastNight, int nights, List<String> areas) {}

    /** @param reason why nothing was found, when nothing was: in the reader's language, with the numbers */
    record InferenceJson<T>(boolean found, Optional<T> finding, Optional<ConfidenceJson> confidence,
            Optional<EvidenceJson> evidence, Optional<String> reason) {}

    record LocationsJson(LensJson lens, long points, long visits, long stays, InferenceJson<PlaceJson> home,
            InferenceJson<PlaceJson> study, List<InferenceJson<PlaceJson>> regularPlaces,
            InferenceJson<RoutineJson> routine, List<InferenceJson<AwayJson>> periodsAway) {}

    RevealRoutes(Reveal reveal, RevealGrants grants, People people, Recipients recipients) {
        this.reveal = requireNonNull(reveal, "reveal is null");
        this.grants = requireNonNull(grants, "grants is null");
        this.people = requireNonNull(people, "people is null");
        this.recipients = requireNonNull(recipients, "recipients is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/reveal/locations", this::locations);
        routes.get("/api/v1/reveal/grants", this::grants);
    }

    /**
     * For each read grant in force: its recipient, purpose and precision, how many reads and records it received, and
     * what it can and cannot work out from them.
     */
    private void grants(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        Words words = Words.of(Problems.language(ctx));
        ObjectNode json = ApiJson.mapper().createObjectNode();
        ArrayNode list = json.putArray("grants");
        for (RevealedGrant revealed : grants.active(person, people.get(person).zone())) {
            GrantTerms terms = revealed.grant().terms();
            ObjectNode grant = list.addObject();
            grant.put("grant", revealed.grant().id().value());
            grant.putObject("recipient").put("id", terms.recipient().value())
                    .put("name", recipients.get(terms.recipient()).identity().name());
            grant.put("purpose", terms.purpose().term());
            grant.put("purposeLabel", terms.purpose().label());
            grant.putObject("precision").put("location", terms.precision().location().term())
                    .put("time", terms.precision().time().term());
            grant.put("reads", revealed.reads().reads());
            grant.put("received", revealed.reads().records());
            RevealComparisonJson.write(grant, revealed.comparison(), words);
        }
        ctx.json(json);
    }

    private void locations(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        LocationPrecision location = parameters.single("location").map(term -> parsed("location",
                () -> LocationPrecision.parse(term))).orElse(LocationPrecision.EXACT);
        TimePrecision time = parameters.single("time").map(term -> parsed("time", () -> TimePrecision.parse(term)))
                .orElse(TimePrecision.EXACT);
        PersonId person = OwnerGuard.signedIn(ctx).person();
        RevealLens lens = location.equals(LocationPrecision.EXACT) && time == TimePrecision.EXACT ? RevealLens.exact()
                : new RevealLens.Received(Precision.EXACT.withLocation(location).withTime(time));
        RevealedLocations found = reveal.locations(person, people.get(person).zone(), lens);
        Words words = Words.of(Problems.language(ctx));
        ctx.json(new LocationsJson(new LensJson(location.term(), time.term()), found.points(), found.visits(),
                found.stays(), inference(found.home(), place -> place(place, words), words),
                inference(found.study(), place -> place(place, words), words),
                found.regularPlaces().stream().map(regular -> inference(regular, place -> place(place, words), words))
                        .toList(),
                inference(found.routine(), RevealRoutes::routine, words),
                found.periodsAway().stream().map(away -> inference(away, RevealRoutes::away, words)).toList()));
    }

    private static <T> T parsed(String name, Supplier<T> parse) {
        try {
            return parse.get();
        }
        catch (SelfdataException reason) {
            throw QueryParameters.refused(name, reason);
        }
    }

    private static <T, J> InferenceJson<J> inference(RevealInference<T> inference, Function<T, J> json, Words words) {
        return switch (inference) {
            case RevealInference.Found<T> found -> new InferenceJson<>(true, Optional.of(json.apply(found.finding())),
                    Optional.of(confidence(found.confidence(), words)), Optional.of(evidence(found.evidence())),
                    Optional.empty());
            case RevealInference.Unknown<T> unknown -> new InferenceJson<>(false, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(words.say(unknown.reason())));
        };
    }

    private static ConfidenceJson confidence(RevealConfidence confidence, Words words) {
        return new ConfidenceJson(confidence.share(), confidence.percent(), lower(confidence.level().name()),
                words.say(confidence.level().wording()));
    }

    private static EvidenceJson evidence(RevealEvidence evidence) {
        return new EvidenceJson(evidence.count(), evidence.outOf(), lower(evidence.unit().name()), evidence.first(),
                evidence.last(), evidence.records().stream().map(RevealRoutes::link).toList());
    }

    private static RecordLinkJson link(RecordId id) {
        return new RecordLinkJson(id.token(), "/explore?record=" + id.token());
    }

    private static PlaceJson place(RevealedPlace place, Words words) {
        return new PlaceJson(rounded(place.latitude()), rounded(place.longitude()), place.withinMetres(), place.name(),
                place.kind(), place.special().map(special -> special(special, words)));
    }

    private static SpecialJson special(RevealSpecialCategory special, Words words) {
        return new SpecialJson(lower(special.name()), words.say(special.wording()));
    }

    private static RoutineJson routine(RevealedRoutine routine) {
        return new RoutineJson(routine.days().stream().map(day -> new DayJson(lower(day.day().name()), day.seen(),
                day.leaves(), day.returns())).toList());
    }

    private static AwayJson away(RevealedAway away) {
        return new AwayJson(away.firstNight(), away.lastNight(), away.nights(), away.areas());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static double rounded(double degrees) {
        return Math.round(degrees * DIGITS) / DIGITS;
    }
}
