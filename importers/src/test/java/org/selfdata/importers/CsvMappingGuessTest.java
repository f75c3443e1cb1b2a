package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.BankTransaction;
import org.selfdata.testing.Corpus;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvMappingGuessTest {
    static final String HEADERLESS = """
            12/03/2024;CARTE X1234 11/03 BOULANGERIE DU MARCHE;-4,50;
            12/03/2024;VIR SEPA RECU DE MME DURAND;1 250,00;
            13/03/2024;PRLV SEPA EDF;-62,17;
            15/03/2024;CARTE X1234 14/03 PHARMACIE;-18,90;
            """;

    @Test
    void aHeaderlessFrenchExportIsReadByColumnNumbers() {
        CsvMappingGuess guess = guess(HEADERLESS, StandardCharsets.UTF_8);

        assertThat(guess.mapping().properties()).isEqualTo("""
                header=false
                delimiter=;
                date-pattern=dd/MM/yyyy
                decimal-mark=comma
                column.date=1
                column.amount=3
                column.label=2
                """);
        assertThat(guess.shape()).isEqualTo(new CsvShape(';', 4, 0, List.of()));
        assertThat(guess.encoding()).isEqualTo("UTF-8");
        assertThat(guess.preview().get(1)).containsExactly("12/03/2024", "VIR SEPA RECU DE MME DURAND", "1 250,00", "");
    }

    @Test
    void theGuessedMappingReadsTheFileItWasGuessedFrom() {
        CsvMappingGuess guess = guess(HEADERLESS, StandardCharsets.UTF_8);

        List<BankTransaction> read = Reading.of(new MappedCsvImporter(guess.mapping()), HEADERLESS, StandardCharsets.UTF_8)
                .payloads(BankTransaction.class);

        assertThat(read).extracting(BankTransaction::amount).containsExactly(new BigDecimal("-4.50"),
                new BigDecimal("1250.00"), new BigDecimal("-62.17"), new BigDecimal("-18.90"));
        assertThat(read.get(2).bookingDate()).isEqualTo(LocalDate.of(2024, 3, 13));
        assertThat(read.get(2).label()).isEqualTo("PRLV SEPA EDF");
    }

    @Test
    void aHeaderNamesTheDebitAndCreditColumnsAndThePreambleIsSkipped() {
        String file = """
                Téléchargement du 20/03/2024;
                Compte de chèques n° 12345678901;Solde au 19/03/2024 : 1 234,56 €

                Date;Libellé;Débit euros;Crédit euros;
                18/03/2024;"PAIEMENT PAR CARTE
                 BOULANGERIE";4,50;;
                17/03/2024;VIREMENT RECU;;1200,00;
                16/03/2024;PRELEVEMENT ORANGE;39,99;;
                """;

        CsvMappingGuess guess = guess(file, Charset.forName("windows-1252"));

        assertThat(guess.mapping().properties()).isEqualTo("""
                skip-lines=3
                header=true
                delimiter=;
                date-pattern=dd/MM/yyyy
                decimal-mark=comma
                column.date=Date
                column.debit=Débit euros
                column.credit=Crédit euros
                column.label=Libellé
                """);
        assertThat(guess.encoding()).isEqualTo("windows-1252");
        assertThat(guess.shape().header()).containsExactly("date", "libelle", "debit euros", "credit euros", "");
        assertThat(Reading.of(new MappedCsvImporter(guess.mapping()), file, Charset.forName("windows-1252"))
                .payloads(BankTransaction.class)).extracting(BankTransaction::amount)
                .containsExactly(new BigDecimal("-4.50"), new BigDecimal("1200.00"), new BigDecimal("-39.99"));
    }

    @Test
    void isoDatesCommasAndDecimalPointsAreGuessedWithAValueDate() {
        String file = """
                2024-03-12,2024-03-13,Coffee shop,-3.20,1021.80
                2024-03-13,2024-03-14,Salary,2500.00,3521.80
                2024-03-15,2024-03-15,Rent,-900.00,2621.80
                """;

        assertThat(guess(file, StandardCharsets.UTF_8).mapping().properties()).isEqualTo("""
                header=false
                delimiter=,
                date-pattern=yyyy-MM-dd
                decimal-mark=point
                column.date=1
                column.value-date=2
                column.amount=4
                column.label=3
                """);
    }

    @Test
    void twoDigitYearsWithDotsAreGuessed() {
        String file = "12.03.24\tKAUFLAND\t-23,10\n13.03.24\tLOHN\t1.800,00\n";

        CsvMapping mapping = guess(file, StandardCharsets.UTF_8).mapping();

        assertThat(mapping.keys()).containsEntry("delimiter", "tab").containsEntry("date-pattern", "dd.MM.yy")
                .containsEntry("decimal-mark", "comma");
    }

    @Test
    void aFileWithoutDatesOrAmountsSuggestsNothing() {
        assertThat(CsvMappingGuess.of("name;email\nCamille;camille@example.org\n".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(CsvMappingGuess.of("12/03/2024;coffee\n13/03/2024;tea\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(CsvMappingGuess.of("just one line of prose\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(CsvMappingGuess.of(new byte[0])).isEmpty();
    }

    @Test
    void twoExportsOfOneBankHaveOneFingerprintAndOtherLayoutsAnother() {
        String april = "02/04/2024;CARTE X1234 BOULANGERIE;-3,80;\n05/04/2024;PRLV SEPA EDF;-61,02;\n";
        String threeColumns = "02/04/2024;CARTE X1234 BOULANGERIE;-3,80\n05/04/2024;PRLV SEPA EDF;-61,02\n";

        String march = guess(HEADERLESS, StandardCharsets.UTF_8).shape().fingerprint();

        assertThat(march).hasSize(32).isEqualTo(guess(april, StandardCharsets.UTF_8).shape().fingerprint());
        assertThat(guess(threeColumns, StandardCharsets.UTF_8).shape().fingerprint()).isNotEqualTo(march);
    }

    @Test
    void theHeadOfALongFileIsReadUpToItsLastWholeLine() {
        StringBuilder file = new StringBuilder();
        for (int day = 0; file.length() < Sniff.HEAD_SIZE + 100; day++) {
            file.append(String.format("%02d/03/2024;VIREMENT NUMERO %d;-%d,50;%n", day % 28 + 1, day, day));
        }
        byte[] head = java.util.Arrays.copyOf(file.toString().getBytes(StandardCharsets.UTF_8), Sniff.HEAD_SIZE);

        assertThat(CsvMappingGuess.of(head)).map(guess -> guess.mapping().keys().get("column.amount")).contains("3");
    }

    @Test
    void aHeaderlessBanquePopulaireExportIsGuessedWithItsAccountColumn() {
        byte[] file = Fuzzing.read(Corpus.file("fr-bank-csv/reckon_french_example.csv"));

        CsvMappingGuess guess = CsvMappingGuess.of(file).orElseThrow();

        assertThat(guess.mapping().properties()).isEqualTo("""
                header=false
                delimiter=;
                date-pattern=dd/MM/yyyy
                decimal-mark=comma
                column.date=2
                column.amount=5
                column.label=3
                column.account=1
                """);
        List<BankTransaction> read = Reading.of(new MappedCsvImporter(guess.mapping()),
                new java.io.ByteArrayInputStream(file)).payloads(BankTransaction.class);
        assertThat(read).hasSize(9);
        assertThat(read.getFirst().amount()).isEqualTo(new BigDecimal("-10.00"));
    }

    @Test
    void aPayPalHeaderWithoutRowsHasAShapeButSuggestsNoMapping() {
        byte[] file = Fuzzing.read(Corpus.file("fr-bank-csv/reckon_bom_utf8_file.csv"));

        assertThat(CsvShape.of(file)).map(CsvShape::delimiter).contains(',');
        assertThat(CsvMappingGuess.of(file)).isEmpty();
    }

    private static CsvMappingGuess guess(String file, Charset charset) {
        return CsvMappingGuess.of(file.getBytes(charset)).orElseThrow();
    }
}
