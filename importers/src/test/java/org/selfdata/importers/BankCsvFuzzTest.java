package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.testing.Corpus;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fuzzes the CSV importers from their fixtures and the corpus's samples (see {@link Fuzzing}). */
class BankCsvFuzzTest {
    @Test
    void frenchBankExportsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = Stream.of("boursobank.csv", "boursobank-older.csv", "societe-generale.csv", "credit-agricole.csv",
                "la-banque-postale.csv", "bpce.csv", "fortuneo.csv", "bnp-paribas.csv")
                .map(name -> Fuzzing.read(FrenchBankCsvImporterTest.fixture(name)))
                .toList();

        assertThat(Fuzzing.of(new FrenchBankCsvImporter(), seeds).run(20_261_123L)).isGreaterThan(seeds.size());
    }

    @Test
    void headerlessMappedFilesNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("fr-bank-csv/reckon_french_example.csv")));
        MappedCsvImporter importer = new MappedCsvImporter(CsvMapping.parse(MappedCsvImporterTest.BANQUE_POPULAIRE));

        assertThat(Fuzzing.of(importer, seeds).run(20_261_124L)).isGreaterThan(seeds.size());
    }

    @Test
    void commaSeparatedMappedFilesNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("fr-bank-csv/reckon_multi-line-field.csv")));
        MappedCsvImporter importer = new MappedCsvImporter(CsvMapping.parse(MappedCsvImporterTest.VENMO));

        assertThat(Fuzzing.of(importer, seeds).run(20_261_125L)).isGreaterThan(seeds.size());
    }

    @Test
    void mappedFilesWithAHeaderNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("fr-bank-csv/reckon_bom_utf8_file.csv")), Fuzzing.bytes("""
                "Date","Name","Gross","Currency","Transaction ID"
                "01/31/2026","Café","-3.50","EUR","7XK"
                "02/01/2026","Refund ""twice""
                of a line","12.00","USD","7XL"
                """));
        MappedCsvImporter importer = new MappedCsvImporter(CsvMapping.parse(MappedCsvImporterTest.PAYPAL));

        assertThat(Fuzzing.of(importer, seeds).run(20_261_126L)).isGreaterThan(seeds.size());
    }
}
