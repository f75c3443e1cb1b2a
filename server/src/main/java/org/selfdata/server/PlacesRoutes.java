package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.services.Places;
import org.selfdata.services.PlacesBounds;
import org.selfdata.services.PlacesDensity;
import org.selfdata.services.PlacesQuery;
import org.selfdata.services.PlacesSummary;
import org.selfdata.texts.Wording;
import org.selfdata.vault.People;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the owner has been, for the places page: {@code /api/v1/places} sums up a period (top places, longest trips,
 * the density map) and {@code /api/v1/places/density} gives the density alone within the map's view, so that a map
 * moved or zoomed fetches only its hexagons. Both read through the gate, as the owner, so each answer is on the log.
 */
final class PlacesRoutes implements HttpService {
    private static final List<String> SUMMARY_PARAMETERS = List.of("from", "to", "resolution");
    private static final List<String> DENSITY_PARAMETERS = List.of("from", "to", "resolution", "south", "west", "north", "east");
    private static final int DEFAULT_RESOLUTION = 8;
    /** A millionth of a degree is about 11 centimetres: finer digits would only lengthen the answer. */
    private static final double DIGITS = 1e6;

    private final Places places;
    private final People people;

    /**
     * @param name the owner's name for the place when they named it, else the source's
     * @param yours what the owner said of the place, when a correction of theirs holds for it
     */
    record PlaceJson(int rank, Optional<String> name, double latitude, double longitude, long visits, long seconds,
            Instant firstArrival, Instant lastDeparture, Optional<RevealRoutes.YoursJson> yours) {}

    record TripJson(Instant start, Instant end, double startLatitude, double startLongitude, double endLatitude,
            double endLongitude, long distanceMeters, Optional<String> mode, boolean detected) {}

    /** @param boundary the cell's corners, each as [latitude, longitude] */
    record CellJson(String cell, long points, List<double[]> boundary) {}

    record DensityJson(int resolution, List<CellJson> cells, int cellCount, boolean truncated) {}

    record PlacesJson(long points, long visits, int placeCount, long tripCount, List<PlaceJson> places, List<TripJson> trips,
            DensityJson density) {}

    PlacesRoutes(Places places, People people) {
        this.places = requireNonNull(places, "places is null");
        this.people = requireNonNull(people, "people is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/places", this::summary);
        routes.get("/api/v1/places/density", this::densityInView);
    }

    private void summary(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), SUMMARY_PARAMETERS);
        PersonId person = OwnerGuard.signedIn(ctx).person();
        PlacesSummary summary = places.summary(person, query(parameters, people.get(person).zone()));
        ctx.json(new PlacesJson(summary.points(), summary.visits(), summary.placeCount(), summary.tripCount(),
                summary.places().stream().map(PlacesRoutes::place).toList(),
                summary.trips().stream().map(PlacesRoutes::trip).toList(), density(summary.density())));
    }

    private void densityInView(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), DENSITY_PARAMETERS);
        PersonId person = OwnerGuard.signedIn(ctx).person();
        PlacesQuery query = query(parameters, people.get(person).zone());
        PlacesBounds bounds = bounds(parameters);
        ctx.json(density(places.density(person, query, bounds)));
    }

    /** {@code from} and {@code to} are instants, or days from their start in the person's time zone. */
    private static PlacesQuery query(QueryParameters parameters, ZoneId zone) {
        Optional<Instant> from = parameters.dayOrInstant("from", zone);
        Optional<Instant> to = parameters.dayOrInstant("to", zone);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.toBeforeFrom"));
        }
        int resolution = (int) parameters.wholeNumber("resolution", PlacesQuery.COARSEST_RESOLUTION,
                PlacesQuery.FINEST_RESOLUTION, DEFAULT_RESOLUTION);
        return new PlacesQuery(from, to, resolution);
    }

    /** The view's four sides, all or none: none is the whole world. */
    private static PlacesBounds bounds(QueryParameters parameters) {
        List<Optional<Double>> sides = List.of(degrees(parameters, "south"), degrees(parameters, "west"),
                degrees(parameters, "north"), degrees(parameters, "east"));
        if (sides.stream().allMatch(Optional::isEmpty)) {
            return PlacesBounds.world();
        }
        if (sides.stream().anyMatch(Optional::isEmpty)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.boundsPartial"));
        }
        return new PlacesBounds(sides.get(0).get(), sides.get(1).get(), sides.get(2).get(), sides.get(3).get());
    }

    private static Optional<Double> degrees(QueryParameters parameters, String name) {
        return parameters.single(name).map(value -> {
            try {
                double degrees = Double.parseDouble(value);
                if (Double.isFinite(degrees)) {
                    return degrees;
                }
            }
            catch (NumberFormatException notANumber) {
                // Refused below.
            }
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.parameterDegrees", name));
        });
    }

    private static PlaceJson place(PlacesSummary.Place place) {
        return new PlaceJson(place.rank(), place.name(), place.latitude(), place.longitude(), place.visits(),
                place.timeSpent().toSeconds(), place.firstArrival(), place.lastDeparture(),
                place.yours().map(yours -> new RevealRoutes.YoursJson(yours.verdict().term(), yours.name())));
    }

    private static TripJson trip(PlacesSummary.Trip trip) {
        return new TripJson(trip.start(), trip.end(), trip.startLatitude(), trip.startLongitude(), trip.endLatitude(),
                trip.endLongitude(), trip.distanceMeters(), trip.mode(), trip.detected());
    }

    private static DensityJson density(PlacesDensity density) {
        List<CellJson> cells = density.cells().stream()
                .map(cell -> new CellJson(cell.cell(), cell.points(), cell.boundary().stream()
                        .map(corner -> new double[] {rounded(corner.latitude()), rounded(corner.longitude())})
                        .toList()))
                .toList();
        return new DensityJson(density.resolution(), cells, density.cellCount(), density.truncated());
    }

    private static double rounded(double degrees) {
        return Math.round(degrees * DIGITS) / DIGITS;
    }
}
