package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.testing.Corpus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fuzzes the energy importers from mutations of real samples and of fixtures written from their layouts ({@link Fuzzing}). */
class EnergyImportersFuzzTest {
    @Test
    void greenButtonFeedsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("greenbutton/openespi__test_usage_data_01.xml")),
                Fuzzing.bytes(GreenButtonImporterTest.feed(GreenButtonImporterTest.shuffledEntries())));

        assertThat(Fuzzing.of(new GreenButtonImporter(), seeds).run(20_251_201L)).isGreaterThan(seeds.size());
    }

    @Test
    void linkyDailyIndexesNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.bytes(LinkyDailyIndexImporterTest.INDEX));

        assertThat(Fuzzing.of(new LinkyDailyIndexImporter(), seeds).run(20_251_202L)).isGreaterThan(seeds.size());
    }

    @Test
    void linkyKilowattCurvesNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(
                Fuzzing.bytes("PRM 12345678901234\ndebut;fin;kW\n" + LinkyKilowattCurveImporterTest.AUTUMN_ROWS),
                Fuzzing.bytes("debut;fin;kW\n2025-03-30 01:30:00;2025-03-30 03:00:00;0,4\n"));

        assertThat(Fuzzing.of(new LinkyKilowattCurveImporter(), seeds).run(20_251_203L)).isGreaterThan(seeds.size());
    }

    @Test
    void enedisDataConnectReadingsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.bytes(EnedisDataConnectImporterTest.AUTUMN_CURVE),
                Fuzzing.bytes(EnedisDataConnectImporterTest.DAILY));

        assertThat(Fuzzing.of(new EnedisDataConnectImporter(), seeds).run(20_251_204L)).isGreaterThan(seeds.size());
    }
}
