package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.Corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class QifImporterTest {
    private static final List<LocalDate> THREE_RECORD_DATES = List.of(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 6, 1),
            LocalDate.of(2010, 12, 29));
    private static final ImportContext NEW_YORK = new ImportContext(ZoneId.of("America/New_York"));

    private final QifImporter importer = new QifImporter();

    @ParameterizedTest
    @ValueSource(strings = {"3_records_ddmmyy.qif", "3_records_dmyy.qif", "3_records_mmddyyyy.qif", "3_records_spaced.qif"})
    void infersTheOrderOfDayAndMonthForTheWholeFile(String sample) {
        Reading reading = read(Corpus.file("qif/" + sample), Reading.PARIS);

        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).extracting(BankTransaction::bookingDate, BankTransaction::amount, BankTransaction::bankCategory)
                .containsExactly(
                        tuple(THREE_RECORD_DATES.get(0), new BigDecimal("-10.00"), Optional.of("Debit")),
                        tuple(THREE_RECORD_DATES.get(1), new BigDecimal("-20.00"), Optional.of("Debit")),
                        tuple(THREE_RECORD_DATES.get(2), new BigDecimal("30.00"), Optional.of("Credit")));
        String stem = sample.substring(0, sample.length() - ".qif".length());
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("QIF export", "account " + stem));
        assertThat(transactions.getFirst()).isEqualTo(new BankTransaction(stem, LocalDate.of(2010, 1, 1), Optional.empty(),
                new BigDecimal("-10.00"), "XXX", "Description", Optional.of("Description"), Optional.empty(),
                Optional.of("Reference"), Optional.empty(), Optional.of("Debit")));
        assertThat(reading.positions()).containsExactly("line 2", "line 8", "line 14");
        assertThat(reading.records().getFirst().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2009-12-31T23:00:00Z"), Instant.parse("2010-01-01T23:00:00Z")));
    }

    @Test
    void readsQuickensOwnExampleWithThousandsSplitsAndAnAddress() {
        Reading reading = read(Corpus.file("qif/quicken_non_investement_account.qif"), Reading.PARIS);

        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        // No date has a day over 12: the dates a day apart (June 1 to 3) win over those a month apart, even in Paris.
        assertThat(transactions).extracting(BankTransaction::bookingDate, BankTransaction::amount, BankTransaction::label)
                .containsExactly(
                        tuple(LocalDate.of(1994, 6, 1), new BigDecimal("-1000.00"), "Bank Of Mortgage"),
                        tuple(LocalDate.of(1994, 6, 2), new BigDecimal("75.00"), "Deposit"),
                        tuple(LocalDate.of(1994, 6, 3), new BigDecimal("-10.00"), "Anthony Hopkins"));
        assertThat(transactions.getFirst().reference()).contains("1005");
        assertThat(transactions.getFirst().bankCategory()).contains("[linda]");
        assertThat(transactions.getFirst().memo()).contains("Memo; split: [linda] -253.64 Cash; split: Mort Int 746.36");
        assertThat(transactions.getLast().memo()).contains("Film; address: P.O. Box 27027, Tucson, AZ, 85726");
        assertThat(transactions.getLast().bankCategory()).contains("Entertain");
        assertThat(transactions.get(1).memo()).isEmpty();
        assertThat(transactions.stream().map(BankTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal("-935.00"));
    }

    @Test
    void keepsTheSplitsOfATransactionAsOneTransaction() {
        Reading reading = read(Corpus.file("qif/splits.qif"), Reading.PARIS);

        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).hasSize(2);
        assertThat(transactions.getFirst().amount()).isEqualTo(new BigDecimal("-1000.00"));
        assertThat(transactions.getFirst().memo()).contains("Memo; split: [steve] -253.64 Cash; split: Mort Int 746.36");
        assertThat(transactions.getLast().amount()).isEqualTo(new BigDecimal("75.00"));
        assertThat(transactions.getLast().memo()).contains("split: category 1 23");
        assertThat(transactions.getLast().bankCategory()).contains("category 1");
    }

    @Test
    void rejectsTheEmptyRecordAfterAHeaderNamingItsLine() {
        Path sample = Corpus.file("qif/3_records_invalid_header.qif");

        assertThatThrownBy(() -> read(sample, Reading.PARIS))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 2: expected the fields of a transaction (D, T, P…) before ^")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void keepsTheTransactionsAfterTheEmptyRecordInALenientImport() {
        List<ImportItem> items = items(Corpus.file("qif/3_records_invalid_header.qif"));

        assertThat(items).hasSize(4);
        assertThat(items.getFirst()).isEqualTo(new Rejection(Position.line(2),
                "expected the fields of a transaction (D, T, P…) before ^"));
        assertThat(items.subList(1, 4)).extracting(item -> ((BankTransaction) ((RecordDraft) item).payload()).bookingDate())
                .containsExactlyElementsOf(THREE_RECORD_DATES);
    }

    @Test
    void rejectsEachInvestmentRecord() {
        Path sample = Corpus.file("qif/quicken_investment_account.qif");
        List<ImportItem> items = items(sample);

        assertThat(items).containsExactly(
                new Rejection(Position.line(2), "investment transactions (!Type:Invst) are not supported yet"),
                new Rejection(Position.line(11), "investment transactions (!Type:Invst) are not supported yet"));
        assertThatThrownBy(() -> read(sample, Reading.PARIS))
                .hasMessage("line 2: investment transactions (!Type:Invst) are not supported yet");
    }

    @Test
    void namesEachTransactionsAccountFromItsAccountBlockAndMasksNumbers() {
        String qif = """
                !Option:AutoSwitch
                !Account
                NCompte courant 30004 01234 56789012
                TBank
                ^
                NVisa
                TCCard
                ^
                !Clear:AutoSwitch
                !Account
                NCompte courant 30004 01234 56789012
                TBank
                ^
                !Type:Bank
                D31/01/2025
                T-12,50
                PBoulangerie
                ^
                !Account
                NVisa
                TCCard
                ^
                !Type:CCard
                D02/02/2025
                T-1.234,56
                PAir France
                ^
                """;

        Reading reading = read(qif, StandardCharsets.UTF_8);

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("QIF export", "account Compte courant ••9012"));
        assertThat(reading.payloads(BankTransaction.class))
                .extracting(BankTransaction::account, BankTransaction::bookingDate, BankTransaction::amount)
                .containsExactly(
                        tuple("Compte courant 30004 01234 56789012", LocalDate.of(2025, 1, 31), new BigDecimal("-12.50")),
                        tuple("Visa", LocalDate.of(2025, 2, 2), new BigDecimal("-1234.56")));
        assertThat(reading.positions()).containsExactly("line 15", "line 24");
    }

    @Test
    void readsQuickensApostropheYearsAndIsoDates() {
        String qif = "!Type:Cash\nD12/ 1'10\nT-1.00\n^\nD12/31/99\nT-2.00\n^\nD2011-03-04\nT-3.00\n^\n";

        Reading reading = read(qif, StandardCharsets.US_ASCII);

        assertThat(reading.payloads(BankTransaction.class)).extracting(BankTransaction::bookingDate)
                .containsExactly(LocalDate.of(2010, 12, 1), LocalDate.of(1999, 12, 31), LocalDate.of(2011, 3, 4));
    }

    @Test
    void letsThePersonsZoneDecideWhenNothingElseCan() {
        String qif = "!Type:Bank\nD03/04/2025\nT-5.00\nPCafe\n^\n";

        LocalDate inParis = read(qif, Reading.PARIS).payloads(BankTransaction.class).getFirst().bookingDate();
        LocalDate inNewYork = read(qif, NEW_YORK).payloads(BankTransaction.class).getFirst().bookingDate();

        assertThat(inParis).isEqualTo(LocalDate.of(2025, 4, 3));
        assertThat(inNewYork).isEqualTo(LocalDate.of(2025, 3, 4));
    }

    @Test
    void decidesTheOrderFromADateFoundAfterManyAmbiguousOnes() {
        StringBuilder qif = new StringBuilder("!Type:Bank\n");
        for (int day = 1; day <= 12; day++) {
            qif.append("D").append(day).append("/1/2025\nT-1.00\n^\n");
        }
        qif.append("D13/1/2025\nT-1.00\n^\n");

        List<BankTransaction> transactions = read(qif.toString(), NEW_YORK).payloads(BankTransaction.class);

        assertThat(transactions).hasSize(13);
        assertThat(transactions.getFirst().bookingDate()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(transactions.get(1).bookingDate()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(transactions.getLast().bookingDate()).isEqualTo(LocalDate.of(2025, 1, 13));
    }

    @Test
    void decodesCp1252WithoutADeclaration() {
        String qif = "!Type:Bank\nD05/01/2025\nT-3,20\nPCafé Œuvre\nMCB 04/01 €\n^\n";

        BankTransaction transaction = read(qif, Charset.forName("windows-1252")).payloads(BankTransaction.class).getFirst();

        assertThat(transaction.label()).isEqualTo("Café Œuvre");
        assertThat(transaction.memo()).contains("CB 04/01 €");
    }

    @Test
    void rejectsOneTransactionWithABadDateOrAmountAndReadsOn() {
        String qif = "!Type:Bank\nD31/01/2025\nT-1.00\n^\nD45/01/2025\nT-2.00\n^\nD01/02/2025\nTabc\n^\nD02/02/2025\nT4\n^\n"
                + "D03/02/2025\nT5\n";
        List<ImportItem> items;
        try (ParsedFile file = importer.open(new ByteArrayInputStream(qif.getBytes(StandardCharsets.US_ASCII)), Reading.PARIS)) {
            items = file.items().toList();
        }

        assertThat(items).hasSize(5);
        assertThat(items.get(1)).isEqualTo(new Rejection(Position.line(5),
                "expected a date such as 12/31/2024, 31/12/24 or 1/ 1'10"));
        assertThat(items.get(2)).isEqualTo(new Rejection(Position.line(9), "expected an amount such as -1,234.56 or 12,50"));
        assertThat(((BankTransaction) ((RecordDraft) items.get(3)).payload()).amount()).isEqualTo(new BigDecimal("4"));
        assertThat(items.get(4)).isEqualTo(new Rejection(Position.line(14), "the file ends inside this record; expected ^"));
    }

    @Test
    void refusesAFileWithoutAHeader() {
        assertThatThrownBy(() -> read("D01/02/2025\nT-1.00\n^\n", StandardCharsets.US_ASCII))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 1: expected a QIF header such as !Type:Bank or !Account");
    }

    @Test
    void readsPastTheListsQuickenExportsBesideTransactions() {
        String qif = "!Type:Cat\nNFood\nE\n^\n!Type:Bank\nD01/31/2025\nT-1.00\n^\n";

        assertThat(read(qif, StandardCharsets.US_ASCII).payloads(BankTransaction.class)).hasSize(1);
    }

    @Test
    void holdsOnlyABoundedQueueWhileNoDateSettlesTheOrder() {
        long count;
        try (ParsedFile file = importer.open(new RepeatedRecords(200_000), Reading.PARIS)) {
            count = file.records().count();
        }

        assertThat(count).isEqualTo(200_000);
    }

    @Test
    void isChosenForQifFilesByTheirContentAndClaimsNoOtherSample() {
        for (String sample : List.of("3_records_ddmmyy.qif", "3_records_invalid_header.qif", "quicken_investment_account.qif",
                "splits.qif")) {
            Sniff sniff = new Sniff("data.bin", Fuzzing.read(Corpus.file("qif/" + sample)));
            assertThat(Importers.standard().detect(sniff)).as(sample).map(Importer::format).contains("qif");
        }
        for (String other : List.of("ofx/checking.ofx", "ofx/anzcc.ofx", "camt/genkgo__camt053.v2.minimal.xml",
                "vcard/rfc6350-example.vcf", "icalendar/example.ics", "google-location/takeout_Records.json")) {
            assertThat(importer.detect(new Sniff("data.bin", Fuzzing.read(Corpus.file(other))))).as(other)
                    .isEqualTo(Detection.NO);
        }
        assertThat(importer.detect(new Sniff("Downloads/releve.QIF", new byte[0]))).isEqualTo(Detection.BY_NAME);
    }

    private Reading read(Path file, ImportContext context) {
        try (InputStream in = Files.newInputStream(file);
                ParsedFile parsed = importer.open(in, context.withFileName("export/" + file.getFileName()))) {
            return new Reading(parsed.format(), parsed.source(), parsed.records().toList());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reading read(String qif, ImportContext context) {
        try (ParsedFile parsed = importer.open(new ByteArrayInputStream(qif.getBytes(StandardCharsets.UTF_8)), context)) {
            return new Reading(parsed.format(), parsed.source(), parsed.records().toList());
        }
    }

    private Reading read(String qif, Charset charset) {
        return Reading.of(importer, qif, charset);
    }

    private List<ImportItem> items(Path file) {
        try (InputStream in = Files.newInputStream(file); ParsedFile parsed = importer.open(in, Reading.PARIS)) {
            return parsed.items().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bank section of identical records whose dates never settle the order, made up as it is read. */
    private static final class RepeatedRecords extends InputStream {
        private static final byte[] HEADER = "!Type:Bank\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] RECORD = "D1/2/2025\nT-1.20\nPCAFE\n^\n".getBytes(StandardCharsets.US_ASCII);

        private final long end;
        private long offset;

        private RepeatedRecords(int records) {
            this.end = HEADER.length + (long) RECORD.length * records;
        }

        @Override
        public int read() {
            if (offset >= end) {
                return -1;
            }
            long at = offset++;
            return at < HEADER.length ? HEADER[(int) at] : RECORD[(int) ((at - HEADER.length) % RECORD.length)];
        }
    }
}
