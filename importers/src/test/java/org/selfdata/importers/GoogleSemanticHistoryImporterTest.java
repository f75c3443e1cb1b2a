package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.Corpus;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GoogleSemanticHistoryImporterTest {
    private final GoogleSemanticHistoryImporter importer = new GoogleSemanticHistoryImporter();

    @Test
    void readsEveryVisitTripAndRawPathPointOfAMonth() {
        Reading reading = Reading.of(importer, Corpus.file("google-location/takeout_semantic_2021_AUGUST.json"));

        assertThat(reading.format()).isEqualTo("google-semantic-history");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Google", "Semantic Location History"));
        // 64 place visits and 9 child visits, 61 activity segments, 120 points of simplified raw paths
        assertThat(reading.payloads(GeoVisit.class)).hasSize(73);
        assertThat(reading.payloads(GeoTrip.class)).hasSize(61);
        assertThat(reading.payloads(GeoPoint.class)).hasSize(120);
        assertThat(reading.records()).hasSize(254);
        assertThat(reading.positions().getFirst()).isEqualTo("/timelineObjects/0/activitySegment");
        assertThat(reading.positions().getLast()).isEqualTo("/timelineObjects/124/activitySegment/simplifiedRawPath/points/8");
    }

    @Test
    void readsAVisitWithItsPlaceAndItsConfidenceAsAFraction() {
        Reading reading = Reading.of(importer, Corpus.file("google-location/takeout_semantic_2021_AUGUST.json"));

        RecordDraft first = visits(reading).getFirst();
        GeoVisit visit = (GeoVisit) first.payload();
        assertThat(first.position().value()).isEqualTo("/timelineObjects/1/placeVisit");
        assertThat(first.time()).isEqualTo(TimeSpan.between(Instant.parse("2021-08-01T01:22:24Z"),
                Instant.parse("2021-08-01T01:25:36Z")));
        assertThat(visit.latitude()).isEqualTo(43.8865167);
        assertThat(visit.longitude()).isEqualTo(-79.0179014);
        assertThat(visit.placeName()).isEmpty();
        assertThat(visit.address()).contains("6 Rumbellow Cres, Ajax, ON L1T 0J9, Canada");
        assertThat(visit.placeId()).contains("ChIJIaVYdfUf1YkRLU2jwKnfDMc");
        assertThat(visit.semanticType()).contains("TYPE_SEARCHED_ADDRESS");
        assertThat(visit.confidence().orElseThrow()).isCloseTo(0.96271454, within(1e-9));
    }

    @Test
    void readsChildVisitsAsVisitsOfTheirOwn() {
        Reading reading = Reading.of(importer, Corpus.file("google-location/takeout_semantic_2021_AUGUST.json"));

        RecordDraft last = visits(reading).getLast();
        GeoVisit visit = (GeoVisit) last.payload();
        assertThat(last.position().value()).isEqualTo("/timelineObjects/123/placeVisit/childVisits/1");
        assertThat(last.time()).isEqualTo(TimeSpan.between(Instant.parse("2021-08-26T21:28:10.001Z"),
                Instant.parse("2021-08-26T21:37:14.999Z")));
        assertThat(visit.placeName()).contains("Walmart Supercentre");
        assertThat(visit.address()).contains("700 Centre St, Thornhill, ON L4J 0A7, Canada");
        assertThat(visit.latitude()).isEqualTo(43.8116036);
        assertThat(visit.longitude()).isEqualTo(-79.4512885);
        assertThat(visit.semanticType()).isEmpty();
        assertThat(visit.confidence().orElseThrow()).isCloseTo(0.8650768, within(1e-9));
    }

    @Test
    void readsATripWithItsModeDistanceAndWaypoints() {
        Reading reading = Reading.of(importer, Corpus.file("google-location/takeout_semantic_2021_AUGUST.json"));

        RecordDraft first = reading.records().getFirst();
        assertThat(first.time()).isEqualTo(TimeSpan.between(Instant.parse("2021-08-01T00:22:28Z"),
                Instant.parse("2021-08-01T01:22:24Z")));
        assertThat(first.payload()).isEqualTo(new GeoTrip(43.6996461, -79.8555542, 43.8870938, -79.0177265,
                Optional.of("IN_PASSENGER_VEHICLE"), Optional.of(70404L), List.of(new GeoTrip.Waypoint(43.6996498, -79.855545),
                new GeoTrip.Waypoint(43.6520118, -79.6274185), new GeoTrip.Waypoint(43.8870811, -79.0177383))));
        List<GeoTrip> trips = reading.payloads(GeoTrip.class);
        assertThat(trips.stream().mapToLong(trip -> trip.distanceMeters().orElse(0L)).sum()).isEqualTo(2_090_690L);
        assertThat(trips.stream().filter(trip -> trip.distanceMeters().isEmpty())).hasSize(1);
        assertThat(trips.stream().mapToInt(trip -> trip.waypoints().size()).sum()).isEqualTo(231);
        assertThat(trips.stream().filter(trip -> trip.mode().equals(Optional.of("UNKNOWN_ACTIVITY_TYPE")))).hasSize(2);
        assertThat(trips.getLast()).isEqualTo(new GeoTrip(43.8103171, -79.4522404, 43.7769491, -79.4280063,
                Optional.of("IN_PASSENGER_VEHICLE"), Optional.of(7223L), List.of()));
    }

    @Test
    void readsTheRawPathPointsWithTheirTimeAccuracyAndTheSegmentsActivity() {
        Reading reading = Reading.of(importer, Corpus.file("google-location/takeout_semantic_2021_AUGUST.json"));

        List<RecordDraft> points = reading.records().stream().filter(record -> record.payload() instanceof GeoPoint).toList();
        assertThat(points.getFirst().position().value())
                .isEqualTo("/timelineObjects/18/activitySegment/simplifiedRawPath/points/0");
        assertThat(points.getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2021-08-05T20:34:33Z")));
        assertThat(points.getFirst().payload()).isEqualTo(new GeoPoint(43.7584724, -79.3611984, Optional.of(2), Optional.empty(),
                Optional.empty(), Optional.of("IN_PASSENGER_VEHICLE"), Optional.empty()));
        assertThat(points.getLast().time()).isEqualTo(TimeSpan.at(Instant.parse("2021-08-26T21:53:24Z")));
        assertThat(points.getLast().payload()).isEqualTo(new GeoPoint(43.7777379, -79.4178467, Optional.of(5), Optional.empty(),
                Optional.empty(), Optional.of("IN_PASSENGER_VEHICLE"), Optional.empty()));
    }

    @Test
    void readsOlderFilesWithMillisecondTimesOverflowedCoordinatesFractionsAndAByteOrderMark() {
        String json = "\uFEFF{\"timelineObjects\":[{\"placeVisit\":{\"location\":{\"latitudeE7\":4194967296,"
                + "\"longitudeE7\":23522000,\"name\":\"Gare\",\"locationConfidence\":0.75},"
                + "\"duration\":{\"startTimestampMs\":\"1600000000000\",\"endTimestampMs\":\"1600000600000\"}}},"
                + "{\"activitySegment\":{\"startLocation\":{\"latitudeE7\":488566000,\"longitudeE7\":23522000},"
                + "\"endLocation\":{\"latitudeE7\":488600000,\"longitudeE7\":23600000},"
                + "\"duration\":{\"startTimestampMs\":\"1600000600000\",\"endTimestampMs\":\"1600001200000\"},"
                + "\"activities\":[{\"activityType\":\"WALKING\",\"probability\":0.2},"
                + "{\"activityType\":\"IN_BUS\",\"probability\":0.7}]}}]}";

        Reading reading = Reading.of(importer, json, StandardCharsets.UTF_8);

        assertThat(reading.records()).extracting(RecordDraft::payload).containsExactly(
                new GeoVisit(-10.0, 2.3522, Optional.of("Gare"), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(0.75)),
                new GeoTrip(48.8566, 2.3522, 48.86, 2.36, Optional.of("IN_BUS"), Optional.empty(), List.of()));
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.ofEpochMillis(1_600_000_000_000L, 1_600_000_600_000L));
    }

    @Test
    void readsASmallConfidenceAsAPercentageWhenTheVisitWritesPercentages() {
        String json = "{\"timelineObjects\":[{\"placeVisit\":{\"location\":{\"latitudeE7\":488566000,"
                + "\"longitudeE7\":23522000,\"locationConfidence\":0.5},\"visitConfidence\":62,"
                + "\"duration\":{\"startTimestamp\":\"2021-08-01T10:00:00Z\",\"endTimestamp\":\"2021-08-01T11:00:00Z\"}}}]}";

        Reading reading = Reading.of(importer, json, StandardCharsets.UTF_8);

        assertThat(reading.payloads(GeoVisit.class).getFirst().confidence()).contains(0.005);
    }

    @Test
    void rejectsAVisitWithoutCoordinatesAndReadsOnInALenientImport() {
        String json = "{\"timelineObjects\":[{\"placeVisit\":{\"location\":{\"placeId\":\"x\"},"
                + "\"duration\":{\"startTimestamp\":\"2021-08-01T10:00:00Z\",\"endTimestamp\":\"2021-08-01T11:00:00Z\"}}},"
                + "{\"activitySegment\":{\"startLocation\":{\"latitudeE7\":1},"
                + "\"endLocation\":{\"latitudeE7\":2,\"longitudeE7\":3},"
                + "\"duration\":{\"startTimestamp\":\"2021-08-01T11:00:00Z\",\"endTimestamp\":\"2021-08-01T11:30:00Z\"}}},"
                + "{\"placeVisit\":{\"location\":{\"latitudeE7\":488566000,\"longitudeE7\":23522000},"
                + "\"duration\":{\"startTimestamp\":\"2021-08-01T12:00:00Z\",\"endTimestamp\":\"2021-08-01T11:00:00Z\"}}},"
                + "{\"placeVisit\":{\"location\":{\"latitudeE7\":488566000,\"longitudeE7\":23522000},"
                + "\"duration\":{\"startTimestamp\":\"yesterday\",\"endTimestamp\":\"2021-08-01T13:00:00Z\"}}},"
                + "{\"somethingNew\":{}},"
                + "{\"placeVisit\":{\"location\":{\"latitudeE7\":488566000,\"longitudeE7\":23522000},"
                + "\"duration\":{\"startTimestamp\":\"2021-08-01T13:00:00Z\",\"endTimestamp\":\"2021-08-01T14:00:00Z\"}}}]}";

        List<ImportItem> items = items(json);

        assertThat(items).hasSize(6);
        assertThat(items.subList(0, 5)).allMatch(Rejection.class::isInstance);
        assertThat(items.subList(0, 5)).extracting(item -> ((Rejection) item).message()).containsExactly(
                "/timelineObjects/0/placeVisit: location: expected latitudeE7 and longitudeE7",
                "/timelineObjects/1/activitySegment: startLocation: expected latitudeE7 and longitudeE7",
                "/timelineObjects/2/placeVisit: time span ends (2021-08-01T11:00:00Z) before it starts (2021-08-01T12:00:00Z)",
                "/timelineObjects/3/placeVisit: startTimestamp: expected an ISO 8601 date and time with an offset, such as "
                        + "2021-08-01T00:22:28Z",
                "/timelineObjects/4: expected a placeVisit or an activitySegment object");
        assertThat(items.getLast().position()).isEqualTo(Position.jsonPointer("/timelineObjects/5/placeVisit"));
        assertThat(items.getLast()).isInstanceOf(RecordDraft.class);
    }

    @Test
    void failsAStrictImportAtTheFirstRejectedRecord() {
        String json = "{\"timelineObjects\":[{\"placeVisit\":{\"location\":{\"latitudeE7\":958566000,\"longitudeE7\":1},"
                + "\"duration\":{\"startTimestamp\":\"2021-08-01T10:00:00Z\",\"endTimestamp\":\"2021-08-01T11:00:00Z\"}}}]}";

        assertThatThrownBy(() -> Reading.of(importer, json, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/timelineObjects/0/placeVisit: latitude must be a latitude between -90 and 90");
    }

    @Test
    void namesTheTimelineObjectWhereTheJsonBreaks() {
        String json = "{\"timelineObjects\":[{\"placeVisit\":{}},\n{\"placeVisit\":{\"location\":";

        assertThatThrownBy(() -> items(json))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("/timelineObjects/1: expected well-formed JSON; the file is malformed near line 2");
    }

    @Test
    void refusesAJsonFileWithoutTimelineObjects() {
        assertThatThrownBy(() -> Reading.of(importer, "{\"timelineEdits\":[]}", StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/: expected a timelineObjects array");
    }

    @Test
    void recognizesAMonthByItsContentOrByItsNameInATranslatedFolder() {
        byte[] head = "{\n  \"timelineObjects\": [\n    {".getBytes(StandardCharsets.UTF_8);

        assertThat(Importers.standard().detect(new Sniff("data.json", head))).map(Importer::format)
                .contains("google-semantic-history");
        assertThat(importer.detect(new Sniff("Takeout/Standortverlauf/Semantic Location History/2021/2021_AUGUST.json",
                new byte[0]))).isEqualTo(Detection.BY_NAME);
        assertThat(importer.detect(new Sniff("2021_august.json", new byte[0]))).isEqualTo(Detection.NO);
    }

    private static List<RecordDraft> visits(Reading reading) {
        return reading.records().stream().filter(record -> record.payload() instanceof GeoVisit).toList();
    }

    private List<ImportItem> items(String json) {
        try (ParsedFile file = importer.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Reading.PARIS)) {
            return file.items().toList();
        }
    }
}
