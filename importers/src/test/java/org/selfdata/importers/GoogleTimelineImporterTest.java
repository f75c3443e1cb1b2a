package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.ImportItem;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.Corpus;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoogleTimelineImporterTest {
    private final GoogleTimelineImporter importer = new GoogleTimelineImporter();

    @Test
    void readsTheVisitsPathsAndRawPositionsOfAnAndroidExport() {
        Reading reading = Reading.of(importer, Corpus.file("google-location/device_android_Timeline.json"));

        assertThat(reading.format()).isEqualTo("google-timeline");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Google", "Timeline"));
        assertThat(reading.positions()).containsExactly("/semanticSegments/0/visit",
                "/semanticSegments/0/timelinePath/0", "/semanticSegments/0/timelinePath/1", "/semanticSegments/0/timelinePath/2",
                "/semanticSegments/0/timelinePath/3", "/semanticSegments/0/timelinePath/4", "/semanticSegments/1/visit",
                "/semanticSegments/1/timelinePath/0", "/semanticSegments/1/timelinePath/1", "/semanticSegments/1/timelinePath/2",
                "/semanticSegments/1/timelinePath/3", "/semanticSegments/1/timelinePath/4", "/rawSignals/0/position",
                "/rawSignals/1/position");
        RecordDraft visit = reading.records().getFirst();
        assertThat(visit.time()).isEqualTo(TimeSpan.between(Instant.parse("2023-10-01T08:00:00Z"),
                Instant.parse("2023-10-01T09:00:00Z")));
        assertThat(visit.payload()).isEqualTo(new GeoVisit(40.712776, -74.005974, Optional.empty(), Optional.empty(),
                Optional.of("ChIJd8BlQ2BZwokRAFUEcm_qrcA"), Optional.of("INFERRED_WORK"), Optional.of(0.95)));
        RecordDraft lastPathPoint = reading.records().get(11);
        assertThat(lastPathPoint.time()).isEqualTo(TimeSpan.at(Instant.parse("2023-10-02T09:15:00Z")));
        assertThat(lastPathPoint.payload()).isEqualTo(GeoPoint.of(40.716776, -74.009974));
        assertThat(reading.records().get(12).time()).isEqualTo(TimeSpan.at(Instant.parse("2023-10-01T08:00:00Z")));
        assertThat(reading.records().get(12).payload()).isEqualTo(new GeoPoint(40.712776, -74.005974, Optional.of(5),
                Optional.of(10.0), Optional.of("GPS"), Optional.of("WALKING"), Optional.empty()));
        assertThat(reading.records().getLast().payload()).isEqualTo(new GeoPoint(40.713776, -74.006974, Optional.of(6),
                Optional.of(11.0), Optional.of("GPS"), Optional.of("RUNNING"), Optional.empty()));
    }

    @Test
    void dropsThePathPointsThatOverlappingSegmentsRepeat() {
        Reading reading = Reading.of(importer, fixture("timeline-android-overlapping.json"));

        assertThat(reading.positions()).containsExactly("/semanticSegments/0/timelinePath/0",
                "/semanticSegments/0/timelinePath/1", "/semanticSegments/0/timelinePath/2",
                "/semanticSegments/1/timelinePath/2", "/semanticSegments/2/activity", "/semanticSegments/3/visit",
                "/rawSignals/0/position");
        assertThat(reading.records().subList(0, 4)).extracting(record -> record.time().span().orElseThrow()
                .start()).containsExactly(
                Instant.parse("2024-05-04T06:12:00Z"), Instant.parse("2024-05-04T07:40:00Z"),
                Instant.parse("2024-05-04T07:58:00Z"), Instant.parse("2024-05-04T08:20:00Z"));
        assertThat(reading.records().get(3).payload()).isEqualTo(GeoPoint.of(48.865, 2.37));
        assertThat(reading.records().get(4).time()).isEqualTo(TimeSpan.between(Instant.parse("2024-05-04T07:58:00Z"),
                Instant.parse("2024-05-04T08:20:00Z")));
        assertThat(reading.records().get(4).payload()).isEqualTo(new GeoTrip(48.86, 2.36, 48.865, 2.37, Optional.of("WALKING"),
                Optional.of(1035L), List.of()));
        assertThat(reading.records().get(5).payload()).isEqualTo(new GeoVisit(48.865, 2.37, Optional.empty(), Optional.empty(),
                Optional.of("ChIJLU7jZClu5kcR4PcOOO6p3I0"), Optional.of("UNKNOWN"), Optional.of(0.72)));
        assertThat(reading.records().getLast().time()).isEqualTo(TimeSpan.at(Instant.parse("2024-05-04T06:11:58Z")));
        assertThat(reading.records().getLast().payload()).isEqualTo(new GeoPoint(48.85661, 2.35221, Optional.of(13),
                Optional.of(41.5), Optional.of("WIFI"), Optional.empty(), Optional.empty()));
    }

    @Test
    void readsAnIosExportWithGeoUrisNumbersAsTextAndMinuteOffsets() {
        Reading reading = Reading.of(importer, fixture("timeline-ios.json"));

        assertThat(reading.positions()).containsExactly("/0/visit", "/1/activity", "/2/timelinePath/0", "/2/timelinePath/1",
                "/3/timelinePath/1");
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.between(Instant.parse("2024-05-04T08:20:00Z"),
                Instant.parse("2024-05-04T10:05:00Z")));
        assertThat(reading.records().getFirst().payload()).isEqualTo(new GeoVisit(48.865, 2.37, Optional.empty(),
                Optional.empty(), Optional.of("ChIJLU7jZClu5kcR4PcOOO6p3I0"), Optional.of("Unknown"), Optional.of(0.72)));
        assertThat(reading.records().get(1).payload()).isEqualTo(new GeoTrip(48.86, 2.36, 48.865, 2.37, Optional.of("walking"),
                Optional.of(1035L), List.of()));
        assertThat(reading.records().subList(2, 5)).extracting(record -> record.time().span().orElseThrow()
                .start()).containsExactly(
                Instant.parse("2024-05-04T06:12:00Z"), Instant.parse("2024-05-04T07:40:00Z"),
                Instant.parse("2024-05-04T07:58:00Z"));
        assertThat(reading.records().getLast().payload()).isEqualTo(GeoPoint.of(48.86, 2.36));
    }

    @Test
    void keepsTwoPointsAtTheSameTimeInDifferentPlaces() {
        String json = "[{\"startTime\":\"2024-05-04T08:00:00+02:00\",\"endTime\":\"2024-05-04T09:00:00+02:00\","
                + "\"timelinePath\":[{\"point\":\"geo:48.8566,2.3522\",\"durationMinutesOffsetFromStartTime\":\"5\"},"
                + "{\"point\":\"geo:48.8567,2.3522\",\"durationMinutesOffsetFromStartTime\":\"5\"}]}]";

        Reading reading = Reading.of(importer, json, StandardCharsets.UTF_8);

        assertThat(reading.payloads(GeoPoint.class)).containsExactly(GeoPoint.of(48.8566, 2.3522), GeoPoint.of(48.8567, 2.3522));
    }

    @Test
    void rejectsUnreadableSegmentsAndPointsAndReadsOnInALenientImport() {
        String json = "{\"semanticSegments\":[{\"startTime\":\"2024-05-04T08:00:00Z\",\"endTime\":\"2024-05-04T09:00:00Z\","
                + "\"visit\":{\"topCandidate\":{\"placeLocation\":{\"latLng\":\"north of here\"}}},"
                + "\"timelinePath\":[{\"point\":\"48.8°, 2.3°\"},{\"point\":\"98.8°, 2.3°\",\"time\":\"2024-05-04T08:10:00Z\"},"
                + "{\"point\":\"48.8°, 2.3°\",\"time\":\"2024-05-04T08:20:00Z\"}]},"
                + "{\"startTime\":\"2024-05-04T09:00:00Z\"},"
                + "{\"startTime\":\"2024-05-04T09:00:00Z\",\"activity\":{\"start\":{\"latLng\":\"48.8°, 2.3°\"},"
                + "\"end\":{\"latLng\":\"48.9°, 2.4°\"}}}],"
                + "\"rawSignals\":[{\"position\":{\"LatLng\":\"48.8°, 2.3°\"}}]}";

        List<ImportItem> items = items(json);

        assertThat(items).extracting(item -> item instanceof Rejection rejection ? rejection.message()
                : item.position().value()).containsExactly(
                "/semanticSegments/0/visit: latLng: expected coordinates such as \"48.8566°, 2.3522°\" or \"geo:48.8566,2.3522\"",
                "/semanticSegments/0/timelinePath/0: time: expected a time or a durationMinutesOffsetFromStartTime",
                "/semanticSegments/0/timelinePath/1: latitude must be a latitude between -90 and 90",
                "/semanticSegments/0/timelinePath/2",
                "/semanticSegments/1: expected a visit, an activity, a timelinePath or a timelineMemory",
                "/semanticSegments/2/activity: endTime: expected the segment's end time",
                "/rawSignals/0/position: timestamp: expected the time of the fix");
    }

    @Test
    void rejectsASegmentWhosePathIsNotAnArray() {
        String json = "[{\"startTime\":\"2024-05-04T08:00:00Z\",\"endTime\":\"2024-05-04T09:00:00Z\","
                + "\"timelinePath\":{\"point\":\"geo:48.8566,2.3522\",\"durationMinutesOffsetFromStartTime\":\"5\"}}]";

        assertThat(items(json)).extracting(item -> ((Rejection) item).message())
                .containsExactly("/0: expected a visit, an activity, a timelinePath or a timelineMemory");
    }

    @Test
    void namesTheSegmentWhereTheJsonBreaks() {
        String json = "{\"semanticSegments\":[{\"startTime\":\"2024-05-04T08:00:00Z\"},\n{\"visit\": nope}]}";

        assertThatThrownBy(() -> items(json))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("/semanticSegments/1: expected well-formed JSON; the file is malformed near line 2");
    }

    @Test
    void refusesAFileThatIsNeitherAnObjectNorAnArray() {
        assertThatThrownBy(() -> Reading.of(importer, "\"Timeline\"", StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/: expected a Timeline object with semanticSegments, or an array of segments");
    }

    @Test
    void recognizesBothLayoutsByTheirContentWhenRenamed() {
        Importers importers = Importers.standard();

        assertThat(importers.detect(sniff("export.json", Corpus.file("google-location/device_android_Timeline.json"))))
                .map(Importer::format).contains("google-timeline");
        assertThat(importers.detect(sniff("export.json", fixture("timeline-ios.json"))))
                .map(Importer::format).contains("google-timeline");
        assertThat(importer.detect(new Sniff("Timeline.json", new byte[0]))).isEqualTo(Detection.BY_NAME);
        assertThat(importer.detect(new Sniff("events.json", "[{\"startTime\":\"2024-05-04T08:00:00Z\",\"title\":\"x\"}]"
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo(Detection.NO);
    }

    @Test
    void leavesTakeoutSettingsAndTimelineEditsUnrecognized() {
        Importers importers = Importers.standard();

        assertThat(importers.detect(sniff("Takeout/Location History/Settings.json",
                Corpus.file("google-location/takeout_Settings.json")))).isEmpty();
        assertThat(importers.detect(sniff("Takeout/Location History/Timeline Edits.json",
                Corpus.file("google-location/takeout_Timeline_Edits.json")))).isEmpty();
    }

    static Sniff sniff(String name, Path file) {
        byte[] bytes = Fuzzing.read(file);
        return new Sniff(name, java.util.Arrays.copyOf(bytes, Math.min(bytes.length, Sniff.HEAD_SIZE)));
    }

    static Path fixture(String name) {
        try {
            return Path.of(GoogleTimelineImporterTest.class.getResource(name).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ImportItem> items(String json) {
        try (ParsedFile file = importer.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Reading.PARIS)) {
            return file.items().toList();
        }
    }
}
