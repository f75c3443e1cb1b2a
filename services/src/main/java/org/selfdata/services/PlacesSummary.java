package org.selfdata.services;

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
     * @param name what the source called the place, when it named it; the page says "place N" otherwise
     */
    public record Place(int rank, Optional<String> name, double latitude, double longitude, long visits, Duration timeSpent,
            Instant firstArrival, Instant lastDeparture) {
        public Place {
            requireNonNull(name, "name is null");
            requireNonNull(timeSpent, "timeSpent is null");
            requireNonNull(firstArrival, "firstArrival is null");
            requireNonNull(lastDeparture, "lastDeparture is null");
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

    public PlacesSummary {
        places = List.copyOf(places);
        trips = List.copyOf(trips);
        requireNonNull(density, "density is null");
    }
}
