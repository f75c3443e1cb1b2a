package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.ImportItem;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.Corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GpxImporterTest {
    private static final String NO_TIME = "expected a time: a position is kept only with the time it was recorded (the file's"
            + " metadata time says when the file was made, not when this place was visited)";

    private final GpxImporter importer = new GpxImporter();

    @Test
    void readsARealTrackOfAGpsReceiver() {
        Lenient reading = lenient(Corpus.file("gpx/jpx__ISSUE-82.gpx"));

        assertThat(reading.source).isEqualTo(SourceDescriptor.file("eTrex 10", "GPX file"));
        assertThat(reading.rejections).isEmpty();
        assertThat(reading.records).hasSize(479);
        assertThat(reading.records.getFirst().position().value()).isEqualTo("gpx/trk[1]/trkseg[1]/trkpt[1]");
        assertThat(reading.records.getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2018-06-19T15:36:37Z")));
        assertThat(reading.records.getFirst().payload()).isEqualTo(point(47.5445018057, 7.5950608123, 287.57));
        assertThat(reading.records.getLast().position().value()).isEqualTo("gpx/trk[1]/trkseg[1]/trkpt[479]");
        assertThat(reading.records.getLast().time()).isEqualTo(TimeSpan.at(Instant.parse("2018-06-19T16:27:41Z")));
        assertThat(reading.records.getLast().payload()).isEqualTo(point(47.6514728274, 7.5692769885, 264.50));
        assertThat(altitudes(reading)).isCloseTo(130_240.02, within(1e-6));
    }

    @Test
    void readsEveryKindOfPointOfGpx11AndRejectsThoseWithoutTime() {
        Lenient reading = lenient(Corpus.file("gpx/gpx1.1_with_all_fields.gpx"));

        assertThat(reading.source).isEqualTo(SourceDescriptor.file("...", "GPX file"));
        assertThat(reading.records).extracting(record -> record.position().value())
                .containsExactly("gpx/wpt[1]", "gpx/rte[1]/rtept[1]", "gpx/trk[1]/trkseg[1]/trkpt[1]");
        assertThat(reading.records).extracting(RecordDraft::time).containsExactly(
                TimeSpan.at(Instant.parse("2013-01-02T02:03:00Z")), TimeSpan.at(Instant.parse("2013-01-02T02:03:03Z")),
                TimeSpan.at(Instant.parse("2013-01-01T12:00:04Z")));
        assertThat(reading.records).extracting(RecordDraft::payload).containsExactly(point(12.3, 45.6, 75.1),
                point(10, 20, 75.1), new GeoPoint(10.1, -20.2, Optional.empty(), Optional.of(11.1), Optional.empty(),
                        Optional.of("t"), Optional.empty()));
        assertThat(reading.rejections).extracting(Rejection::message).containsExactly("gpx/wpt[2]: " + NO_TIME,
                "gpx/rte[1]/rtept[2]: " + NO_TIME, "gpx/rte[1]/rtept[3]: " + NO_TIME, "gpx/rte[2]/rtept[1]: " + NO_TIME,
                "gpx/rte[2]/rtept[2]: " + NO_TIME);
    }

    @Test
    void readsEveryKindOfPointOfGpx10AndRejectsThoseWithoutTime() {
        Lenient reading = lenient(Corpus.file("gpx/gpx1.0_with_all_fields.gpx"));

        assertThat(reading.records).extracting(record -> record.position().value())
                .containsExactly("gpx/wpt[1]", "gpx/rte[1]/rtept[1]", "gpx/trk[1]/trkseg[1]/trkpt[1]");
        assertThat(reading.records.getLast().time()).isEqualTo(TimeSpan.at(Instant.parse("2013-01-01T12:00:04Z")));
        assertThat(reading.records.getLast().payload()).isEqualTo(point(10.1, -20.2, 11.1));
        assertThat(reading.records.getFirst().payload()).isEqualTo(point(12.3, 45.6, 75.1));
        assertThat(reading.rejections).hasSize(5);
        assertThat(reading.rejections.getFirst().message()).isEqualTo("gpx/wpt[2]: " + NO_TIME);
    }

    @Test
    void readsTheSmallGpx10FileOfAPhoneLogger() {
        Lenient reading = lenient(Corpus.file("gpx/jpx__GPX_10-1.gpx"));

        assertThat(reading.source).isEqualTo(SourceDescriptor.file("GPSLogger 79 - http://gpslogger.mendhak.com/", "GPX file"));
        assertThat(reading.rejections).isEmpty();
        assertThat(reading.records).extracting(RecordDraft::payload).containsExactly(GeoPoint.of(48.2033471, 16.3608048),
                point(48.19949341, 16.40377444, 212.0), point(48.19948359, 16.40371021, 212.0));
        assertThat(reading.records).extracting(record -> record.time().span().orElseThrow().start()).containsExactly(
                Instant.parse("2016-08-21T12:51:30Z"), Instant.parse("2016-08-21T12:24:27Z"),
                Instant.parse("2016-08-21T12:24:31Z"));
    }

    @Test
    void readsTheTimedTracksOfAFileWhoseOtherTracksHaveNoTimes() {
        Lenient reading = lenient(Corpus.file("gpx/korita-zbevnica.gpx"));

        assertThat(reading.records).hasSize(176 + 337);
        assertThat(reading.rejections).hasSize(2 + 358);
        assertThat(reading.rejections.getFirst().message()).isEqualTo("gpx/wpt[1]: " + NO_TIME);
        assertThat(reading.rejections.getLast().message()).isEqualTo("gpx/trk[2]/trkseg[1]/trkpt[358]: " + NO_TIME);
        assertThat(reading.records.getFirst().position().value()).isEqualTo("gpx/trk[3]/trkseg[1]/trkpt[1]");
        assertThat(reading.records.getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2010-10-03T09:36:30Z")));
        assertThat(reading.records.getFirst().payload()).isEqualTo(point(45.452595614, 14.018194014, 753.330322));
        assertThat(reading.records.getLast().position().value()).isEqualTo("gpx/trk[4]/trkseg[1]/trkpt[337]");
        assertThat(reading.records.getLast().payload()).isEqualTo(point(45.452453708, 14.018215053, 770.634033));
        assertThat(altitudes(reading)).isCloseTo(453_397.913323, within(1e-6));
    }

    @Test
    void rejectsEveryPointOfATrackWithoutTimesButTheFewThatHaveOne() {
        Lenient reading = lenient(Corpus.file("gpx/cerknicko-without-times.gpx"));

        assertThat(reading.source).isEqualTo(SourceDescriptor.file("GPSBabel - http://www.gpsbabel.org", "GPX file"));
        assertThat(reading.rejections).hasSize(7 + 291);
        assertThat(reading.records).hasSize(5);
        assertThat(reading.records.getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2010-08-05T16:22:52Z")));
        assertThat(reading.records.getFirst().payload()).isEqualTo(point(45.791314188, 14.304685453, 556.740723));
        assertThat(reading.records.getLast().position().value()).isEqualTo("gpx/trk[8]/trkseg[1]/trkpt[21]");
        assertThat(reading.records.getLast().payload()).isEqualTo(point(45.790873384, 14.304442042, 562.508545));
        assertThat(altitudes(reading)).isCloseTo(2_800.526611, within(1e-6));
    }

    @Test
    void failsAStrictImportOfAPlannedRouteAtItsFirstPoint() {
        Path route = Corpus.file("gpx/route.gpx");
        Lenient reading = lenient(route);

        assertThat(reading.records).isEmpty();
        assertThat(reading.rejections).hasSize(55);
        assertThat(reading.rejections.getLast().position().value()).isEqualTo("gpx/rte[1]/rtept[55]");
        assertThatThrownBy(() -> Reading.of(importer, route))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("gpx/rte[1]/rtept[1]: " + NO_TIME);
    }

    @Test
    void readsBothSegmentsAroundAnEmptyOne() {
        Lenient reading = lenient(Corpus.file("gpx/track-with-empty-segment.gpx"));

        assertThat(reading.rejections).isEmpty();
        assertThat(reading.records).hasSize(9);
        assertThat(reading.records.getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2013-07-06T17:26:26Z")));
        assertThat(reading.records.getFirst().payload()).isEqualTo(point(50.7772126, 6.0819695, 191.5999756));
        assertThat(reading.records.getLast().time()).isEqualTo(TimeSpan.at(Instant.parse("2013-07-06T17:27:42Z")));
        assertThat(reading.records.getLast().payload()).isEqualTo(point(50.7776715, 6.0827203, 191.5999756));
    }

    @Test
    void ignoresDilutionsOfPrecisionWhichAreNotRadii() {
        Lenient corpus = lenient(Corpus.file("gpx/track_with_dilution_errors.gpx"));
        String gpx = """
                <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
                <trkpt lat="45.5" lon="4.8"><time>2024-05-04T08:00:00Z</time><hdop>2.4</hdop><vdop>3.1</vdop><pdop>3.9</pdop>
                <sat>7</sat><fix>3d</fix></trkpt></trkseg></trk></gpx>
                """;

        assertThat(corpus.rejections).extracting(rejection -> rejection.position().value())
                .containsExactly("gpx/wpt[1]", "gpx/rte[1]/rtept[1]", "gpx/trk[1]/trkseg[1]/trkpt[1]");
        assertThat(lenient(gpx).records).extracting(RecordDraft::payload).containsExactly(GeoPoint.of(45.5, 4.8));
    }

    @Test
    void ignoresGarminExtensions() {
        Lenient reading = lenient(Corpus.file("gpx/gpx_with_garmin_extension.gpx"));

        assertThat(reading.source).isEqualTo(SourceDescriptor.file("Runkeeper - http://www.runkeeper.com", "GPX file"));
        assertThat(reading.records).singleElement().satisfies(record -> {
            assertThat(record.time()).isEqualTo(TimeSpan.at(Instant.parse("2016-06-17T23:41:03Z")));
            assertThat(record.payload()).isEqualTo(point(37.778259, -122.391386, 3.4));
        });
    }

    @Test
    void readsAFileWithAByteOrderMarkAndNoNamespaceOrCreator() {
        Lenient reading = lenient(Corpus.file("gpx/unicode_with_bom.gpx"));

        assertThat(reading.source).isEqualTo(SourceDescriptor.file("GPX", "GPX file"));
        assertThat(reading.records).singleElement().satisfies(record -> {
            assertThat(record.time()).isEqualTo(TimeSpan.at(Instant.parse("2016-05-27T10:08:47.800Z")));
            assertThat(record.payload()).isEqualTo(point(43.309634, 3.515386, -14.6));
        });
    }

    @Test
    void readsAByteOrderMarkWithoutXmlDeclaration() {
        String gpx = "\uFEFF<gpx version=\"1.1\" creator=\"Tracé\"><wpt lat=\"45.75\" lon=\"4.85\">"
                + "<time>2024-05-04T08:00:00Z</time><name>Fourvière</name></wpt></gpx>";

        Lenient reading = lenient(gpx);

        assertThat(reading.source).isEqualTo(SourceDescriptor.file("Tracé", "GPX file"));
        assertThat(reading.records).extracting(RecordDraft::payload).containsExactly(GeoPoint.of(45.75, 4.85));
    }

    @Test
    void readsLatin1BytesWhateverTheDeclarationSaysAndUtf16WithItsByteOrderMark() {
        String gpx = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><gpx version=\"1.1\" creator=\"Tracé\"><wpt lat=\"1\" lon=\"2\">"
                + "<time>2024-05-04T08:00:00Z</time></wpt></gpx>";

        Lenient latin1 = lenient(new ByteArrayInputStream(gpx.getBytes(StandardCharsets.ISO_8859_1)));
        Lenient utf16 = lenient(new ByteArrayInputStream(gpx.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16)));

        assertThat(latin1.source).isEqualTo(SourceDescriptor.file("Tracé", "GPX file"));
        assertThat(latin1.records).extracting(RecordDraft::payload).containsExactly(GeoPoint.of(1, 2));
        assertThat(utf16.source).isEqualTo(SourceDescriptor.file("Tracé", "GPX file"));
        assertThat(utf16.records).extracting(RecordDraft::payload).containsExactly(GeoPoint.of(1, 2));
    }

    @Test
    void readsAnEmptyElevationAsNoAltitude() {
        Lenient corpus = lenient(Corpus.file("gpx/jpx__empty-ele.xml"));
        String gpx = """
                <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
                <wpt lat="12.12" lon="12.12"><ele/><time>2024-05-04T08:00:00Z</time></wpt>
                <wpt lat="12.12" lon="12.12"><ele>  </ele><time>2024-05-04T08:00:01Z</time></wpt>
                <wpt lat="12.12" lon="12.12"><ele>high</ele><time>2024-05-04T08:00:02Z</time></wpt>
                </gpx>
                """;

        assertThat(corpus.rejections).extracting(Rejection::message).containsExactly("gpx/wpt[1]: " + NO_TIME);
        Lenient reading = lenient(gpx);
        assertThat(reading.records).extracting(RecordDraft::payload)
                .containsExactly(GeoPoint.of(12.12, 12.12), GeoPoint.of(12.12, 12.12));
        assertThat(reading.rejections).extracting(Rejection::message)
                .containsExactly("gpx/wpt[3]: ele: expected an elevation in meters");
    }

    @Test
    void rejectsPointsWithMissingUnreadableOrOutOfRangeCoordinatesAndReadsOn() {
        Lenient reading = lenient(Corpus.file("gpx/jpx__invalid-latlon.xml"));

        assertThat(reading.items).extracting(item -> item instanceof Rejection rejection ? rejection.message()
                : item.position().value()).containsExactly(
                "gpx/trk[1]/trkseg[1]/trkpt[1]: expected a lat attribute in decimal degrees",
                "gpx/trk[1]/trkseg[1]/trkpt[2]: expected a lon attribute in decimal degrees",
                "gpx/trk[1]/trkseg[1]/trkpt[3]: expected a lon attribute in decimal degrees",
                "gpx/trk[1]/trkseg[1]/trkpt[4]",
                "gpx/trk[1]/trkseg[1]/trkpt[5]",
                "gpx/trk[1]/trkseg[1]/trkpt[6]: latitude must be a latitude between -90 and 90",
                "gpx/trk[1]/trkseg[1]/trkpt[7]",
                "gpx/trk[1]/trkseg[1]/trkpt[8]");
        assertThat(reading.records).extracting(RecordDraft::payload).containsExactly(
                point(48.199352264, 16.403341293, 4_325_376.0), point(6.376383781, 0, 147_573_952_589_676_412_928.0),
                point(0, 0, -0.005729), point(48.199295044, 16.403482437, 138.542969));
        assertThat(reading.records).extracting(record -> record.time().span().orElseThrow().start()).containsExactly(
                Instant.parse("2015-10-23T17:07:08Z"), Instant.parse("1992-07-19T10:10:58Z"),
                Instant.parse("2060-09-15T18:30:34Z"), Instant.parse("2015-10-25T11:46:14Z"));
    }

    @Test
    void readsTimesWithAnOffsetAndTimesWithoutOneAsUtc() {
        String gpx = """
                <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>cycling</type><trkseg>
                <trkpt lat="45.5" lon="4.8"><time>2024-05-04T10:00:00+02:00</time></trkpt>
                <trkpt lat="45.5" lon="4.8"><time>2024-05-04T08:00:05.250</time></trkpt>
                <trkpt lat="45.5" lon="4.8"><time>le 4 mai</time></trkpt>
                </trkseg></trk></gpx>
                """;

        Lenient reading = lenient(gpx);

        assertThat(reading.records).extracting(record -> record.time().span().orElseThrow().start()).containsExactly(
                Instant.parse("2024-05-04T08:00:00Z"), Instant.parse("2024-05-04T08:00:05.250Z"));
        assertThat(reading.records).extracting(record -> ((GeoPoint) record.payload()).activity())
                .containsOnly(Optional.of("cycling"));
        assertThat(reading.rejections).extracting(Rejection::message).containsExactly(
                "gpx/trk[1]/trkseg[1]/trkpt[3]: time: expected an ISO 8601 UTC date and time such as 2009-10-17T18:37:26Z");
    }

    @Test
    void refusesADocumentTypeDeclarationAndItsEntities() {
        String gpx = """
                <?xml version="1.0"?>
                <!DOCTYPE gpx [<!ENTITY lol "lol"><!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <gpx version="1.1" creator="&secret;"><wpt lat="1" lon="2"><time>2024-05-04T08:00:00Z</time></wpt></gpx>
                """;

        assertThatThrownBy(() -> lenient(gpx))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 2: expected no document type declaration in a GPX file")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void reportsABrokenDocumentTypeDeclarationAsMalformedXml() {
        String gpx = "\uFEFF<!DOCTYPE x [<!ENTITY a \"\u0006aaa\">]>\n<gpx version=\"1.1\"></gpx>";

        assertThatThrownBy(() -> lenient(gpx))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 1: expected well-formed XML; the file is malformed")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void namesTheLineWhereTheXmlBreaks() {
        String gpx = "<gpx version=\"1.1\">\n<trk><trkseg>\n"
                + "<trkpt lat=\"1\" lon=\"2\"><time>2024-05-04T08:00:00Z</time></trkpt>\n"
                + "<trkpt lat=\"1\" lon=\"2\"><time>2024";

        assertThatThrownBy(() -> lenient(gpx))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("line 4: expected well-formed XML; the file is malformed");
    }

    @Test
    void refusesAnXmlFileThatIsNotGpx() {
        assertThatThrownBy(() -> lenient("<?xml version=\"1.0\"?>\n<kml><Placemark/></kml>"))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 2: expected a gpx root element");
    }

    private static GeoPoint point(double latitude, double longitude, double altitude) {
        return new GeoPoint(latitude, longitude, Optional.empty(), Optional.of(altitude), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static double altitudes(Lenient reading) {
        return reading.records.stream().mapToDouble(record -> ((GeoPoint) record.payload()).altitudeMeters().orElse(0.0)).sum();
    }

    private Lenient lenient(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return lenient(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Lenient lenient(String gpx) {
        return lenient(new ByteArrayInputStream(gpx.getBytes(StandardCharsets.UTF_8)));
    }

    private Lenient lenient(InputStream in) {
        try (ParsedFile file = importer.open(in, Reading.PARIS)) {
            return new Lenient(file.source(), file.items().toList());
        }
    }

    /** A file read leniently: its records and its rejections, apart and together in file order. */
    private record Lenient(SourceDescriptor source, List<ImportItem> items, List<RecordDraft> records,
            List<Rejection> rejections) {
        Lenient(SourceDescriptor source, List<ImportItem> items) {
            this(source, items, items.stream().filter(RecordDraft.class::isInstance).map(RecordDraft.class::cast).toList(),
                    items.stream().filter(Rejection.class::isInstance).map(Rejection.class::cast).toList());
        }
    }
}
