package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.SelfdataException;
import org.selfdata.testing.Corpus;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRowsTest {
    private static List<CsvRow> rows(String text, char delimiter) {
        try (CsvRows rows = new CsvRows(new StringReader(text), delimiter)) {
            List<CsvRow> all = new ArrayList<>();
            for (Optional<CsvRow> row = rows.next(); row.isPresent(); row = rows.next()) {
                all.add(row.get());
            }
            return all;
        }
    }

    @Test
    void splitsCellsAtTheDelimiterAndKeepsEmptyOnes() {
        assertThat(rows("a;;b;\n", ';')).containsExactly(new CsvRow(1, List.of("a", "", "b", "")));
    }

    @Test
    void readsQuotedCellsWithDelimitersDoubledQuotesAndLineEnds() {
        assertThat(rows("\"x;y\";\"dit \"\"oui\"\"\";\"deux\r\nlignes\"\r\nsuite\r\n", ';')).containsExactly(
                new CsvRow(1, List.of("x;y", "dit \"oui\"", "deux\nlignes")), new CsvRow(3, List.of("suite")));
    }

    @Test
    void numbersRowsByTheLineTheyStartOnWhateverTheLineEnds() {
        assertThat(rows("a\rb\r\n\nc", ';')).extracting(CsvRow::line).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void keepsAQuoteInsideAnUnquotedCellAsACharacter() {
        assertThat(rows("=\"0001234\";1 234,37 EUR\n", ';').getFirst().cells()).containsExactly("=\"0001234\"", "1 234,37 EUR");
    }

    @Test
    void dropsTheByteOrderMarkOfAFileDecodedWithAnExplicitCharset() {
        assertThat(rows("\uFEFFDate;Montant\n", ';').getFirst().cells()).containsExactly("Date", "Montant");
    }

    @Test
    void skipsLinesWithoutReadingTheirQuotes() {
        try (CsvRows rows = new CsvRows(new StringReader("Relevé \"du mois\r\n\r\nDate;Montant\r\n"), ';')) {
            rows.skipLines(2);

            assertThat(rows.next()).contains(new CsvRow(3, List.of("Date", "Montant")));
            assertThat(rows.next()).isEmpty();
        }
    }

    @Test
    void readsTheCorpusFileWithAMultiLineCell() {
        try (CsvRows rows = new CsvRows(new Utf8OrCp1252Reader(new ByteArrayInputStream(
                Fuzzing.read(Corpus.file("fr-bank-csv/reckon_multi-line-field.csv")))), ',')) {
            CsvRow first = rows.next().orElseThrow();
            CsvRow second = rows.next().orElseThrow();

            assertThat(first.cells()).hasSize(22);
            assertThat(first.cell(7)).isEqualTo("Lyft, Inc");
            assertThat(second.line()).isEqualTo(2);
            assertThat(second.cell(21)).startsWith("In case of errors or questions about your\n").endsWith("string\n        ");
            assertThat(rows.next()).isEmpty();
        }
    }

    @Test
    void refusesAQuoteThatNeverClosesNamingTheLineItOpensOn() {
        assertThatThrownBy(() -> rows("a;b\nc;\"d\n\n", ';'))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 2: expected the closing quote of a cell that opens on this line");
    }

    @Test
    void refusesARowTooLongToBeAnOperation() {
        String endless = "\"" + "x".repeat(CsvRows.MAXIMUM_ROW_LENGTH + 1);

        assertThatThrownBy(() -> rows("a\n" + endless, ';'))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 2: expected a row of at most 262144 characters; a quote may be missing");
    }
}
