package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.selfdata.testing.Corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The location formats are told apart from each other and from every other sample by their content. */
class LocationDetectionTest {
    private final Importers importers = Importers.standard();

    @ParameterizedTest
    @CsvSource({
            "google-location/takeout_semantic_2021_AUGUST.json, google-semantic-history",
            "google-location/device_android_Timeline.json, google-timeline",
            "google-location/takeout_Records.json, google-records",
            "gpx/cerknicko-without-times.gpx, gpx",
            "gpx/gpx1.0_with_all_fields.gpx, gpx",
            "gpx/gpx1.1_with_all_fields.gpx, gpx",
            "gpx/gpx_with_garmin_extension.gpx, gpx",
            "gpx/unicode_with_bom.gpx, gpx",
            "gpx/korita-zbevnica.gpx, gpx",
            "gpx/track-with-empty-segment.gpx, gpx",
            "gpx/route.gpx, gpx",
            "gpx/track_with_dilution_errors.gpx, gpx",
            "gpx/jpx__ISSUE-82.gpx, gpx",
            "gpx/jpx__GPX_10-1.gpx, gpx",
            "gpx/jpx__invalid-latlon.xml, gpx",
            "gpx/jpx__empty-ele.xml, gpx"})
    void recognizesEachLocationSampleByItsContentWhenRenamed(String sample, String format) {
        Sniff sniff = GoogleTimelineImporterTest.sniff("data.bin", Corpus.file(sample));

        assertThat(importers.detect(sniff)).map(Importer::format).contains(format);
        assertThat(importers.importers()).filteredOn(importer -> !importer.format().equals(format))
                .allSatisfy(importer -> assertThat(importer.detect(sniff)).as(importer.format()).isEqualTo(Detection.NO));
    }

    @Test
    void claimsNoSampleOfAnotherFamily() {
        List<Importer> location = List.of(new GoogleSemanticHistoryImporter(), new GoogleTimelineImporter(), new GpxImporter());
        Path corpus = Corpus.file("MANIFEST.md").getParent();
        List<Path> others;
        try (Stream<Path> files = Files.walk(corpus)) {
            others = files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(corpus.resolve("gpx")))
                    .filter(file -> !file.startsWith(corpus.resolve("google-location")))
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(others).isNotEmpty();
        for (Path file : others) {
            Sniff sniff = GoogleTimelineImporterTest.sniff(file.getFileName().toString(), file);
            assertThat(location).as(corpus.relativize(file).toString())
                    .allSatisfy(importer -> assertThat(importer.detect(sniff)).isEqualTo(Detection.NO));
        }
    }
}
