package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.CorrectedPlace;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.model.SelfdataException;
import org.selfdata.services.PlaceKeys;
import org.selfdata.services.RevealCorrections;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the owner said of the places selfdata found: {@code /api/v1/reveal/places} lists the places confirmed, named or
 * marked wrong, each with its history; {@code PUT /api/v1/reveal/places/{key}} says it of one place, under its key
 * ({@link PlaceKeys}), and {@code DELETE} takes it back. The owner's alone: their names and verdicts are their own
 * records, sealed in the vault, and the rest of selfdata uses the names.
 */
final class RevealPlacesRoutes implements HttpService {
    private static final String PLACE = "/api/v1/reveal/places/{key}";
    private static final Set<String> CORRECTION_FIELDS = Set.of("latitude", "longitude", "verdict", "name");

    private final RevealCorrections corrections;
    private final JsonBodies bodies;

    record HistoryJson(String verdict, Optional<String> name, Instant at) {}

    /** A place the person corrected: what holds now, when it was said, and everything said of it before. */
    record CorrectedPlaceJson(String key, double latitude, double longitude, String verdict, Optional<String> name,
            Instant at, List<HistoryJson> history) {}

    record CorrectedPlacesJson(List<CorrectedPlaceJson> places) {}

    RevealPlacesRoutes(RevealCorrections corrections, JsonBodies bodies) {
        this.corrections = requireNonNull(corrections, "corrections is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/reveal/places", this::places);
        routes.put(PLACE, this::correct);
        routes.delete(PLACE, this::withdraw);
    }

    private void places(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        ctx.json(new CorrectedPlacesJson(corrections.places(person).stream().map(RevealPlacesRoutes::corrected).toList()));
    }

    /** Nothing is kept unless every field is right: the key, the position, the verdict and the name together. */
    private void correct(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        String key = ctx.pathParam("key");
        JsonNode body = bodies.read(ctx);
        if (!body.isObject() || body.propertyNames().stream().anyMatch(field -> !CORRECTION_FIELDS.contains(field))) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.fields"));
        }
        double latitude = degrees(body, "latitude", Wording.of("reveal.place.latitude"));
        double longitude = degrees(body, "longitude", Wording.of("reveal.place.longitude"));
        PlaceVerdict verdict = PlaceVerdict.given(JsonFields.optionalText(body, "verdict").orElse(""));
        Optional<String> name = JsonFields.optionalText(body, "name");
        ctx.json(corrected(corrections.correct(person, key, latitude, longitude, verdict, name)));
    }

    private void withdraw(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        corrections.withdraw(person, ctx.pathParam("key"));
        ctx.status(204);
    }

    private static double degrees(JsonNode body, String field, Wording refusal) {
        JsonNode node = body.get(field);
        if (node == null || !node.isNumber()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, refusal);
        }
        return node.asDouble();
    }

    private static CorrectedPlaceJson corrected(CorrectedPlace place) {
        PlaceCorrection latest = place.latest();
        return new CorrectedPlaceJson(place.key(), latest.latitude(), latest.longitude(), latest.verdict().term(),
                latest.name(), latest.at(), place.history().stream()
                        .map(correction -> new HistoryJson(correction.verdict().term(), correction.name(), correction.at()))
                        .toList());
    }
}
