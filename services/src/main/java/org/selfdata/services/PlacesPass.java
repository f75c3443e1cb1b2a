package org.selfdata.services;

import com.uber.h3core.H3Core;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.TimeSpan;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One pass over a period's points, visits and trips, in time order: what the summary needs is tallied as records go
 * by, and none is kept. The source's own visits and trips come first; a stay or movement found in the points at the
 * same moments is the same one, seen twice, and is left out.
 */
final class PlacesPass implements PlacesStays.Found {
    private static final Comparator<PlacesSummary.Trip> LONGER = Comparator
            .comparingLong(PlacesSummary.Trip::distanceMeters)
            .thenComparing(PlacesSummary.Trip::start, Comparator.reverseOrder());

    private final PlacesStays stays = new PlacesStays(this);
    private final PlacesGrouping places;
    private final PlacesDensityCount density;
    private final PlacesSpans sourceVisits = new PlacesSpans();
    private final PlacesSpans sourceTrips = new PlacesSpans();
    private final PriorityQueue<PlacesSummary.Trip> longest = new PriorityQueue<>(LONGER);
    private long points;
    private long visits;
    private long trips;

    PlacesPass(H3Core h3, int resolution) {
        places = new PlacesGrouping(h3);
        density = new PlacesDensityCount(h3, resolution, PlacesBounds.world());
    }

    /** Adds a record to the summary, in the vault's order. */
    void add(Located record) {
        long now = record.startMillis();
        sourceVisits.forgetEndingBefore(stays.earliestStayStart(now));
        sourceTrips.forgetEndingBefore(stays.earliestMovementStart(now));
        switch (record) {
            case Located.Point point -> {
                points++;
                density.add(point.latitude(), point.longitude());
                stays.add(now, point.latitude(), point.longitude());
            }
            case Located.Visit(var id, TimeSpan time, GeoVisit visit) -> {
                sourceVisits.add(now, time.endMillis());
                visits++;
                places.add(new PlacesVisit(visit.latitude(), visit.longitude(), visit.placeName(), visit.placeId(),
                        time.start(), time.end()));
            }
            case Located.Trip(var id, TimeSpan time, GeoTrip trip) -> {
                sourceTrips.add(now, time.endMillis());
                keep(new PlacesSummary.Trip(time.start(), time.end(), trip.startLatitude(),
                        trip.startLongitude(), trip.endLatitude(), trip.endLongitude(), distance(trip), trip.mode(), false));
            }
        }
    }

    @Override
    public void stay(PlacesVisit stay) {
        if (!sourceVisits.overlaps(stay.start().toEpochMilli(), stay.end().toEpochMilli())) {
            visits++;
            places.add(stay);
        }
    }

    @Override
    public void movement(PlacesSummary.Trip movement) {
        if (!sourceTrips.overlaps(movement.start().toEpochMilli(), movement.end().toEpochMilli())) {
            keep(movement);
        }
    }

    PlacesSummary summary() {
        stays.finish();
        List<PlacesSummary.Trip> kept = longest.stream().sorted(LONGER.reversed()).toList();
        return new PlacesSummary(points, visits, places.count(), trips, places.top(Places.TOP), kept,
                density.density(Places.MAXIMUM_CELLS));
    }

    private void keep(PlacesSummary.Trip trip) {
        trips++;
        longest.add(trip);
        if (longest.size() > Places.TOP) {
            longest.poll();
        }
    }

    /** The source's distance when it gives one, else the length of its path, else a straight line. */
    static long distance(GeoTrip trip) {
        if (trip.distanceMeters().isPresent()) {
            return trip.distanceMeters().get();
        }
        double metres = 0;
        double latitude = trip.startLatitude();
        double longitude = trip.startLongitude();
        for (GeoTrip.Waypoint waypoint : trip.waypoints()) {
            metres += PlacesStays.metres(latitude, longitude, waypoint.latitude(), waypoint.longitude());
            latitude = waypoint.latitude();
            longitude = waypoint.longitude();
        }
        metres += PlacesStays.metres(latitude, longitude, trip.endLatitude(), trip.endLongitude());
        return Math.round(metres);
    }
}
