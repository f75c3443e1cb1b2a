package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.selfdata.testing.Corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each energy layout is claimed by its own importer only, and the energy importers claim no one else's samples. */
class EnergyDetectionTest {
    private static final Set<String> ENERGY_FORMATS = Set.of("linky-load-curve", "linky-daily-index", "linky-kilowatt-curve",
            "enedis-data-connect", "green-button");

    private final Importers importers = Importers.standard();

    @ParameterizedTest
    @ValueSource(strings = {"greenbutton/TestGBDataHourlyNineDaysBinnedDaily.xml",
            "greenbutton/TestGBDataOneYearDailyBinnedMonthly.xml", "greenbutton/openespi__test_usage_data_01.xml"})
    void claimsEachGreenButtonSampleForGreenButtonOnly(String sample) throws IOException {
        assertClaimedOnlyBy("green-button", head(Files.readAllBytes(Corpus.file(sample))));
    }

    @Test
    void claimsEachEnedisLayoutForItsOwnImporterOnly() {
        String loadCurve = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;"
                + "Etape metier;Unite;Pas en minutes\n12345678901234;Courbe de charge;01/09/2024;02/09/2024;Energie active;"
                + "Consommation;Comptage Brut;W;30\nHorodate;Valeur\n2024-09-01T00:30:00+02:00;80\n";

        assertClaimedOnlyBy("linky-load-curve", loadCurve.getBytes(StandardCharsets.UTF_8));
        assertClaimedOnlyBy("linky-daily-index", LinkyDailyIndexImporterTest.INDEX.getBytes(StandardCharsets.UTF_8));
        assertClaimedOnlyBy("linky-kilowatt-curve", ("debut;fin;kW\n" + LinkyKilowattCurveImporterTest.AUTUMN_ROWS)
                .getBytes(StandardCharsets.UTF_8));
        assertClaimedOnlyBy("enedis-data-connect", EnedisDataConnectImporterTest.DAILY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void claimsNoneOfTheOtherFormatsSamples() throws IOException {
        Path corpus = Corpus.file("MANIFEST.md").getParent();
        List<Path> samples;
        try (Stream<Path> files = Files.walk(corpus)) {
            samples = files.filter(Files::isRegularFile).filter(file -> !file.startsWith(corpus.resolve("greenbutton")))
                    .filter(file -> !file.getParent().equals(corpus)).sorted().toList();
        }

        assertThat(samples).hasSizeGreaterThan(20);
        for (Path sample : samples) {
            Sniff sniff = new Sniff("data.bin", readHead(sample));
            assertThat(importers.importers().stream().filter(importer -> ENERGY_FORMATS.contains(importer.format()))
                    .filter(importer -> importer.detect(sniff) != Detection.NO).map(Importer::format).toList())
                    .as(corpus.relativize(sample).toString()).isEmpty();
        }
    }

    private void assertClaimedOnlyBy(String format, byte[] head) {
        Sniff sniff = new Sniff("data.bin", head);
        assertThat(importers.importers().stream().filter(importer -> importer.detect(sniff) != Detection.NO)
                .map(Importer::format).toList()).containsExactly(format);
        assertThat(importers.detect(sniff)).map(Importer::format).contains(format);
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(Sniff.HEAD_SIZE);
        }
    }

    private static byte[] head(byte[] file) {
        return Arrays.copyOf(file, Math.min(file.length, Sniff.HEAD_SIZE));
    }
}
