package org.selfdata.services;

import org.selfdata.model.PlaceCorrection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where a person went over a period: the places where they spent most time, their longest trips, and where their
 * location points fall.
 *
 * @param points the location points read
 * @param visits the stays: the source's visits and those found in the points
 * @param placeCount how many distinct places those stays were at
 * @param tripCount the trips: the source's and the movements between stays found in the points
 * @param places the places where most time was spent, most first
 * @param trips the longest trips, longest first
 */
public record PlacesSummary(long points, long visits, int placeCount, long tripCount, List<Place> places, List<Trip> trips,
        PlacesDensity density) {
    /**
     * @param rank 1 for the place where most time was spent
     * @param name the person's name for the place when they named it, else what the source called it, when it named
     *     it; the page says "place N" otherwise
     * @param yours what the person said of the place, when a correction of theirs holds within the stays' radius
     */
    public record Place(int rank, Optional<String> name, double latitude, double longitude, long visits, Duration timeSpent,
            Instant firstArrival, Instant lastDeparture, Optional<PlaceCorrection> yours) {
        public Place {
            requireNonNull(name, "name is null");
            requireNonNull(timeSpent, "timeSpent is null");
            requireNonNull(firstArrival, "firstArrival is null");
            requireNonNull(lastDeparture, "lastDeparture is null");
            requireNonNull(yours, "yours is null");
        }

        /** The same place as the person corrected it: their name, when they gave one, before the source's. */
        Place correctedBy(PlaceCorrection correction) {
            return new Place(rank, correction.name().or(() -> name), latitude, longitude, visits, timeSpent, firstArrival,
                    lastDeparture, Optional.of(correction));
        }
    }

    /**
     * @param mode how the person travelled, when the source says
     * @param detected whether the trip was found between two stays in the points rather than given by the source
     */
    public record Trip(Instant start, Instant end, double startLatitude, double startLongitude, double endLatitude,
            double endLongitude, long distanceMeters, Optional<String> mode, boolean detected) {
        public Trip {
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
            requireNonNull(mode, "mode is null");
        }
    }

    /** The same summary with the person's corrections applied to its places, each to the nearest within its radius. */
    PlacesSummary correctedBy(List<PlaceCorrection> corrections) {
        return new PlacesSummary(points, visits, placeCount, tripCount, places.stream()
                .map(place -> RevealCorrections.near(corrections, place.latitude(), place.longitude(),
                        PlacesStays.STAY_RADIUS_METRES).map(place::correctedBy).orElse(place))
                .toList(), trips, density);
    }

    public PlacesSummary {
        places = List.copyOf(places);
        trips = List.copyOf(trips);
        requireNonNull(density, "density is null");
    }
}
