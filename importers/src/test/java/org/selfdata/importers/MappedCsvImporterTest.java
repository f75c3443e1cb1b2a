package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.importers.CsvMapping.Field;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.testing.Corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappedCsvImporterTest {
    static final String BANQUE_POPULAIRE = """
            # account;date;label;reference;amount; with no header and a trailing delimiter
            header=false
            column.account=1
            column.date=2
            column.label=3
            column.reference=4
            column.amount=5
            decimal-mark=comma
            organization=Banque Populaire
            """;
    static final String VENMO = """
            delimiter=,
            header=false
            column.reference=2
            column.date=3
            date-pattern=yyyy-MM-dd'T'HH:mm:ss
            column.kind=4
            column.counterparty=8
            column.amount=9
            column.memo=22
            decimal-mark=point
            currency=USD
            account=Venmo
            """;
    static final String PAYPAL = """
            delimiter=,
            column.date=Date
            date-pattern=MM/dd/yyyy
            column.label=Name
            column.amount=Gross
            column.currency=Currency
            column.reference=Transaction ID
            """;

    @Test
    void readsAHeaderlessBanquePopulaireExportThroughAMapping() {
        Reading reading = Reading.of(new MappedCsvImporter(CsvMapping.parse(BANQUE_POPULAIRE)),
                Corpus.file("fr-bank-csv/reckon_french_example.csv"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);

        assertThat(reading.format()).isEqualTo("mapped-csv");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Banque Populaire", "CSV export"));
        assertThat(transactions).hasSize(9);
        assertThat(transactions.stream().map(BankTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("-337.44");
        assertThat(transactions.getFirst()).isEqualTo(new BankTransaction("01234567890", LocalDate.of(2014, 1, 22),
                Optional.empty(), new BigDecimal("-10.00"), "EUR",
                "CHEQUE 012345678901234578ABC000  0000 4381974748378178473744441", Optional.empty(), Optional.of("0000037"),
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(transactions.getLast().bookingDate()).isEqualTo(LocalDate.of(2014, 1, 21));
        assertThat(transactions.getLast().label()).isEqualTo("CARTE 012345 CB:*0123456 XXXXXX XXXXXXXX33ST ANDRE 935/");
        assertThat(transactions.getLast().reference()).contains("0POBUEQ");
        assertThat(transactions.getLast().amount()).isEqualByComparingTo("-25.65");
        assertThat(reading.positions()).first().isEqualTo("line 1");
        assertThat(reading.positions()).last().isEqualTo("line 9");
    }

    @Test
    void readsACommaSeparatedExportWithAQuotedCellOverSeveralLines() {
        Reading reading = Reading.of(new MappedCsvImporter(CsvMapping.parse(VENMO)),
                Corpus.file("fr-bank-csv/reckon_multi-line-field.csv"));

        // The second row, a summary over lines 2 to 5, has neither a date nor an amount: it is no operation.
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("CSV file", "CSV export"));
        assertThat(reading.payloads(BankTransaction.class)).containsExactly(new BankTransaction("Venmo",
                LocalDate.of(2002, 9, 10), Optional.empty(), new BigDecimal("-21.59"), "USD", "", Optional.of("Lyft, Inc"),
                Optional.of("311053760"), Optional.empty(), Optional.of("Merchant Transaction"), Optional.empty()));
    }

    @Test
    void readsAHeaderBehindAByteOrderMarkAndNoRowsAfterIt() {
        MappedCsvImporter importer = new MappedCsvImporter(CsvMapping.parse(PAYPAL));
        Path file = Corpus.file("fr-bank-csv/reckon_bom_utf8_file.csv");

        assertThat(importer.detect(new Sniff("download.bin", Fuzzing.read(file)))).isEqualTo(Detection.BY_CONTENT);
        assertThat(Reading.of(importer, file).records()).isEmpty();
    }

    @Test
    void recognizesAHeaderlessFileWhenItsFirstRowReadsAsATransaction() {
        MappedCsvImporter importer = new MappedCsvImporter(CsvMapping.parse(BANQUE_POPULAIRE));
        Sniff sniff = new Sniff("export.dat", Fuzzing.read(Corpus.file("fr-bank-csv/reckon_french_example.csv")));

        assertThat(importer.detect(sniff)).isEqualTo(Detection.BY_CONTENT);
        assertThat(Importers.standard().detect(sniff)).isEmpty();
        assertThat(Importers.standard().with(importer).detect(sniff)).containsSame(importer);
    }

    @Test
    void claimsAnyCsvFileByNameWhenItsContentDoesNotMatch() {
        MappedCsvImporter importer = new MappedCsvImporter(CsvMapping.parse(PAYPAL));
        byte[] other = "Datum;Betrag\n01.02.2026;3,00\n".getBytes(StandardCharsets.UTF_8);

        assertThat(importer.detect(new Sniff("umsatz.CSV", other))).isEqualTo(Detection.BY_NAME);
        assertThat(importer.detect(new Sniff("umsatz.txt", other))).isEqualTo(Detection.NO);
    }

    @Test
    void winsATieWithTheStandardImportersOnceAdded() throws IOException {
        CsvMapping mapping = CsvMapping.builder().column(Field.DATE, "Date").column(Field.LABEL, "Libellé")
                .column(Field.AMOUNT, "Montant(EUROS)").account("0123456A020").organization("La Banque Postale")
                .sourceLabel("compte courant").build();
        Importers importers = Importers.standard().with(new MappedCsvImporter(mapping));

        try (InputStream in = Files.newInputStream(FrenchBankCsvImporterTest.fixture("la-banque-postale.csv"));
                ParsedFile file = importers.open("releve.csv", in, Reading.PARIS)) {
            assertThat(file.format()).isEqualTo("mapped-csv");
            assertThat(file.source()).isEqualTo(SourceDescriptor.file("La Banque Postale", "compte courant"));
            assertThat(file.records().count()).isEqualTo(3);
        }
    }

    @Test
    void readsDebitAndCreditColumnsAnExplicitEncodingAndSkippedLines() {
        CsvMapping mapping = CsvMapping.parse("""
                encoding=ISO-8859-1
                skip-lines=2
                delimiter=tab
                column.date=1
                column.label=Opération
                column.debit=Débit
                column.credit=Crédit
                decimal-mark=comma
                """);
        String file = "Relevé \"de compte\n\nDate\tOpération\tDébit\tCrédit\n03/02/2026\tLoyer\t1.200,00\t\n"
                + "04/02/2026\tRemboursement\t\t12,5\n";

        List<BankTransaction> transactions = Reading.of(new MappedCsvImporter(mapping), file, StandardCharsets.ISO_8859_1)
                .payloads(BankTransaction.class);

        assertThat(transactions).extracting(BankTransaction::label).containsExactly("Loyer", "Remboursement");
        assertThat(transactions).extracting(BankTransaction::amount).containsExactly(new BigDecimal("-1200.00"),
                new BigDecimal("12.5"));
        assertThat(transactions.getFirst().account()).isEqualTo("unknown");
    }

    @Test
    void rejectsTheRowsItCannotReadAndKeepsTheOthers() {
        CsvMapping mapping = CsvMapping.parse("column.date=Date\ncolumn.amount=Montant\ncolumn.currency=Devise\n");
        String file = "Date;Montant;Devise\n01/02/2026;-3,00;EUR\n02/02/2026;-4,00;euros\n03/02/2026;;EUR\n04/02/2026;5;€\n";

        try (ParsedFile parsed = new MappedCsvImporter(mapping).open(new ByteArrayInputStream(
                file.getBytes(StandardCharsets.UTF_8)), Reading.PARIS)) {
            List<ImportItem> items = parsed.items().toList();

            assertThat(items).hasSize(4);
            assertThat(items.get(1)).isEqualTo(new Rejection(Position.line(3),
                    "expected a currency code such as EUR in column 'Devise'",
                    Optional.empty(), Optional.of("Date;Montant;Devise\n02/02/2026;-4,00;euros")));
            assertThat(items.get(2)).isEqualTo(new Rejection(Position.line(4), "expected an amount in column 'Montant'",
                    Optional.empty(), Optional.of("Date;Montant;Devise\n03/02/2026;;EUR")));
            assertThat(((BankTransaction) ((RecordDraft) items.getLast()).payload()).currency()).isEqualTo("EUR");
        }
    }

    @Test
    void aRejectedRowOfAFileWithoutHeaderKeepsTheLinesItSkippedAboveIt() {
        CsvMapping mapping = CsvMapping.parse("column.date=1\ncolumn.amount=2\nheader=false\nskip-lines=1\n");
        String file = "Compte 0001234\r\n01/02/2026;-3,00\r\n02/02/2026;trois\r\n";

        try (ParsedFile parsed = new MappedCsvImporter(mapping).open(new ByteArrayInputStream(
                file.getBytes(StandardCharsets.UTF_8)), Reading.PARIS)) {
            List<ImportItem> items = parsed.items().toList();

            assertThat(items.getLast()).isEqualTo(new Rejection(Position.line(3), "expected an amount such as -1 234,56 in "
                    + "column 2", Optional.empty(), Optional.of("Compte 0001234\r\n02/02/2026;trois")));
        }
    }

    @Test
    void refusesAFileWithoutTheMappedHeaderNamingTheColumnsItLookedFor() {
        MappedCsvImporter importer = new MappedCsvImporter(CsvMapping.parse(PAYPAL));

        assertThatThrownBy(() -> Reading.of(importer, "Datum;Betrag\n01.02.2026;3,00\n", StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 1: expected, within the first 64 rows, a header naming the columns 'Currency', 'Date', "
                        + "'Gross', 'Name', 'Transaction ID'")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void readsAMappingFile(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("bp.properties"), BANQUE_POPULAIRE, StandardCharsets.UTF_8);

        CsvMapping mapping = CsvMapping.read(file);

        assertThat(mapping.header()).isFalse();
        assertThat(mapping.column(Field.REFERENCE)).contains(CsvMapping.Column.numbered(4));
        assertThat(mapping.organization()).contains("Banque Populaire");
    }

    @Test
    void saysWhenTheMappingFileIsMissing(@TempDir Path folder) {
        assertThatThrownBy(() -> CsvMapping.read(folder.resolve("absent.properties")))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("absent.properties: no such CSV mapping file");
    }

    @Test
    void hasDefaultsForEverythingButTheColumns() {
        CsvMapping mapping = CsvMapping.parse("column.date=Date\ncolumn.amount=Montant\n");

        assertThat(mapping.delimiter()).isEqualTo(';');
        assertThat(mapping.encoding()).isEmpty();
        assertThat(mapping.header()).isTrue();
        assertThat(mapping.skipLines()).isZero();
        assertThat(mapping.datePattern()).isEqualTo("dd/MM/yyyy");
        assertThat(mapping.decimalMark()).isEqualTo(CsvMapping.DecimalMark.AUTO);
        assertThat(mapping.currency()).isEqualTo("EUR");
        assertThat(mapping.account()).isEmpty();
        assertThat(mapping.htmlEntities()).isFalse();
        assertThat(mapping.columns()).containsOnlyKeys(Field.DATE, Field.AMOUNT);
        assertThat(mapping.dateFormat().parse("29/02/2024")).isNotNull();
    }

    @Test
    void refusesAnUnknownKeyNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> CsvMapping.parse("column.date=Date\ncolumn.amount=Montant\ncolumn.libelle=Libellé\n"))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("unknown key in the CSV mapping: 'column.libelle'; known keys are account, "
                        + "column.account, column.amount,")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void refusesAMappingWithoutADate() {
        assertThatThrownBy(() -> CsvMapping.parse("column.amount=Montant\n"))
                .hasMessage("the CSV mapping needs column.date");
    }

    @Test
    void refusesAMappingWithoutAnAmountOrWithTwoKindsOfAmount() {
        assertThatThrownBy(() -> CsvMapping.parse("column.date=Date\n"))
                .hasMessage("the CSV mapping needs either column.amount or column.debit and column.credit");
        assertThatThrownBy(() -> CsvMapping.parse("column.date=Date\ncolumn.amount=Montant\ncolumn.debit=Débit\n"))
                .hasMessage("the CSV mapping needs either column.amount or column.debit and column.credit");
    }

    @Test
    void refusesColumnsNamedByTheirHeaderInAFileWithoutOne() {
        assertThatThrownBy(() -> CsvMapping.parse("header=false\ncolumn.date=1\ncolumn.amount=Montant\n"))
                .hasMessage("column.amount: a file without a header names its columns by number, from 1");
    }

    @Test
    void refusesMalformedValuesNamingTheirKey() {
        String columns = "column.date=1\ncolumn.amount=2\n";

        assertThatThrownBy(() -> CsvMapping.parse(columns + "date-pattern=jj/mm/aaaa\n"))
                .hasMessage("date-pattern: expected a date pattern such as dd/MM/yyyy or yyyy-MM-dd, with a day, a month "
                        + "and a year");
        assertThatThrownBy(() -> CsvMapping.parse(columns + "date-pattern=HH:mm\n")).hasMessageStartingWith("date-pattern:");
        assertThatThrownBy(() -> CsvMapping.parse(columns + "delimiter=;;\n"))
                .hasMessage("delimiter: expected one character, or tab");
        assertThatThrownBy(() -> CsvMapping.parse(columns + "encoding=klingon\n")).hasMessageStartingWith("encoding:");
        assertThatThrownBy(() -> CsvMapping.parse(columns + "header=yes\n")).hasMessage("header: expected true or false");
        assertThatThrownBy(() -> CsvMapping.parse(columns + "skip-lines=-1\n"))
                .hasMessage("skip-lines: expected a number of lines, 0 or more");
        assertThatThrownBy(() -> CsvMapping.parse(columns + "decimal-mark=virgule\n"))
                .hasMessage("decimal-mark: expected comma, point or auto");
        assertThatThrownBy(() -> CsvMapping.parse(columns + "currency=euro\n"))
                .hasMessage("currency: expected an ISO 4217 code of three capital letters, such as EUR");
        assertThatThrownBy(() -> CsvMapping.parse(columns + "column.label=0\n")).hasMessage("columns are numbered from 1");
        assertThatThrownBy(() -> CsvMapping.parse(columns + "column.label=\n"))
                .hasMessage("column.label: expected a header text or a column number");
    }

    @Test
    void readsADatePatternWithATimeOfDayAsTheDate() {
        CsvMapping mapping = CsvMapping.builder().header(false).column(Field.DATE, "1").column(Field.AMOUNT, "2")
                .datePattern("yyyy-MM-dd HH:mm").encoding(Charset.forName("UTF-8")).build();

        assertThat(Reading.of(new MappedCsvImporter(mapping), "\uFEFF2026-03-29 02:30;1.5\n", StandardCharsets.UTF_8)
                .payloads(BankTransaction.class)).extracting(BankTransaction::bookingDate)
                .containsExactly(LocalDate.of(2026, 3, 29));
    }
}
