package org.selfdata.services;

import org.selfdata.model.GeoTrip;
import org.selfdata.model.RecordId;
import org.selfdata.model.TimeSpan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Cuts a person's location points, in time order, into legs of trips made one way ({@link CarbonInference}).
 *
 * <p>Where the points carry the activity the phone recognized, they say themselves when the person moved and how: a leg
 * is a run of points recognized alike, the step into each point going with that point's activity (or with the one
 * before, for the step arriving at a point that has none); steps between points that carry none are the phone standing
 * still, or the drift of its fixes, and count for no distance. A run broken for more than {@link #LEG_BREAK} (a change of
 * train, a wait at a station) starts a new leg. This needs no stay to be found at either end, which matters where fixes
 * drift more widely than a stay's radius, on a campus or in an old town.
 *
 * <p>Points without activity are cut into trips between stays ({@link PlacesStays}), each trip one leg over all its points
 * whose way is told by speed and distance alone. On a day the phone recognized activities at all, such a trip is its
 * fixes drifting while it lay still, and is left out.
 *
 * <p>A trip the source recorded itself is one leg, its way read from the source; legs found in the points at the same
 * moments are the same trip, and are left out.
 *
 * <p>The points of a trip are held until the stay that ends it is found; older points are forgotten, so the pass holds
 * the points of a stay and a trip at a time however long the period.
 */
final class CarbonTrips implements PlacesStays.Found {
    static final Duration LEG_BREAK = Duration.ofMinutes(5);
    /** Points older than this are forgotten even with no stay found since: no trip found after could reach back to them. */
    static final Duration LONGEST_HELD = Duration.ofDays(14);

    private record Point(long millis, double latitude, double longitude, CarbonInference.Activity activity, RecordId id) {}

    private final PlacesStays stays = new PlacesStays(this);
    private final PlacesSpans sourceTrips = new PlacesSpans();
    private final ArrayDeque<Point> points = new ArrayDeque<>();
    private final List<CarbonLeg> legs = new ArrayList<>();
    private final List<CarbonLeg> bySpeed = new ArrayList<>();
    private final ZoneId zone;
    private final Set<LocalDate> recognizingDays = new HashSet<>();
    private Point previous;
    private Point first;
    private Point last;
    private CarbonInference.Activity current = CarbonInference.Activity.NONE;
    private double metres;

    /** @param zone the person's, whose calendar days say which days the phone recognized activities on */
    CarbonTrips(ZoneId zone) {
        this.zone = requireNonNull(zone, "zone is null");
    }

    void add(Located record) {
        long now = record.startMillis();
        long earliest = stays.earliestMovementStart(now);
        sourceTrips.forgetEndingBefore(first == null ? earliest : Math.min(earliest, first.millis()));
        switch (record) {
            case Located.Point point -> {
                long keepFrom = Math.max(earliest, now - LONGEST_HELD.toMillis());
                while (!points.isEmpty() && points.peekFirst().millis() < keepFrom) {
                    points.removeFirst();
                }
                Point read = new Point(now, point.latitude(), point.longitude(), point.activity(), point.id());
                points.addLast(read);
                if (read.activity() != CarbonInference.Activity.NONE) {
                    recognizingDays.add(day(now));
                }
                recognized(read);
                stays.add(now, point.latitude(), point.longitude());
            }
            case Located.Trip(var id, TimeSpan time, GeoTrip trip) -> {
                sourceTrips.add(now, time.endMillis());
                long length = PlacesPass.distance(trip);
                CarbonInference.Activity activity = CarbonInference.Activity.of(trip.mode());
                legs.add(new CarbonLeg(time.start(), time.end(), CarbonInference.mode(length,
                        Duration.between(time.start(), time.end()).toSeconds(), activity), length,
                        activity != CarbonInference.Activity.NONE, List.of(id),
                        new CarbonLeg.Ends(trip.startLatitude(), trip.startLongitude(), trip.endLatitude(),
                                trip.endLongitude())));
            }
            case Located.Visit visit -> {
                // Only points and trips are read.
            }
        }
    }

    /** The legs found, once every record is in. */
    List<CarbonLeg> legs() {
        stays.finish();
        closeLeg();
        List<CarbonLeg> all = new ArrayList<>(legs);
        bySpeed.stream().filter(leg -> !recognizingDays.contains(day(leg.start().toEpochMilli())))
                .forEach(all::add);
        all.sort(Comparator.comparing(CarbonLeg::start));
        return List.copyOf(all);
    }

    /** Extends, closes or opens the leg of recognized activity under way with the step into this point. */
    private void recognized(Point point) {
        Point before = previous;
        previous = point;
        if (before == null) {
            return;
        }
        CarbonInference.Activity activity = point.activity() != CarbonInference.Activity.NONE ? point.activity()
                : before.activity();
        if (activity == CarbonInference.Activity.NONE) {
            return;
        }
        if (first != null && (activity != current || before.millis() - last.millis() > LEG_BREAK.toMillis())) {
            closeLeg();
        }
        if (first == null) {
            first = before;
            current = activity;
            metres = 0;
        }
        metres += step(before, point);
        last = point;
    }

    private void closeLeg() {
        if (first != null && !sourceTrips.overlaps(first.millis(), last.millis())) {
            legs.add(leg(first, last, metres, current));
        }
        first = null;
    }

    @Override
    public void stay(PlacesVisit stay) {
        // Stays only cut the points into trips.
    }

    @Override
    public void movement(PlacesSummary.Trip movement) {
        long start = movement.start().toEpochMilli();
        long end = movement.end().toEpochMilli();
        if (sourceTrips.overlaps(start, end)) {
            return;
        }
        List<Point> trip = points.stream().filter(point -> point.millis() >= start && point.millis() <= end).toList();
        if (trip.size() < 2 || trip.stream().anyMatch(point -> point.activity() != CarbonInference.Activity.NONE)) {
            return;
        }
        double length = 0;
        for (int index = 1; index < trip.size(); index++) {
            length += step(trip.get(index - 1), trip.get(index));
        }
        bySpeed.add(leg(trip.getFirst(), trip.getLast(), length, CarbonInference.Activity.NONE));
    }

    private static CarbonLeg leg(Point first, Point last, double metres, CarbonInference.Activity activity) {
        long seconds = (last.millis() - first.millis()) / 1000;
        return new CarbonLeg(Instant.ofEpochMilli(first.millis()), Instant.ofEpochMilli(last.millis()),
                CarbonInference.mode(metres, seconds, activity), metres, activity != CarbonInference.Activity.NONE,
                List.of(first.id(), last.id()),
                new CarbonLeg.Ends(first.latitude(), first.longitude(), last.latitude(), last.longitude()));
    }

    private LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }

    private static double step(Point from, Point to) {
        return PlacesStays.metres(from.latitude(), from.longitude(), to.latitude(), to.longitude());
    }
}
