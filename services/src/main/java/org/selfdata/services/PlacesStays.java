package org.selfdata.services;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Finds stays in a stream of location points, and the movements between them, holding one stay's worth of running
 * sums rather than the points.
 *
 * <p>This is the classic stay-point detection (Li et al., 2008), in one pass: the first point is an anchor; the points
 * that follow within {@link #STAY_RADIUS_METRES} of it belong to it; the first point beyond ends it, and it was a stay
 * if the points within spanned at least {@link #MINIMUM_STAY}. That point is the next anchor. The stay is where its
 * points are on average, from the anchor's time to its last point's. 150 metres takes in the drift of a phone indoors
 * (Wi-Fi and cell fixes are often 50 to 100 metres off) while keeping two neighbouring shops apart; a quarter of an
 * hour leaves out traffic lights and waiting at a stop. A movement joins two consecutive stays: it leaves when the
 * first ends and arrives when the second begins, and its distance is the length of the path of points between them.
 * A movement of more than {@link #LONGEST_MOVEMENT} is no trip but a time when the points showed no stay (a place
 * wider than the radius, such as a campus or a park, or a gap in the history), and is left out.
 */
final class PlacesStays {
    static final double STAY_RADIUS_METRES = 150;
    static final Duration MINIMUM_STAY = Duration.ofMinutes(15);
    static final Duration LONGEST_MOVEMENT = Duration.ofHours(12);
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /** What the detection finds, as it finds it. */
    interface Found {
        void stay(PlacesVisit stay);

        void movement(PlacesSummary.Trip movement);
    }

    private record Stay(PlacesVisit visit, double pathAtEnd) {}

    private final Found found;
    private boolean anchored;
    private double anchorLatitude;
    private double anchorLongitude;
    private long anchorMillis;
    private double pathAtAnchor;
    private long lastMillis;
    private double pathAtLast;
    private double latitudeSum;
    private double longitudeSum;
    private long count;
    private double previousLatitude;
    private double previousLongitude;
    private double path;
    private Optional<Stay> previousStay = Optional.empty();

    PlacesStays(Found found) {
        this.found = requireNonNull(found, "found is null");
    }

    void add(long millis, double latitude, double longitude) {
        if (anchored) {
            path += metres(previousLatitude, previousLongitude, latitude, longitude);
        }
        previousLatitude = latitude;
        previousLongitude = longitude;
        if (anchored && metres(anchorLatitude, anchorLongitude, latitude, longitude) <= STAY_RADIUS_METRES) {
            latitudeSum += latitude;
            longitudeSum += longitude;
            count++;
            lastMillis = millis;
            pathAtLast = path;
            return;
        }
        finish();
        anchored = true;
        anchorLatitude = latitude;
        anchorLongitude = longitude;
        anchorMillis = millis;
        pathAtAnchor = path;
        lastMillis = millis;
        pathAtLast = path;
        latitudeSum = latitude;
        longitudeSum = longitude;
        count = 1;
    }

    /** Ends the stay under way, if it lasted long enough: at the end of the points. */
    void finish() {
        if (!anchored || lastMillis - anchorMillis < MINIMUM_STAY.toMillis()) {
            return;
        }
        PlacesVisit visit = new PlacesVisit(latitudeSum / count, longitudeSum / count, Optional.empty(), Optional.empty(),
                Instant.ofEpochMilli(anchorMillis), Instant.ofEpochMilli(lastMillis));
        found.stay(visit);
        previousStay.filter(previous -> anchorMillis - previous.visit().end().toEpochMilli() <= LONGEST_MOVEMENT.toMillis())
                .ifPresent(previous -> found.movement(new PlacesSummary.Trip(previous.visit().end(), visit.start(),
                previous.visit().latitude(), previous.visit().longitude(), visit.latitude(), visit.longitude(),
                Math.round(pathAtAnchor - previous.pathAtEnd()), Optional.empty(), true)));
        previousStay = Optional.of(new Stay(visit, pathAtLast));
        anchored = false;
    }

    /** The earliest a stay still to be found can begin, so that older spans can be forgotten. */
    long earliestStayStart(long now) {
        return anchored ? anchorMillis : now;
    }

    /** The earliest a movement still to be found can begin. */
    long earliestMovementStart(long now) {
        return previousStay.map(stay -> stay.visit().end().toEpochMilli()).orElse(earliestStayStart(now));
    }

    /** The great-circle distance, on a sphere of the Earth's mean radius: within 0.5 % anywhere, enough for stays. */
    static double metres(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        double latitudeChange = Math.toRadians(toLatitude - fromLatitude);
        double longitudeChange = Math.toRadians(toLongitude - fromLongitude);
        double a = Math.pow(Math.sin(latitudeChange / 2), 2) + Math.cos(Math.toRadians(fromLatitude))
                * Math.cos(Math.toRadians(toLatitude)) * Math.pow(Math.sin(longitudeChange / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
