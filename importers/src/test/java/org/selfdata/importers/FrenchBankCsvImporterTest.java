package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportItem;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.Corpus;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixtures under {@code fr-bank/} follow the layouts described in the corpus's FORMATS.md, pitfalls included. */
class FrenchBankCsvImporterTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private final FrenchBankCsvImporter importer = new FrenchBankCsvImporter();

    static Path fixture(String name) {
        try {
            return Path.of(FrenchBankCsvImporterTest.class.getResource("fr-bank/" + name).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal sum(List<BankTransaction> transactions) {
        return transactions.stream().map(BankTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BankAccount account(String number, String balance, LocalDate date) {
        return new BankAccount(number, Optional.empty(), Optional.empty(), Optional.empty(), BankAccount.Kind.OTHER, "EUR",
                Optional.empty(), Optional.of(new BigDecimal(balance)), Optional.of(date));
    }

    @Test
    void statesNoAccountWhenThePreambleGivesNoBalance() {
        assertThat(Reading.of(importer, fixture("bpce.csv")).payloads(BankAccount.class)).isEmpty();
        assertThat(Reading.of(importer, fixture("boursobank.csv")).payloads(BankAccount.class)).isEmpty();
    }

    @Test
    void readsABoursoBankExportWithItsByteOrderMarkAndEveryAccountInIt() {
        Reading reading = Reading.of(importer, fixture("boursobank.csv"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);

        assertThat(reading.format()).isEqualTo("fr-bank-csv");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("BoursoBank", "all accounts"));
        assertThat(transactions).hasSize(4);
        assertThat(sum(transactions)).isEqualByComparingTo("2125.91");
        assertThat(transactions.getFirst()).isEqualTo(new BankTransaction("00040123456", LocalDate.of(2026, 10, 2),
                Optional.of(LocalDate.of(2026, 10, 2)), new BigDecimal("-4.60"), "EUR",
                "CARTE 30/09/26 BOULANGERIE DU PARC CB*1234", Optional.of("boulangerie du parc"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("Alimentation")));
        assertThat(transactions.get(1).amount()).isEqualByComparingTo("2150.00");
        assertThat(transactions.get(1).memo()).contains("Octobre");
        assertThat(transactions.get(2).account()).isEqualTo("00040987654");
        assertThat(transactions.get(2).bankCategory()).contains("Téléphonie");
        assertThat(transactions.getLast().label()).isEqualTo("CARTE 27/09/26 CAFÉ L’ŒUVRE");
        assertThat(transactions.getLast().valueDate()).contains(LocalDate.of(2026, 9, 29));
        assertThat(transactions.getLast().counterparty()).isEmpty();
        assertThat(reading.positions()).containsExactly("line 2", "line 3", "line 4", "line 5");
    }

    @Test
    void readsAnOlderBoursoBankExportWithoutItsTwoNewerColumns() {
        Reading reading = Reading.of(importer, fixture("boursobank-older.csv"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);

        assertThat(transactions).extracting(BankTransaction::amount).containsExactly(new BigDecimal("-12.30"),
                new BigDecimal("1800.00"));
        assertThat(transactions.getFirst().bankCategory()).contains("Santé");
        assertThat(transactions.getFirst().memo()).isEmpty();
    }

    @Test
    void readsASocieteGeneraleExportInCp1252WithItsAccountOnTheFirstLine() {
        Reading reading = Reading.of(importer, fixture("societe-generale.csv"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Société Générale", "account ••3456"));
        assertThat(transactions).hasSize(3);
        assertThat(sum(transactions)).isEqualByComparingTo("2082.10");
        assertThat(transactions).extracting(BankTransaction::account).containsOnly("00050123456");
        assertThat(transactions).extracting(BankTransaction::bookingDate).containsExactly(LocalDate.of(2026, 10, 28),
                LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 2));
        assertThat(transactions.getFirst().label()).isEqualTo("CARTE X1234 27/10 CAFÉ L’ŒUVRE");
        assertThat(transactions.getFirst().memo()).contains("CARTE X1234 27/10 CAFÉ L’ŒUVRE PARIS");
        assertThat(transactions.getLast().memo())
                .contains("PRELEVEMENT EUROPEEN 987654 DE: EDF – ÉLECTRICITÉ MOTIF: FACTURE 64€");
        assertThat(transactions.getLast().amount()).isEqualByComparingTo("-64.10");
        assertThat(reading.positions()).containsExactly("line 1", "line 4", "line 5", "line 6");
        assertThat(reading.payloads(BankAccount.class))
                .containsExactly(account("00050123456", "1234.37", LocalDate.of(2026, 10, 31)));
    }

    @Test
    void readsACreditAgricoleExportWithDebitsInTheirOwnColumnAndLabelsOverSeveralLines() {
        Reading reading = Reading.of(importer, fixture("credit-agricole.csv"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Crédit Agricole", "account ••8901"));
        assertThat(transactions).extracting(BankTransaction::amount).containsExactly(new BigDecimal("-4.60"),
                new BigDecimal("2150.00"), new BigDecimal("-64.10"));
        assertThat(transactions).extracting(BankTransaction::label).containsExactly(
                "PAIEMENT PAR CARTE BOULANGERIE DU PARC 28/10", "VIREMENT EN VOTRE FAVEUR EMPLOYEUR SA SALAIRE OCTOBRE",
                "PRELEVEMENT EDF CLIENTS PARTICULIERS");
        assertThat(transactions).extracting(BankTransaction::account).containsOnly("12345678901");
        assertThat(reading.positions()).containsExactly("line 5", "line 11", "line 14", "line 18");
        assertThat(reading.payloads(BankAccount.class))
                .containsExactly(account("12345678901", "1523.40", LocalDate.of(2026, 10, 31)));
    }

    @Test
    void readsALaBanquePostaleExportWithExplicitPlusSignsAndIgnoresTheFrancs() {
        Reading reading = Reading.of(importer, fixture("la-banque-postale.csv"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("La Banque Postale", "account ••6020"));
        assertThat(transactions).extracting(BankTransaction::amount).containsExactly(new BigDecimal("-4.60"),
                new BigDecimal("2150.00"), new BigDecimal("-64.10"));
        assertThat(transactions.get(1).label()).isEqualTo("VIREMENT DE EMPLOYEUR SA  SALAIRE");
        assertThat(transactions).extracting(BankTransaction::account).containsOnly("0123456A020");
        assertThat(reading.positions()).containsExactly("line 5", "line 9", "line 10", "line 11");
        assertThat(reading.payloads(BankAccount.class))
                .containsExactly(account("0123456A020", "1523.40", LocalDate.of(2026, 10, 31)));
    }

    @Test
    void readsABpceExportWithSignedDebitsAndCredits() {
        Reading reading = Reading.of(importer, fixture("bpce.csv"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("BPCE", "account not named in the file"));
        assertThat(transactions).extracting(BankTransaction::amount).containsExactly(new BigDecimal("-4.60"),
                new BigDecimal("2150.00"), new BigDecimal("-64.10"));
        assertThat(transactions.getFirst()).isEqualTo(new BankTransaction("unknown", LocalDate.of(2026, 10, 30),
                Optional.of(LocalDate.of(2026, 10, 30)), new BigDecimal("-4.60"), "EUR", "BOULANGERIE DU PARC",
                Optional.empty(), Optional.of("1234567"), Optional.of("CB BOULANGERIE DU PARC FACT 281026"),
                Optional.of("Carte bancaire"), Optional.of("Alimentation")));
    }

    @Test
    void readsAFortuneoExportWithShortAmountsAndCrlfLineEnds() {
        Reading reading = Reading.of(importer, fixture("fortuneo.csv"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);

        assertThat(reading.source().organization()).isEqualTo("Fortuneo");
        assertThat(transactions).extracting(BankTransaction::amount).containsExactly(new BigDecimal("-6.4"),
                new BigDecimal("45"), new BigDecimal("-1234.56"));
        assertThat(transactions.get(2).valueDate()).contains(LocalDate.of(2026, 10, 3));
        assertThat(transactions.get(1).label()).isEqualTo("VIR EMPLOYEUR SA");
    }

    @Test
    void readsABnpParibasExportWithThousandsSeparatorsAndHtmlEntities() {
        Reading reading = Reading.of(importer, fixture("bnp-paribas.csv"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("BNP Paribas", "account ••1234"));
        assertThat(transactions).extracting(BankTransaction::amount).containsExactly(new BigDecimal("-4.60"),
                new BigDecimal("123456.78"), new BigDecimal("-1064.10"));
        assertThat(sum(transactions)).isEqualByComparingTo("122388.08");
        assertThat(transactions.get(1).label()).isEqualTo("VIR SEPA RECU /DE EMPLOYEUR SA & CIE /MOTIF SALAIRE");
        assertThat(transactions.getLast().label()).isEqualTo("PRLV SEPA M&S BANK ÉCHéANCE");
        assertThat(transactions.getLast().counterparty()).contains("M&S");
        assertThat(transactions.getLast().kind()).contains("Prelevement");
        assertThat(transactions).extracting(BankTransaction::account).containsOnly("****1234");
        assertThat(reading.payloads(BankAccount.class))
                .containsExactly(account("****1234", "2523.40", LocalDate.of(2026, 10, 31)));
    }

    @Test
    void spansTheWholeBookingDayInThePersonsZone() {
        List<RecordDraft> records = Reading.of(importer, fixture("societe-generale.csv")).records();

        assertThat(records.get(0).time()).isEqualTo(TimeSpan.day(LocalDate.of(2026, 10, 31), ZoneId.of("Europe/Paris")));
        assertThat(records.get(1).time()).isEqualTo(TimeSpan.day(LocalDate.of(2026, 10, 28), ZoneId.of("Europe/Paris")));
    }

    @Test
    void readsAFileOfManyMultiLineRowsAsAStream() {
        byte[] header = "Date;Libellé;Débit euros;Crédit euros;\r\n".getBytes(CP1252);
        byte[] row = "29/10/2026;\"PAIEMENT PAR CARTE\r\n BOULANGERIE DU PARC 28/10\";4,60;;\r\n".getBytes(CP1252);
        int rows = 100_000;
        InputStream endless = new InputStream() {
            private long position;

            @Override
            public int read() {
                long total = header.length + (long) row.length * rows;
                if (position == total) {
                    return -1;
                }
                long at = position++;
                return at < header.length ? header[(int) at] : row[(int) ((at - header.length) % row.length)];
            }
        };

        try (ParsedFile parsed = importer.open(new BufferedInputStream(endless), Reading.PARIS)) {
            assertThat(parsed.records().count()).isEqualTo(rows);
        }
    }

    @Test
    void readsTheSameFileTheSameWayTwice() {
        assertThat(Reading.of(importer, fixture("credit-agricole.csv")))
                .isEqualTo(Reading.of(importer, fixture("credit-agricole.csv")));
    }

    @Test
    void rejectsARowWithABadDateOrAmountAndReadsOnInALenientImport() {
        String file = """
                Date;Libellé;Montant(EUROS)
                28/10/2026;"CARTE X1234";-4,60
                31/02/2026;"DATE IMPOSSIBLE";-1,00
                31/12/999999999;"AN IMPOSSIBLE";-1,00
                15/10/2026;"MONTANT ILLISIBLE";douze euros
                02/10/2026;"PRELEVEMENT";-64,10
                """;

        try (ParsedFile parsed = importer.open(new ByteArrayInputStream(file.getBytes(CP1252)), Reading.PARIS)) {
            List<ImportItem> items = parsed.items().toList();

            assertThat(items).hasSize(5);
            String header = "Date;Libellé;Montant(EUROS)\n";
            assertThat(items.get(1)).isEqualTo(new Rejection(org.selfdata.model.Position.line(3),
                    "expected a date written dd/MM/yyyy in column 'Date'",
                    Optional.empty(), Optional.of(header + "31/02/2026;\"DATE IMPOSSIBLE\";-1,00")));
            assertThat(items.get(2)).isEqualTo(new Rejection(org.selfdata.model.Position.line(4),
                    "expected a date written dd/MM/yyyy in column 'Date'",
                    Optional.empty(), Optional.of(header + "31/12/999999999;\"AN IMPOSSIBLE\";-1,00")));
            assertThat(items.get(3)).isEqualTo(new Rejection(org.selfdata.model.Position.line(5),
                    "expected an amount such as -1 234,56 in column 'Montant(EUROS)'",
                    Optional.empty(), Optional.of(header + "15/10/2026;\"MONTANT ILLISIBLE\";douze euros")));
            assertThat(items.getLast()).isInstanceOf(RecordDraft.class);
            assertThat(((RecordDraft) items.getLast()).position().value()).isEqualTo("line 6");
        }
    }

    @Test
    void stopsAStrictImportAtTheFirstBadRowNamingItsLine() {
        String file = "Date;Libellé;Débit euros;Crédit euros;\n28/10/2026;CARTE;;;\n";

        assertThatThrownBy(() -> Reading.of(importer, file, CP1252))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 2: expected an amount in column 'Débit euros' or column 'Crédit euros'")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void skipsBlankRowsAndRowsThatAreNoOperation() {
        String header = "Date opération;Date valeur;libellé;Débit;Crédit;\r\n";
        String file = header + "\r\n;;\r\n;;TOTAL;;;\r\n02/10/2026;03/10/2026;PRLV;-10,00;;\r\n\r\n" + header
                + "03/10/2026;03/10/2026;CB;-2,00;;\r\n";

        assertThat(Reading.of(importer, file, CP1252).positions()).containsExactly("line 5", "line 8");
    }

    @Test
    void leavesUnnamedAnAccountTooLongToBeOne() {
        String file = "=\"" + "1".repeat(65) + "\";01/10/2026;31/10/2026;1;31/10/2026;10,00 EUR\n\n"
                + "Date de l'opération;Libellé;Détail de l'écriture;Montant de l'opération;Devise\n"
                + "28/10/2026;CB;CB;-3,80;EUR\n";

        Reading reading = Reading.of(importer, file, CP1252);

        assertThat(reading.source().label()).isEqualTo("account not named in the file");
        assertThat(reading.payloads(BankTransaction.class)).extracting(BankTransaction::account).containsExactly("unknown");
        assertThat(reading.payloads(BankAccount.class)).isEmpty();
    }

    @Test
    void refusesAFileWithoutAKnownHeaderNamingTheFirstLine() {
        assertThatThrownBy(() -> Reading.of(importer, "Date;Description;Amount\n01/02/2026;x;1\n", StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 1: expected, within the first 64 rows, the header of a French bank's CSV export");
    }

    @Test
    void refusesAQuotedLabelThatNeverEndsNamingTheLineItStartsOn() {
        String file = "Date;Libellé;Débit euros;Crédit euros;\n29/10/2026;\"PAIEMENT PAR CARTE\n BOULANGERIE;4,60;;\n";

        assertThatThrownBy(() -> Reading.of(importer, file, CP1252))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 2: expected the closing quote of a cell that opens on this line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"boursobank.csv", "boursobank-older.csv", "societe-generale.csv", "credit-agricole.csv",
            "la-banque-postale.csv", "bpce.csv", "fortuneo.csv", "bnp-paribas.csv"})
    void isTheOnlyStandardImporterToRecognizeEachExportByItsContent(String name) {
        Sniff sniff = new Sniff("download.bin", Fuzzing.read(fixture(name)));

        assertThat(Importers.standard().detect(sniff)).map(Importer::format).contains("fr-bank-csv");
        assertThat(importer.detect(sniff)).isEqualTo(Detection.BY_CONTENT);
        assertThat(Importers.standard().importers()).filteredOn(other -> other != importer)
                .filteredOn(other -> !other.format().equals("fr-bank-csv"))
                .allSatisfy(other -> assertThat(other.detect(new Sniff(name, sniff.head()))).isEqualTo(Detection.NO));
    }

    @Test
    void doesNotClaimACsvFileOfAnotherKindByItsName() {
        assertThat(importer.detect(new Sniff("export.csv", "Date,Amount\n2026-01-01,3\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Detection.NO);
    }

    @Test
    void claimsNoSampleOfAnotherFormatInTheCorpus() throws IOException {
        Path root = Corpus.file("fr-bank-csv/reckon_french_example.csv").getParent().getParent();
        List<Path> samples;
        try (Stream<Path> files = Files.walk(root)) {
            samples = files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().endsWith(".md")).toList();
        }

        assertThat(samples).hasSizeGreaterThan(50).allSatisfy(file -> assertThat(importer.detect(
                new Sniff(file.getFileName().toString(), Fuzzing.read(file))))
                .as(root.relativize(file).toString()).isEqualTo(Detection.NO));
    }
}
