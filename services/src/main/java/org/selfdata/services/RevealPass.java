package org.selfdata.services;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import org.selfdata.gate.Area;
import org.selfdata.gate.Geography;
import org.selfdata.gate.Times;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordTime;
import org.selfdata.model.TimePrecision;
import org.selfdata.model.TimeSpan;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One pass over a person's points and visits, in time order, as seen through a lens: each point goes through the
 * places service's stay detection and is forgotten; what is kept is the stays found (a few a day), the places they
 * are at, and, when positions are only named areas, which areas the nights fall in.
 *
 * <p>Through a recipient's lens each position is first transformed as the gate would send it: an H3 cell becomes its
 * centre, the best a recipient can do with it; a named area has no position at all; times are truncated as the gate
 * truncates them; a place's name is left out, since a grant lets it through only when it names the field.
 */
final class RevealPass implements PlacesStays.Found {
    /** A stay at a place, by the place's number, with a record it rests on. */
    record Stay(int place, long start, long end, RecordId record) {}

    private final RevealSettings settings;
    private final ZoneId zone;
    private final RevealLens lens;
    private final H3Core h3;
    private final Geography geography;
    private final Optional<Times> times;
    private final PlacesStays detection = new PlacesStays(this);
    private final PlacesGrouping places;
    private final PlacesSpans sourceVisits = new PlacesSpans();
    private final List<Stay> stays = new ArrayList<>();
    private final Map<Integer, String> kinds = new HashMap<>();
    private final Map<String, Set<LocalDate>> areaNights = new HashMap<>();
    private final Map<String, Set<LocalDate>> areaDays = new HashMap<>();
    private final RevealDaytime daytime;
    private final long longestGap;
    private Optional<RecordId> previousPoint = Optional.empty();
    private long previousMillis = Long.MIN_VALUE;
    private double latitude;
    private double longitude;
    private long points;
    private long visits;

    RevealPass(RevealSettings settings, ZoneId zone, RevealLens lens, H3Core h3, Geography geography) {
        this.settings = requireNonNull(settings, "settings is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.lens = requireNonNull(lens, "lens is null");
        this.h3 = requireNonNull(h3, "h3 is null");
        this.geography = requireNonNull(geography, "geography is null");
        this.places = new PlacesGrouping(h3);
        this.daytime = new RevealDaytime(h3, settings.daytimeResolution());
        // Times truncated to the hour give a point the whole hour since the previous one: the cap must allow it.
        this.longestGap = settings.longestGap().toMillis() + (timesTellHours() && !(lens instanceof RevealLens.Exact)
                && ((RevealLens.Received) lens).precision().time() == TimePrecision.HOUR ? Duration.ofHours(1).toMillis() : 0);
        this.times = switch (lens) {
            case RevealLens.Exact exact -> Optional.empty();
            case RevealLens.Received received -> Optional.of(new Times(received.precision().time(), zone));
        };
    }

    void add(Located record) {
        switch (record) {
            case Located.Point point -> point(point.id(), floor(point.startMillis()), point.latitude(), point.longitude());
            case Located.Visit visit -> visit(visit.id(), visit.time(), visit.visit());
            case Located.Trip trip -> {
                // Trips say where a movement began and ended, which the points already tell.
            }
        }
    }

    private void point(RecordId id, long millis, double pointLatitude, double pointLongitude) {
        points++;
        sourceVisits.forgetEndingBefore(detection.earliestStayStart(millis));
        if (position(millis, pointLatitude, pointLongitude)) {
            detection.add(millis, latitude, longitude);
            previousPoint = Optional.of(id);
            if (previousMillis != Long.MIN_VALUE) {
                daytime(id, millis, Math.min(millis - previousMillis, longestGap));
            }
        }
        previousMillis = millis;
    }

    /** Gives the time a point stands for to weekday daytime, when it falls in it. */
    private void daytime(RecordId id, long millis, long standsFor) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
        LocalTime time = local.toLocalTime();
        if (local.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue() && !time.isBefore(settings.dayStart())
                && time.isBefore(settings.dayEnd())) {
            daytime.add(id, local.toLocalDate(), latitude, longitude, standsFor);
        }
    }

