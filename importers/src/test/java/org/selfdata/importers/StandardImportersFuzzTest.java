package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.testing.Corpus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the first importers from mutations of real samples: each ends in records or in its own clear error, and
 * never hangs or exhausts the test JVM's bounded heap (see {@link Fuzzing}).
 */
class StandardImportersFuzzTest {
    @Test
    void ofxStatementsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("ofx/checking.ofx")), Fuzzing.read(Corpus.file("ofx/suncorp.ofx")),
                Fuzzing.read(Corpus.file("ofx/ofx-v102-empty-tags.ofx")));

        assertThat(Fuzzing.of(new OfxImporter(), seeds).run(20_251_123L)).isGreaterThan(seeds.size());
    }

    @Test
    void googleRecordsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("google-location/takeout_Records.json")));

        assertThat(Fuzzing.of(new GoogleRecordsImporter(), seeds).run(20_251_124L)).isGreaterThan(seeds.size());
    }

    @Test
    void linkyLoadCurvesNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.bytes("""
                Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite;\
                Pas en minutes
                09876543210987;Courbe de charge;01/03/2025;02/03/2025;Energie active;Consommation;Comptage Brut;W;30
                Horodate;Valeur
                2025-03-01T00:30:00+01:00;270
                2025-03-01T01:00:00+01:00;
                2025-03-01T01:30:00+01:00;312
                """));

        assertThat(Fuzzing.of(new LinkyLoadCurveImporter(), seeds).run(20_251_125L)).isGreaterThan(seeds.size());
    }
}
