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
}