    /** Gives the part of a visit in weekday daytime to where it was, day by day. */
    private void visitDaytime(RecordId id, long start, long end) {
        for (LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(start), zone);
             !day.isAfter(LocalDate.ofInstant(Instant.ofEpochMilli(end), zone)); day = day.plusDays(1)) {
            long from = Math.max(start, day.atTime(settings.dayStart()).atZone(zone).toInstant().toEpochMilli());
            long until = Math.min(end, day.atTime(settings.dayEnd()).atZone(zone).toInstant().toEpochMilli());
            if (until > from && day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
                daytime.add(id, day, latitude, longitude, until - from);
            }
        }
    }

    private void visit(RecordId id, TimeSpan span, GeoVisit visit) {
        visits++;
        long start = floor(span.start());
        long end = Math.max(start, floor(span.end()));
        sourceVisits.add(start, end);
        if (position(start, visit.latitude(), visit.longitude())) {
            boolean exact = lens instanceof RevealLens.Exact;
            int place = places.add(new PlacesVisit(latitude, longitude, exact ? visit.placeName() : Optional.empty(),
                    visit.placeId().filter(placeId -> exact), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end)));
            visit.semanticType().ifPresent(kind -> kinds.putIfAbsent(place, kind));
            stays.add(new Stay(place, start, end, id));
            visitDaytime(id, start, end);
        }
    }

    @Override
    public void stay(PlacesVisit stay) {
        long start = stay.start().toEpochMilli();
        long end = stay.end().toEpochMilli();
        if (!sourceVisits.overlaps(start, end)) {
            stays.add(new Stay(places.add(stay), start, end, previousPoint.orElseThrow()));
        }
    }

    @Override
    public void movement(PlacesSummary.Trip movement) {
        // Movements between places reveal nothing these conclusions use.
    }

    /** Ends the stay under way and hands what the pass found to the conclusions. */
    RevealFindings findings() {
        detection.finish();
        return new RevealFindings(settings, zone, this);
    }

    /**
     * Sets the position a recipient would hold and answers true, or, for a position told only as a named area, notes
     * the area for the night it falls in and answers false.
     */
    private boolean position(long millis, double exactLatitude, double exactLongitude) {
        LocationPrecision precision = switch (lens) {
            case RevealLens.Exact exact -> LocationPrecision.EXACT;
            case RevealLens.Received received -> received.precision().location();
        };
        switch (precision.level()) {
            case EXACT -> {
                latitude = exactLatitude;
                longitude = exactLongitude;
                return true;
            }
            case H3 -> {
                LatLng centre = h3.cellToLatLng(h3.latLngToCell(exactLatitude, exactLongitude, precision.resolution()));
                latitude = centre.lat;
                longitude = centre.lng;
                return true;
            }
            case NONE -> {
                return false;
            }
            case COMMUNE, DEPARTMENT, REGION, COUNTRY -> {
                Area area = geography.area(exactLatitude, exactLongitude, precision);
                if (area instanceof Area.Named named) {
                    areaDays.computeIfAbsent(named.name(), name -> new HashSet<>())
                            .add(LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone));
                    night(millis).ifPresent(night -> areaNights.computeIfAbsent(named.name(), name -> new HashSet<>())
                            .add(night));
                }
                return false;
            }
        }
        return false;
    }

    /** The evening of the night a moment falls in, if it falls in one. */
    private Optional<LocalDate> night(long millis) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
        if (!local.toLocalTime().isBefore(settings.nightStart())) {
            return Optional.of(local.toLocalDate());
        }
        return local.toLocalTime().isBefore(settings.nightEnd()) ? Optional.of(local.toLocalDate().minusDays(1))
                : Optional.empty();
    }

    private long floor(Instant instant) {
        return times.map(truncation -> truncation.floor(instant)).orElse(instant).toEpochMilli();
    }

    private long floor(long millis) {
        return times.isEmpty() ? millis : floor(Instant.ofEpochMilli(millis));
    }

    RevealLens lens() {
        return lens;
    }

    H3Core h3() {
        return h3;
    }

    /** Whether times are told finely enough to tell a night from a day: to the hour at least. */
    boolean timesTellHours() {
        return switch (lens) {
            case RevealLens.Exact exact -> true;
            case RevealLens.Received received -> received.precision().time() == TimePrecision.EXACT
                    || received.precision().time() == TimePrecision.HOUR;
        };
    }

    List<Stay> stays() {
        return stays;
    }

    RevealDaytime daytime() {
        return daytime;
    }

    PlacesGrouping places() {
        return places;
    }

    Optional<String> kind(int place) {
        return Optional.ofNullable(kinds.get(place));
    }

    /** Through a lens of named areas, the days each area has a position on. */
    Map<String, Set<LocalDate>> areaDays() {
        return areaDays;
    }

    Geography geography() {
        return geography;
    }

    Map<String, Set<LocalDate>> areaNights() {
        return areaNights;
    }

    long points() {
        return points;
    }

    long visits() {
        return visits;
    }
}
