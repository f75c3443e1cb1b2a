package org.selfdata.services;

import com.uber.h3core.H3Core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * Gathers stays into places: a stay belongs to the place whose first stay lies within
 * {@link PlacesStays#STAY_RADIUS_METRES} of it, or to the place the source names by the same identifier; otherwise it
 * starts a place of its own. Places are found through the H3 cell (resolution 9, cells about 350 metres across) of
 * their first stay and its neighbours, so each stay is compared with a few places rather than all of them.
 */
final class PlacesGrouping {
    private static final int INDEX_RESOLUTION = 9;

    private static final class Tally {
        private final int index;
        private final double anchorLatitude;
        private final double anchorLongitude;
        private Optional<String> name = Optional.empty();
        private double latitudeSum;
        private double longitudeSum;
        private long visits;
        private long millis;
        private Instant firstArrival;
        private Instant lastDeparture;

        Tally(int index, PlacesVisit first) {
            this.index = index;
            anchorLatitude = first.latitude();
            anchorLongitude = first.longitude();
            firstArrival = first.start();
            lastDeparture = first.end();
        }

        void add(PlacesVisit visit) {
            if (name.isEmpty()) {
                name = visit.name();
            }
            latitudeSum += visit.latitude();
            longitudeSum += visit.longitude();
            visits++;
            millis += visit.end().toEpochMilli() - visit.start().toEpochMilli();
            firstArrival = visit.start().isBefore(firstArrival) ? visit.start() : firstArrival;
            lastDeparture = visit.end().isAfter(lastDeparture) ? visit.end() : lastDeparture;
        }
    }

    private final H3Core h3;
    private final List<Tally> places = new ArrayList<>();
    private final Map<Long, List<Tally>> byCell = new HashMap<>();
    private final Map<String, Tally> byPlaceId = new HashMap<>();

    PlacesGrouping(H3Core h3) {
        this.h3 = requireNonNull(h3, "h3 is null");
    }

    /** Adds a stay to its place, and answers the place's number: 0 for the first place found, then 1, and so on. */
    int add(PlacesVisit visit) {
        Tally place = visit.placeId().map(byPlaceId::get).or(() -> nearest(visit)).orElseGet(() -> start(visit));
        visit.placeId().ifPresent(id -> byPlaceId.putIfAbsent(id, place));
        place.add(visit);
        return place.index;
    }

    /** Where the stays of a place, by its number, are on average. */
    double latitude(int place) {
        return places.get(place).latitudeSum / places.get(place).visits;
    }

    double longitude(int place) {
        return places.get(place).longitudeSum / places.get(place).visits;
    }

    /** The name the source gave the place, when one of its visits carried one. */
    Optional<String> name(int place) {
        return places.get(place).name;
    }

    int count() {
        return places.size();
    }

    /** The places where most time was spent, most first; equal times by first arrival. */
    List<PlacesSummary.Place> top(int limit) {
        List<Tally> ranked = places.stream()
                .sorted(Comparator.comparingLong((Tally tally) -> -tally.millis).thenComparing(tally -> tally.firstArrival))
                .limit(limit)
                .toList();
        return IntStream.range(0, ranked.size()).mapToObj(index -> {
            Tally tally = ranked.get(index);
            return new PlacesSummary.Place(index + 1, tally.name, tally.latitudeSum / tally.visits,
                    tally.longitudeSum / tally.visits, tally.visits, Duration.ofMillis(tally.millis), tally.firstArrival,
                    tally.lastDeparture, Optional.empty());
        }).toList();
    }

    private Optional<Tally> nearest(PlacesVisit visit) {
        long cell = h3.latLngToCell(visit.latitude(), visit.longitude(), INDEX_RESOLUTION);
        Tally nearest = null;
        double nearestMetres = PlacesStays.STAY_RADIUS_METRES;
        for (long neighbour : h3.gridDisk(cell, 1)) {
            for (Tally place : byCell.getOrDefault(neighbour, List.of())) {
                double metres = PlacesStays.metres(place.anchorLatitude, place.anchorLongitude, visit.latitude(),
                        visit.longitude());
                if (metres <= nearestMetres) {
                    nearest = place;
                    nearestMetres = metres;
                }
            }
        }
        return Optional.ofNullable(nearest);
    }

    private Tally start(PlacesVisit visit) {
        Tally place = new Tally(places.size(), visit);
        places.add(place);
        byCell.computeIfAbsent(h3.latLngToCell(visit.latitude(), visit.longitude(), INDEX_RESOLUTION),
                cell -> new ArrayList<>()).add(place);
        return place;
    }
}
