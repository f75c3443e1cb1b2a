package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.PersonId;
import org.selfdata.model.Precision;
import org.selfdata.model.RecordId;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimePrecision;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealConfidence;
import org.selfdata.services.RevealEvidence;
import org.selfdata.services.RevealFinding;
import org.selfdata.services.RevealInference;
import org.selfdata.services.RevealLens;
import org.selfdata.services.RevealSpecialCategory;
import org.selfdata.services.RevealedAway;
import org.selfdata.services.RevealedLocations;
import org.selfdata.services.RevealedPlace;
import org.selfdata.services.RevealedRoutine;
import org.selfdata.services.RevealedSource;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.People;

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
 * work or study, regular places, weekly routine, periods away, towns visited), each with its confidence and evidence,
 * from their exact records or, with {@code location} and {@code time} precisions, from the records as a recipient given
 * those would receive them. {@code /api/v1/reveal/money} and {@code /api/v1/reveal/agenda} give what their bank
 * transactions, and their calendar and address book, say, in one shape for any source: a list of findings, each with
 * its sentence, so that a page shows them without knowing the source. The owner's alone: a recipient's token never
 * reaches them, and nothing of it is shared. What the owner said of the places found is {@link RevealPlacesRoutes}'s.
 */
final class RevealRoutes implements HttpService {
    private static final List<String> PARAMETERS = List.of("location", "time");
    /** A millionth of a degree is about 11 centimetres: finer digits would only lengthen the answer. */
    private static final double DIGITS = 1e6;

    private final Reveal reveal;
    private final People people;

    record LensJson(String location, String time) {}

    record ConfidenceJson(double share, int percent, String level, String words) {}

    record RecordLinkJson(String id, String explore) {}

    record EvidenceJson(long count, long outOf, String unit, Optional<LocalDate> first, Optional<LocalDate> last,
            List<RecordLinkJson> records) {}

    record SpecialJson(String category, String words) {}

    /** What the person said of a place: a verdict, and their name for it with the verdict named. */
    record YoursJson(String verdict, Optional<String> name) {}

    /**
     * @param key the place's key, that of the person's correction when one holds for it
     * @param yours what the person said of the place, when a correction of theirs holds for it
     */
    record PlaceJson(double latitude, double longitude, long withinMetres, Optional<String> name, Optional<String> kind,
            Optional<SpecialJson> special, String key, Optional<YoursJson> yours) {}

    record DayJson(String day, int seen, Optional<LocalTime> leaves, Optional<LocalTime> returns) {}

    record RoutineJson(List<DayJson> days) {}

    record AwayJson(LocalDate firstNight, LocalDate lastNight, int nights, List<String> areas) {}

    record TownJson(String name, int days) {}

    /** @param reason why nothing was found, when nothing was: in the reader's language, with the numbers */
    record InferenceJson<T>(boolean found, Optional<T> finding, Optional<ConfidenceJson> confidence,
            Optional<EvidenceJson> evidence, Optional<String> reason) {}

    record LocationsJson(LensJson lens, long points, long visits, long stays, InferenceJson<PlaceJson> home,
            InferenceJson<PlaceJson> study, List<InferenceJson<PlaceJson>> regularPlaces,
            InferenceJson<RoutineJson> routine, List<InferenceJson<AwayJson>> periodsAway, List<TownJson> towns,
            List<PlaceJson> markedWrong) {}

    /**
     * @param says what was found, in the reader's language; when nothing was, the same words as {@code reason}
     * @param special the special category of data the finding may reveal, when its words name one
     */
    record FindingJson(String kind, boolean found, String says, Optional<ConfidenceJson> confidence,
            Optional<EvidenceJson> evidence, Optional<SpecialJson> special, Optional<String> reason) {}

    record SourceJson(String source, long records, List<FindingJson> findings) {}

    RevealRoutes(Reveal reveal, People people) {
        this.reveal = requireNonNull(reveal, "reveal is null");
        this.people = requireNonNull(people, "people is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/reveal/locations", this::locations);
        routes.get("/api/v1/reveal/money", this::money);
        routes.get("/api/v1/reveal/agenda", this::agenda);
    }

    private void money(Context ctx) {
        QueryParameters.of(ctx.queryParamMap(), List.of());
        PersonId person = OwnerGuard.signedIn(ctx).person();
        ctx.json(source(reveal.money(person), Words.of(Problems.language(ctx))));
    }

    private void agenda(Context ctx) {
        QueryParameters.of(ctx.queryParamMap(), List.of());
        PersonId person = OwnerGuard.signedIn(ctx).person();
        ctx.json(source(reveal.agenda(person, people.get(person).zone()), Words.of(Problems.language(ctx))));
    }

    private static SourceJson source(RevealedSource source, Words words) {
        return new SourceJson(source.source().term(), source.records(),
                source.findings().stream().map(finding -> finding(finding, words)).toList());
    }

    private static FindingJson finding(RevealFinding finding, Words words) {
        Optional<SpecialJson> special = finding.special().map(category -> special(category, words));
        String says = words.say(finding.says());
        return switch (finding.inference()) {
            case RevealInference.Found<Wording> found -> new FindingJson(finding.kind().term(), true, says,
                    Optional.of(confidence(found.confidence(), words)), Optional.of(evidence(found.evidence())), special,
                    Optional.empty());
            case RevealInference.Unknown<Wording> unknown -> new FindingJson(finding.kind().term(), false, says,
                    Optional.empty(), Optional.empty(), special, Optional.of(says));
        };
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
                found.periodsAway().stream().map(away -> inference(away, RevealRoutes::away, words)).toList(),
                found.towns().stream().map(town -> new TownJson(town.name(), town.days())).toList(),
                found.markedWrong().stream().map(place -> place(place, words)).toList()));
    }

    private static <T> T parsed(String name, Supplier<T> parse) {
        try {
            return parse.get();
        }
        catch (SelfdataException reason) {
            throw QueryParameters.refused(name, reason);
        }
    }

    static <T, J> InferenceJson<J> inference(RevealInference<T> inference, Function<T, J> json, Words words) {
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

    static PlaceJson place(RevealedPlace place, Words words) {
        return new PlaceJson(rounded(place.latitude()), rounded(place.longitude()), place.withinMetres(), place.name(),
                place.kind(), place.special().map(special -> special(special, words)), place.key(),
                place.yours().map(yours -> new YoursJson(yours.verdict().term(), yours.name())));
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
