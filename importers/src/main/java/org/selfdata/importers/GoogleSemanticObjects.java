package org.selfdata.importers;

import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Walks the {@code timelineObjects} array of a Semantic Location History month, one object at a time.
 *
 * <ul>
 * <li>A {@code placeVisit} is a {@code geo.visit} spanning its {@code duration}, at its {@code location} (or, when
 * that has no coordinates, at the visit's centre). Its {@code childVisits} (a shop inside a mall) are visits of
 * their own, read the same way: they are distinct stays, not repetitions.</li>
 * <li>An {@code activitySegment} is a {@code geo.trip} from its {@code startLocation} to its {@code endLocation}; its
 * {@code waypointPath} becomes the trip's waypoints, which have no times.</li>
 * <li>The points of a {@code simplifiedRawPath}, in a visit or a segment, become {@code geo.point}s: they are the
 * only timed fixes of the file, and a Takeout that holds the semantic history without {@code Records.json} would
 * otherwise lose them. They are a subset of the fixes in {@code Records.json}, so a person who imports both will
 * see each of them twice (once with its device and source, once with its accuracy only): they are not the same
 * record, and the vault keeps both.</li>
 * </ul>
 *
 * <p>The confidence that a visit was at its place is {@code location.locationConfidence}. Exports write it as a
 * percentage or as a fraction; a visit whose confidences ({@code visitConfidence}, {@code locationConfidence},
 * {@code calibratedProbability}) include a value above 1 writes percentages, since fractions never exceed 1.
 *
 * <p>A visit or a segment that cannot be read (no coordinates, no times, an end before its start) is rejected on
 * its own, and reading goes on with the next. Other properties of the file and of each object are read past.
 */
final class GoogleSemanticObjects implements RecordReader {
    private final JsonParser parser;
    private final PendingItems pending = new PendingItems();
    private long index = -1;
    private boolean ended;

    GoogleSemanticObjects(JsonParser parser) {
        this.parser = requireNonNull(parser, "parser is null");
    }

    /** Moves to the start of the {@code timelineObjects} array, reading past any other top-level property. */
    void enterArray() {
        JsonElements.guarded("/", () -> {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw InvalidInput.at("/", Wording.of("error.google.notSemanticHistory"));
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                JsonToken value = parser.nextToken();
                if (parser.currentName().equals("timelineObjects")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw InvalidInput.at("/timelineObjects", Wording.of("error.google.timelineObjectsNotArray"));
                    }
                    return null;
                }
                parser.skipChildren();
            }
            throw InvalidInput.at("/", Wording.of("error.google.noTimelineObjects"));
        });
    }

    @Override
    public Optional<RecordDraft> read() {
        while (pending.isEmpty() && !ended) {
            index++;
            String pointer = "/timelineObjects/" + index;
            JsonElements.guarded(pointer, () -> {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    ended = true;
                }
                else if (token == JsonToken.START_OBJECT) {
                    timelineObject(JsonElements.tree(parser), pointer);
                }
                else {
                    throw InvalidInput.at(pointer, Wording.of("error.google.timelineObject"));
                }
                return null;
            });
        }
        return pending.next();
    }

    private void timelineObject(JsonNode object, String pointer) {
        JsonNode visit = object.path("placeVisit");
        JsonNode segment = object.path("activitySegment");
        if (visit.isObject()) {
            placeVisit(visit, pointer + "/placeVisit");
        }
        if (segment.isObject()) {
            activitySegment(segment, pointer + "/activitySegment");
        }
        if (!visit.isObject() && !segment.isObject()) {
            pending.reject(Position.jsonPointer(pointer), Wording.of("error.google.visitOrSegment"));
        }
    }

    private void placeVisit(JsonNode visit, String pointer) {
        pending.offer(Position.jsonPointer(pointer), () -> visitDraft(visit, pointer));
        JsonNode children = visit.path("childVisits");
        for (int child = 0; child < JsonValues.length(children); child++) {
            if (children.path(child).isObject()) {
                placeVisit(children.path(child), pointer + "/childVisits/" + child);
            }
        }
        rawPath(visit.path("simplifiedRawPath"), pointer + "/simplifiedRawPath", Optional.empty());
    }

    private static RecordDraft visitDraft(JsonNode visit, String pointer) {
        JsonNode location = visit.path("location");
        Coordinates place = Coordinates.fromE7(location, "latitudeE7", "longitudeE7")
                .or(() -> Coordinates.fromE7(visit, "centerLatE7", "centerLngE7"))
                .orElseThrow(() -> JsonValues.complaint("location", Wording.of("error.google.coordinates")));
        boolean percentages = Stream.of(JsonValues.number(visit, "visitConfidence"),
                        JsonValues.number(visit, "locationConfidence"), JsonValues.number(location, "locationConfidence"),
                        JsonValues.number(location, "calibratedProbability"))
                .flatMap(Optional::stream)
                .anyMatch(Probabilities::isPercentage);
        Optional<Double> confidence = JsonValues.number(location, "locationConfidence")
                .map(value -> Probabilities.fraction(value, percentages));
        GeoVisit payload = new GeoVisit(place.latitude(), place.longitude(), JsonValues.text(location, "name"),
                JsonValues.text(location, "address"), JsonValues.text(location, "placeId"),
                JsonValues.text(location, "semanticType"), confidence);
        return RecordDraft.of(duration(visit), payload, Position.jsonPointer(pointer));
    }

    private void activitySegment(JsonNode segment, String pointer) {
        pending.offer(Position.jsonPointer(pointer), () -> tripDraft(segment, pointer));
        rawPath(segment.path("simplifiedRawPath"), pointer + "/simplifiedRawPath", mode(segment));
    }

    private static RecordDraft tripDraft(JsonNode segment, String pointer) {
        Coordinates start = Coordinates.fromE7(segment.path("startLocation"), "latitudeE7", "longitudeE7")
                .orElseThrow(() -> JsonValues.complaint("startLocation", Wording.of("error.google.coordinates")));
        Coordinates end = Coordinates.fromE7(segment.path("endLocation"), "latitudeE7", "longitudeE7")
                .orElseThrow(() -> JsonValues.complaint("endLocation", Wording.of("error.google.coordinates")));
        JsonNode path = segment.path("waypointPath");
        Optional<Long> distance = JsonValues.number(segment, "distance")
                .or(() -> JsonValues.number(path, "distanceMeters"))
                .map(Math::round);
        GeoTrip payload = new GeoTrip(start.latitude(), start.longitude(), end.latitude(), end.longitude(), mode(segment),
                distance, waypoints(path.path("waypoints")));
        return RecordDraft.of(duration(segment), payload, Position.jsonPointer(pointer));
    }

    private static List<GeoTrip.Waypoint> waypoints(JsonNode waypoints) {
        List<GeoTrip.Waypoint> path = new ArrayList<>(JsonValues.length(waypoints));
        for (int waypoint = 0; waypoint < JsonValues.length(waypoints); waypoint++) {
            String field = "waypointPath/waypoints/" + waypoint;
            Coordinates coordinates = Coordinates.fromE7(waypoints.path(waypoint), "latE7", "lngE7")
                    .orElseThrow(() -> JsonValues.complaint(field, Wording.of("error.google.pointCoordinates")));
            path.add(new GeoTrip.Waypoint(coordinates.latitude(), coordinates.longitude()));
        }
        return path;
    }

    /** The segment's activity type or, when it has none, the likeliest of its candidate activities. */
    private static Optional<String> mode(JsonNode segment) {
        Optional<String> type = JsonValues.text(segment, "activityType");
        if (type.isPresent()) {
            return type;
        }
        Optional<String> likeliest = Optional.empty();
        double best = Double.NEGATIVE_INFINITY;
        JsonNode activities = segment.path("activities");
        for (int activity = 0; activity < JsonValues.length(activities); activity++) {
            JsonNode candidate = activities.path(activity);
            JsonNode probability = candidate.path("probability");
            Optional<String> candidateType = JsonValues.text(candidate, "activityType");
            if (candidateType.isPresent() && probability.isNumber() && probability.doubleValue() > best) {
                best = probability.doubleValue();
                likeliest = candidateType;
            }
        }
        return likeliest;
    }

    private void rawPath(JsonNode path, String pointer, Optional<String> activity) {
        JsonNode points = path.path("points");
        for (int point = 0; point < JsonValues.length(points); point++) {
            JsonNode fix = points.path(point);
            String fixPointer = pointer + "/points/" + point;
            pending.offer(Position.jsonPointer(fixPointer), () -> pointDraft(fix, fixPointer, activity));
        }
    }

    private static RecordDraft pointDraft(JsonNode fix, String pointer, Optional<String> activity) {
        Coordinates coordinates = Coordinates.fromE7(fix, "latE7", "lngE7")
                .orElseThrow(() -> JsonValues.complaint("point", Wording.of("error.google.pointCoordinates")));
        Instant time = JsonValues.instant(fix, "timestamp").or(() -> JsonValues.epochMillis(fix, "timestampMs"))
                .orElseThrow(() -> JsonValues.complaint("point", Wording.of("error.google.noTimestamp")));
        Optional<Integer> accuracy = JsonValues.wholeNumber(fix, "accuracyMeters")
                .filter(meters -> meters >= 0 && meters <= Integer.MAX_VALUE)
                .map(Math::toIntExact);
        GeoPoint payload = new GeoPoint(coordinates.latitude(), coordinates.longitude(), accuracy, Optional.empty(),
                Optional.empty(), activity, Optional.empty());
        return RecordDraft.of(TimeSpan.at(time), payload, Position.jsonPointer(pointer));
    }

    private static TimeSpan duration(JsonNode owner) {
        JsonNode duration = owner.path("duration");
        Instant start = JsonValues.instant(duration, "startTimestamp")
                .or(() -> JsonValues.epochMillis(duration, "startTimestampMs"))
                .orElseThrow(() -> JsonValues.complaint("duration", Wording.of("error.google.duration")));
        Instant end = JsonValues.instant(duration, "endTimestamp")
                .or(() -> JsonValues.epochMillis(duration, "endTimestampMs"))
                .orElseThrow(() -> JsonValues.complaint("duration", Wording.of("error.google.duration")));
        return TimeSpan.between(start, end);
    }
}
