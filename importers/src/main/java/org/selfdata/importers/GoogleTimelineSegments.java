package org.selfdata.importers;

import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordTime;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Walks an on-device Timeline export, one segment or raw signal at a time. Android writes an object whose
 * {@code semanticSegments} and {@code rawSignals} arrays are read here (its {@code userLocationProfile}, the
 * person's frequent places with no time attached, is read past); iOS writes the segments alone, as a top-level
 * array, with every number as a string.
 *
 * <ul>
 * <li>A segment's {@code visit} is a {@code geo.visit} from the segment's {@code startTime} to its {@code endTime}, at
 * its top candidate's place ({@code latLng} on Android, a {@code geo:} URI on iOS), with that candidate's
 * probability as its confidence.</li>
 * <li>A segment's {@code activity} is a {@code geo.trip} from {@code start} to {@code end}, in the top candidate's
 * mode.</li>
 * <li>Each point of a segment's {@code timelinePath} is a {@code geo.point} at its {@code time} (Android) or at the
 * segment's start plus {@code durationMinutesOffsetFromStartTime} (iOS).</li>
 * <li>A raw signal's {@code position} is a {@code geo.point} with its accuracy, altitude and source; an
 * {@code activityRecord} in the same signal gives the point its likeliest activity. Raw signals without a position
 * (Wi-Fi scans, activity records alone) carry no coordinates and are read past.</li>
 * <li>A {@code timelineMemory} (a trip's destinations, as place identifiers without coordinates) is read past.</li>
 * </ul>
 *
 * <p><b>Overlapping segments.</b> The exporter cuts the path into segments that overlap, so the same point (same
 * time, same coordinates) appears in two segments. The vault counts identical records within a file as distinct
 * occurrences, so the repetition is dropped here: a path point identical to one of the last
 * {@value #REMEMBERED_POINTS} path points read is not handed out again. Overlaps are between neighbouring segments,
 * so that window catches them while memory stays bounded. Visits, trips and raw positions are not deduplicated.
 *
 * <p>A segment or signal that cannot be read is rejected on its own (each of its visit, activity and path points
 * separately), and reading goes on.
 */
final class GoogleTimelineSegments implements RecordReader {
    static final int REMEMBERED_POINTS = 10_000;
    private static final long MAXIMUM_OFFSET_MINUTES = 10_000_000L;

    private final JsonParser parser;
    private final PendingItems pending = new PendingItems();
    private final Set<PathPoint> recentPathPoints = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PathPoint, Boolean> eldest) {
            return size() > REMEMBERED_POINTS;
        }
    });
    private boolean topLevelArray;
    private Optional<String> array = Optional.empty();
    private long index;
    private boolean ended;

    GoogleTimelineSegments(JsonParser parser) {
        this.parser = requireNonNull(parser, "parser is null");
    }

    /** Reads the start of the file: Android's object or iOS's array. */
    void start() {
        JsonElements.guarded("/", () -> {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                topLevelArray = true;
                enter("");
            }
            else if (token != JsonToken.START_OBJECT) {
                throw InvalidInput.at("/", Wording.of("error.google.notTimeline"));
            }
            return null;
        });
    }

    @Override
    public Optional<RecordDraft> read() {
        while (pending.isEmpty() && !ended) {
            String pointer = array.map(name -> name + "/" + (index + 1)).orElse("/");
            JsonElements.guarded(pointer, () -> {
                if (array.isPresent()) {
                    nextElement();
                }
                else {
                    nextProperty();
                }
                return null;
            });
        }
        return pending.next();
    }

    private void enter(String arrayPointer) {
        array = Optional.of(arrayPointer);
        index = -1;
    }

    private void nextProperty() {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
            ended = true;
            return;
        }
        if (token != JsonToken.PROPERTY_NAME) {
            throw InvalidInput.at("/", Wording.of("error.google.timelineProperties"));
        }
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("semanticSegments") || name.equals("rawSignals")) {
            if (value != JsonToken.START_ARRAY) {
                throw InvalidInput.at("/" + name, Wording.of("error.json.array"));
            }
            enter("/" + name);
        }
        else {
            parser.skipChildren();
        }
    }

    private void nextElement() {
        JsonToken token = parser.nextToken();
        index++;
        String pointer = array.orElseThrow() + "/" + index;
        if (token == JsonToken.END_ARRAY) {
            ended = topLevelArray;
            array = Optional.empty();
        }
        else if (token != JsonToken.START_OBJECT) {
            throw InvalidInput.at(pointer, Wording.of("error.json.object"));
        }
        else if (array.orElseThrow().equals("/rawSignals")) {
            rawSignal(JsonElements.tree(parser), pointer);
        }
        else {
            segment(JsonElements.tree(parser), pointer);
        }
    }

    private void segment(JsonNode segment, String pointer) {
        JsonNode visit = segment.path("visit");
        JsonNode activity = segment.path("activity");
        JsonNode path = segment.path("timelinePath");
        if (visit.isObject()) {
            pending.offer(Position.jsonPointer(pointer + "/visit"), () -> visitDraft(segment, visit, pointer + "/visit"));
        }
        if (activity.isObject()) {
            pending.offer(Position.jsonPointer(pointer + "/activity"), () -> tripDraft(segment, activity, pointer + "/activity"));
        }
        for (int point = 0; point < JsonValues.length(path); point++) {
            pathPoint(segment, path.path(point), pointer + "/timelinePath/" + point);
        }
        if (!visit.isObject() && !activity.isObject() && !path.isArray() && !segment.path("timelineMemory").isObject()) {
            pending.reject(Position.jsonPointer(pointer), Wording.of("error.google.segment"));
        }
    }

    private static RecordDraft visitDraft(JsonNode segment, JsonNode visit, String pointer) {
        JsonNode candidate = visit.path("topCandidate");
        Coordinates place = place(candidate, "placeLocation")
                .orElseThrow(() -> JsonValues.complaint("topCandidate/placeLocation", Wording.of("error.google.noCoordinates")));
        Optional<Double> confidence = JsonValues.number(candidate, "probability")
                .map(value -> Probabilities.fraction(value, Probabilities.isPercentage(value)));
        GeoVisit payload = new GeoVisit(place.latitude(), place.longitude(), Optional.empty(), Optional.empty(),
                JsonValues.text(candidate, "placeId").or(() -> JsonValues.text(candidate, "placeID")),
                JsonValues.text(candidate, "semanticType"), confidence);
        return RecordDraft.of(span(segment), payload, Position.jsonPointer(pointer));
    }

    private static RecordDraft tripDraft(JsonNode segment, JsonNode activity, String pointer) {
        Coordinates start = place(activity, "start").orElseThrow(() -> JsonValues.complaint("start",
                Wording.of("error.google.noCoordinates")));
        Coordinates end = place(activity, "end").orElseThrow(() -> JsonValues.complaint("end",
                Wording.of("error.google.noCoordinates")));
        GeoTrip payload = new GeoTrip(start.latitude(), start.longitude(), end.latitude(), end.longitude(),
                JsonValues.text(activity.path("topCandidate"), "type"),
                JsonValues.number(activity, "distanceMeters").map(Math::round), List.of());
        return RecordDraft.of(span(segment), payload, Position.jsonPointer(pointer));
    }

    /** A place written as an object with {@code latLng} (Android) or as the text itself (iOS). */
    private static Optional<Coordinates> place(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        return value.isObject() ? Coordinates.fromText(value, "latLng") : Coordinates.fromText(parent, field);
    }

    /** A path point's draft always has the time its point was read with. */
    private static Instant pathPointTime(RecordDraft draft) {
        return switch (draft.time()) {
            case TimeSpan span -> span.start();
            case RecordTime.Untimed untimed -> throw new IllegalStateException("a path point without a time");
        };
    }

    private void pathPoint(JsonNode segment, JsonNode point, String pointer) {
        Position position = Position.jsonPointer(pointer);
        RecordDraft draft;
        try {
            draft = pathPointDraft(segment, point, position);
        }
        catch (SelfdataException e) {
            pending.add(InvalidInput.rejected(position, e).rejection());
            return;
        }
        GeoPoint payload = (GeoPoint) draft.payload();
        if (recentPathPoints.add(new PathPoint(pathPointTime(draft), payload.latitude(), payload.longitude()))) {
            pending.add(draft);
        }
    }

    private static RecordDraft pathPointDraft(JsonNode segment, JsonNode point, Position position) {
        Coordinates coordinates = Coordinates.fromText(point, "point")
                .orElseThrow(() -> JsonValues.complaint("point", Wording.of("error.google.noCoordinates")));
        Instant time = JsonValues.instant(point, "time").or(() -> offsetFromStart(segment, point))
                .orElseThrow(() -> JsonValues.complaint("time", Wording.of("error.google.pointTime")));
        return RecordDraft.of(TimeSpan.at(time), GeoPoint.of(coordinates.latitude(), coordinates.longitude()), position);
    }

    private static Optional<Instant> offsetFromStart(JsonNode segment, JsonNode point) {
        Optional<Long> minutes = JsonValues.wholeNumber(point, "durationMinutesOffsetFromStartTime");
        if (minutes.isEmpty()) {
            return Optional.empty();
        }
        if (Math.abs(minutes.get()) > MAXIMUM_OFFSET_MINUTES) {
            throw JsonValues.complaint("durationMinutesOffsetFromStartTime", Wording.of("error.google.offsetTooLong",
                    String.valueOf(MAXIMUM_OFFSET_MINUTES)));
        }
        Instant start = JsonValues.instant(segment, "startTime")
                .orElseThrow(() -> JsonValues.complaint("startTime", Wording.of("error.google.segmentStart")));
        return Optional.of(start.plusSeconds(minutes.get() * 60));
    }

    private void rawSignal(JsonNode signal, String pointer) {
        JsonNode position = signal.path("position");
        if (position.isObject()) {
            String positionPointer = pointer + "/position";
            pending.offer(Position.jsonPointer(positionPointer), () -> positionDraft(signal, position, positionPointer));
        }
    }

    private static RecordDraft positionDraft(JsonNode signal, JsonNode position, String pointer) {
        Coordinates coordinates = Coordinates.fromText(position, "LatLng").or(() -> Coordinates.fromText(position, "latLng"))
                .orElseThrow(() -> JsonValues.complaint("LatLng", Wording.of("error.google.noCoordinates")));
        Instant time = JsonValues.instant(position, "timestamp")
                .orElseThrow(() -> JsonValues.complaint("timestamp", Wording.of("error.google.fixTime")));
        Optional<Integer> accuracy = JsonValues.number(position, "accuracyMeters")
                .filter(meters -> meters >= 0 && meters <= Integer.MAX_VALUE)
                .map(meters -> (int) Math.round(meters));
        GeoPoint payload = new GeoPoint(coordinates.latitude(), coordinates.longitude(), accuracy,
                JsonValues.number(position, "altitudeMeters"), JsonValues.text(position, "source"),
                likeliestActivity(signal.path("activityRecord").path("probableActivities")), Optional.empty());
        return RecordDraft.of(TimeSpan.at(time), payload, Position.jsonPointer(pointer));
    }

    private static Optional<String> likeliestActivity(JsonNode activities) {
        Optional<String> likeliest = Optional.empty();
        double best = Double.NEGATIVE_INFINITY;
        for (int activity = 0; activity < JsonValues.length(activities); activity++) {
            JsonNode candidate = activities.path(activity);
            JsonNode confidence = candidate.path("confidence");
            Optional<String> type = JsonValues.text(candidate, "type");
            if (type.isPresent() && confidence.isNumber() && confidence.doubleValue() > best) {
                best = confidence.doubleValue();
                likeliest = type;
            }
        }
        return likeliest;
    }

    private static TimeSpan span(JsonNode segment) {
        Instant start = JsonValues.instant(segment, "startTime")
                .orElseThrow(() -> JsonValues.complaint("startTime", Wording.of("error.google.segmentStart")));
        Instant end = JsonValues.instant(segment, "endTime")
                .orElseThrow(() -> JsonValues.complaint("endTime", Wording.of("error.google.segmentEnd")));
        return TimeSpan.between(start, end);
    }

    /** What makes two path points the same fact: the same instant at the same place. */
    private record PathPoint(Instant time, double latitude, double longitude) {}
}
