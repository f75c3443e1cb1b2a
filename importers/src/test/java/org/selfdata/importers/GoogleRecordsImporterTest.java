package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GeoPoint;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoogleRecordsImporterTest {
    private final GoogleRecordsImporter importer = new GoogleRecordsImporter();

    @Test
    void readsEveryLocationOfATakeoutRecordsFile() {
        Reading reading = Reading.of(importer, Corpus.file("google-location/takeout_Records.json"));

        assertThat(reading.format()).isEqualTo("google-records");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Google", "Location History"));
        List<GeoPoint> points = reading.payloads(GeoPoint.class);
        assertThat(points).hasSize(12);
        assertThat(points.getFirst()).isEqualTo(new GeoPoint(43.7789954, -79.4176419, Optional.of(30), Optional.empty(),
                Optional.of("WIFI"), Optional.of("UNKNOWN"), Optional.of("1433424142")));
        assertThat(points.getLast()).isEqualTo(new GeoPoint(43.7790309, -79.4175893, Optional.of(33), Optional.empty(),
                Optional.of("WIFI"), Optional.of("STILL"), Optional.of("1433424142")));
        assertThat(points.get(4).accuracyMeters()).contains(997);
        assertThat(points.get(4).origin()).contains("UNKNOWN");
        assertThat(points.get(4).activity()).isEmpty();
        assertThat(points.get(6).device()).contains("-663413243");
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2015-10-10T18:47:02.597Z")));
        assertThat(reading.records().getLast().time()).isEqualTo(TimeSpan.at(Instant.parse("2015-10-10T18:58:40.399Z")));
        assertThat(reading.positions().getFirst()).isEqualTo("/locations/0");
        assertThat(reading.positions().getLast()).isEqualTo("/locations/11");
    }

    @Test
    void undoesTheUnsignedOverflowOfNegativeCoordinatesAndReadsMillisecondTimestamps() {
        String json = "{\"locations\":[{\"timestampMs\":\"1600000000123\","
                + "\"latitudeE7\":4194967296,\"longitudeE7\":4251967296}]}";

        Reading reading = Reading.of(importer, json, StandardCharsets.UTF_8);

        assertThat(reading.payloads(GeoPoint.class)).containsExactly(GeoPoint.of(-10.0, -4.3));
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2020-09-13T12:26:40.123Z")));
    }

    @Test
    void readsPastOtherTopLevelPropertiesAndUnknownLocationFields() {
        String json = "{\"version\":{\"a\":[1,2]},\"locations\":[{\"latitudeE7\":457578000,\"longitudeE7\":48320000,"
                + "\"velocity\":3,\"heading\":{\"x\":[1]},\"altitude\":171,\"timestamp\":\"2025-03-14T08:00:00+01:00\"}]}";

        Reading reading = Reading.of(importer, json, StandardCharsets.UTF_8);

        assertThat(reading.payloads(GeoPoint.class)).containsExactly(new GeoPoint(45.7578, 4.832, Optional.empty(),
                Optional.of(171.0), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2025-03-14T07:00:00Z")));
    }

    @Test
    void readsUtcTimestampsWithAnyNumberOfFractionDigitsAsIsoDoes() {
        List<String> timestamps = List.of("2015-10-10T18:47:02Z", "2015-10-10T18:47:02.5Z", "2015-10-10T18:47:02.597Z",
                "2016-02-29T23:59:59.123456Z", "1999-12-31T00:00:00.123456789Z", "2025-03-14T08:00:00.25+01:00");
        String json = timestamps.stream()
                .map(timestamp -> "{\"latitudeE7\":1,\"longitudeE7\":2,\"timestamp\":\"" + timestamp + "\"}")
                .collect(Collectors.joining(",", "{\"locations\":[", "]}"));

        Reading reading = Reading.of(importer, json, StandardCharsets.UTF_8);

        assertThat(reading.records()).extracting(RecordDraft::time).containsExactlyElementsOf(timestamps.stream()
                .map(timestamp -> TimeSpan.at(OffsetDateTime.parse(timestamp).toInstant())).toList());
    }

    @Test
    void namesATimestampWhoseDayTheMonthDoesNotHave() {
        String json = "{\"locations\":[{\"latitudeE7\":1,\"longitudeE7\":2,\"timestamp\":\"2023-02-29T10:00:00Z\"}]}";

        assertThatThrownBy(() -> Reading.of(importer, json, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("/locations/0/timestamp: expected an ISO 8601 date and time");
    }

    @Test
    void namesTheLocationThatHasNoTime() {
        String json = "{\"locations\":[{\"latitudeE7\":1,\"longitudeE7\":2,\"timestamp\":\"2020-01-01T00:00:00Z\"},"
                + "{\"latitudeE7\":457578000,\"longitudeE7\":48320000}]}";

        assertThatThrownBy(() -> Reading.of(importer, json, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/locations/1: expected timestamp or timestampMs");
    }

    @Test
    void namesACoordinateOutOfRangeWithoutQuotingIt() {
        String json = "{\"locations\":[{\"latitudeE7\":957578000,\"longitudeE7\":48320000,"
                + "\"timestamp\":\"2020-01-01T00:00:00Z\"}]}";

        assertThatThrownBy(() -> Reading.of(importer, json, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/locations/0: latitude must be a latitude between -90 and 90");
    }

    @Test
    void namesWhereTheJsonIsMalformed() {
        String json = "{\"locations\":[\n{\"latitudeE7\":1,\"longitudeE7\":2,\"timestamp\":\"2020-01-01T00:00:00Z\"},\n"
                + "{\"latitudeE7\": x}]}";

        assertThatThrownBy(() -> Reading.of(importer, json, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/locations/1: expected well-formed JSON; the file is malformed near line 3, column 16")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void refusesJsonWithoutLocations() {
        assertThatThrownBy(() -> Reading.of(importer, "{\"semanticSegments\":[]}", StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/: expected a locations array");
    }

    @Test
    void aLocationWithAFieldThatCannotBeReadIsRejectedWholeAndNeverReadAsZero() {
        String json = """
                {"locations": [
                  {"latitudeE7": "abc", "longitudeE7": 48320000, "timestamp": "2025-03-10T08:00:00Z"},
                  {"latitudeE7": 457578000, "longitudeE7": 48320000, "activity": {"type": "STILL"},
                   "timestamp": "2025-03-10T08:01:00Z"},
                  {"latitudeE7": 457578000, "longitudeE7": 48320000, "timestampMs": "tomorrow"},
                  {"latitudeE7": 457578000, "longitudeE7": 48320000, "timestampMs": "1741593720000"},
                  {"latitudeE7": 957578000, "longitudeE7": 48320000, "timestamp": "2025-03-10T08:03:00Z"}
                ]}
                """;

        List<ImportItem> items;
        try (ParsedFile file = importer.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Reading.PARIS)) {
            items = file.items().toList();
        }

        assertThat(items).extracting(item -> item.position().value()).containsExactly("/locations/0/latitudeE7",
                "/locations/1", "/locations/2/timestampMs", "/locations/3", "/locations/4");
        assertThat(items.get(0)).isEqualTo(new Rejection(Position.jsonPointer("/locations/0/latitudeE7"),
                "expected a whole number"));
        assertThat(items.get(1)).isInstanceOf(RecordDraft.class);
        assertThat(items.get(2)).isInstanceOf(Rejection.class);
        // 1741593720000 ms is 2025-03-10T08:02:00Z.
        assertThat(((RecordDraft) items.get(3)).time()).isEqualTo(TimeSpan.at(Instant.parse("2025-03-10T08:02:00Z")));
        // 95.7578° is no latitude: the point is refused, not clamped.
        assertThat(items.get(4)).isInstanceOf(Rejection.class);
    }
}
