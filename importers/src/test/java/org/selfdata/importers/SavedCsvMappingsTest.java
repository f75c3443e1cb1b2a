package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.BankTransaction;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mapping saved for one file reads the next file of the same layout, and checks a mapping on a file's first rows. */
class SavedCsvMappingsTest {
    private static final String MARCH = CsvMappingGuessTest.HEADERLESS;
    private static final String APRIL = "02/04/2024;CARTE X1234 BOULANGERIE;-3,80;\n05/04/2024;PRLV SEPA EDF;-61,02;\n";

    @Test
    void theNextExportOfTheSameLayoutIsReadWithTheMappingSavedForTheFirst() {
        CsvMappingGuess march = CsvMappingGuess.of(bytes(MARCH)).orElseThrow();
        Importers importers = Importers.standard().with(new SavedCsvMappings(Map.of(march.shape().fingerprint(),
                march.mapping())));

        Sniff april = new Sniff("releve-avril.csv", bytes(APRIL));

        assertThat(importers.detect(april)).map(Importer::format).contains("mapped-csv");
        assertThat(Reading.of(importers.detect(april).orElseThrow(), APRIL, StandardCharsets.UTF_8)
                .payloads(BankTransaction.class)).extracting(BankTransaction::amount)
                .containsExactly(new BigDecimal("-3.80"), new BigDecimal("-61.02"));
    }

    @Test
    void aFileOfAnotherLayoutIsLeftToTheOtherImporters() {
        CsvMappingGuess march = CsvMappingGuess.of(bytes(MARCH)).orElseThrow();
        Importers importers = Importers.standard().with(new SavedCsvMappings(Map.of(march.shape().fingerprint(),
                march.mapping())));

        assertThat(importers.detect(new Sniff("other.csv", bytes("02/04/2024;BOULANGERIE;-3,80\n")))).isEmpty();
        assertThat(new SavedCsvMappings(Map.of()).detect(new Sniff("releve.csv", bytes(APRIL)))).isEqualTo(Detection.NO);
    }

    @Test
    void aCheckReadsTheFirstRowsAndSaysWhyARowCannotBeRead() {
        CsvMapping mapping = CsvMappingGuess.of(bytes(MARCH)).orElseThrow().mapping();
        String file = "12/03/2024;CAFE;-2,10;\n31/02/2024;ERREUR;-1,00;\n13/03/2024;PAIN;-1,20;\n14/03/2024;LAIT;-0,90;\n";

        List<CsvMappingCheck.Row> rows = CsvMappingCheck.firstRows(bytes(file), mapping, 3);

        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst()).isEqualTo(new CsvMappingCheck.Read("line 1", LocalDate.of(2024, 3, 12),
                new BigDecimal("-2.10"), "EUR", "CAFE"));
        assertThat(rows.get(1)).isInstanceOfSatisfying(CsvMappingCheck.Refused.class, refused -> assertThat(
                refused.rejection().message()).isEqualTo("line 2: expected a date written dd/MM/yyyy in column 1"));
        assertThat(rows.getLast()).isEqualTo(new CsvMappingCheck.Read("line 3", LocalDate.of(2024, 3, 13),
                new BigDecimal("-1.20"), "EUR", "PAIN"));
    }

    @Test
    void aCheckOfAMappingThatNamesAHeaderTheFileLacksSaysWhichHeaderWasExpected() {
        CsvMapping mapping = CsvMapping.parse("column.date=Date\ncolumn.amount=Montant\n");

        assertThatThrownBy(() -> CsvMappingCheck.firstRows(bytes(MARCH), mapping, 5))
                .hasMessageStartingWith("line 1: ");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
