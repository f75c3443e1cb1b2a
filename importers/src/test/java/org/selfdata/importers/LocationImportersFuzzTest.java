package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.testing.Corpus;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the location importers from mutations of real samples and of the fixtures: each ends in records or in
 * its own clear error, and never hangs or exhausts the test JVM's bounded heap (see {@link Fuzzing}).
 */
class LocationImportersFuzzTest {
    @Test
    void semanticLocationHistoryNeverFailsOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(firstTimelineObjects(Corpus.file("google-location/takeout_semantic_2021_AUGUST.json"), 24),
                Fuzzing.bytes("""
                        {"timelineObjects":[{"placeVisit":{"location":{"latitudeE7":4194967296,"longitudeE7":23522000,
                        "locationConfidence":0.75},"childVisits":[{"location":{"latitudeE7":1,"longitudeE7":2},
                        "duration":{"startTimestampMs":"1600000000000","endTimestampMs":"1600000600000"}}],
                        "duration":{"startTimestampMs":"1600000000000","endTimestampMs":"1600000600000"}}},
                        {"activitySegment":{"startLocation":{"latitudeE7":488566000,"longitudeE7":23522000},
                        "endLocation":{"latitudeE7":488600000,"longitudeE7":23600000},"distance":12,
                        "waypointPath":{"waypoints":[{"latE7":1,"lngE7":2}]},"simplifiedRawPath":{"points":[
                        {"latE7":1,"lngE7":2,"accuracyMeters":3,"timestamp":"2021-08-01T10:00:00Z"}]},
                        "duration":{"startTimestamp":"2021-08-01T10:00:00Z","endTimestamp":"2021-08-01T11:00:00Z"},
                        "activities":[{"activityType":"IN_BUS","probability":0.7}]}}]}
                        """));

        assertThat(Fuzzing.of(new GoogleSemanticHistoryImporter(), seeds).run(20_251_201L)).isGreaterThan(seeds.size());
    }

    /**
     * The first timeline objects of a month, pretty-printed as Takeout writes them: real content, small enough that
     * each mutation is read in milliseconds even on a busy machine.
     */
    private static byte[] firstTimelineObjects(Path month, int count) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode file = (ObjectNode) mapper.readTree(month.toFile());
        ArrayNode objects = (ArrayNode) file.get("timelineObjects");
        while (objects.size() > count) {
            objects.remove(objects.size() - 1);
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(file);
    }

    @Test
    void onDeviceTimelinesNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("google-location/device_android_Timeline.json")),
                Fuzzing.read(GoogleTimelineImporterTest.fixture("timeline-android-overlapping.json")),
                Fuzzing.read(GoogleTimelineImporterTest.fixture("timeline-ios.json")));

        assertThat(Fuzzing.of(new GoogleTimelineImporter(), seeds).run(20_251_202L)).isGreaterThan(seeds.size());
    }

    @Test
    void gpxFilesNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("gpx/gpx1.1_with_all_fields.gpx")),
                Fuzzing.read(Corpus.file("gpx/gpx1.0_with_all_fields.gpx")),
                Fuzzing.read(Corpus.file("gpx/gpx_with_garmin_extension.gpx")),
                Fuzzing.read(Corpus.file("gpx/unicode_with_bom.gpx")),
                Fuzzing.read(Corpus.file("gpx/jpx__invalid-latlon.xml")),
                Fuzzing.read(Corpus.file("gpx/track-with-empty-segment.gpx")));

        assertThat(Fuzzing.of(new GpxImporter(), seeds).run(20_251_203L)).isGreaterThan(seeds.size());
    }
}
