package org.selfdata.importers;

import org.selfdata.testing.Corpus;
import org.selfdata.testing.OfxStatements;
import org.junit.jupiter.api.Test;
import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportItem;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class OfxImporterTest {
    private static final String STATEMENT = "OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS";
    private static final String FIRST_CHECKING_LINE = STATEMENT + "/BANKTRANLIST/STMTTRN[1]";
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private final OfxImporter importer = new OfxImporter();

    @Test
    void readsAnSgmlCheckingStatementWithItsBalance() {
        Reading reading = Reading.of(importer, Corpus.file("ofx/checking.ofx"));

        assertThat(reading.format()).isEqualTo("ofx");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("FAKE", "account ••6877"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).hasSize(3);
        assertThat(transactions.getFirst()).isEqualTo(new BankTransaction("1452687~7", LocalDate.of(2011, 3, 31),
                Optional.empty(),
                new BigDecimal("0.01"), "USD", "DIVIDEND EARNED FOR PERIOD OF 03", Optional.empty(), Optional.of("0000486"),
                Optional.of("DIVIDEND EARNED FOR PERIOD OF 03/01/2011 THROUGH 03/31/2011 "
                        + "ANNUAL PERCENTAGE YIELD EARNED IS 0.05%"),
                Optional.of("CREDIT"), Optional.empty()));
        assertThat(transactions.getLast().label()).isEqualTo("RETURNED CHECK FEE, CHECK # 319");
        assertThat(transactions.getLast().amount()).isEqualTo(new BigDecimal("-25.00"));
        assertThat(transactions.stream().map(BankTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal("-59.50"));
        assertThat(reading.payloads(BankAccount.class)).containsExactly(new BankAccount("1452687~7", Optional.empty(),
                Optional.of("5472369148"), Optional.empty(), BankAccount.Kind.CHECKING, "USD", Optional.empty(),
                Optional.of(new BigDecimal("100.99")), Optional.of(LocalDate.of(2013, 5, 25))));
        assertThat(reading.positions()).containsExactly(FIRST_CHECKING_LINE,
                "OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS/BANKTRANLIST/STMTTRN[2]",
                "OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS/BANKTRANLIST/STMTTRN[3]",
                "OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS");
    }

    @Test
    void datesATransactionByItsWholeBookingDayInThePersonsZone() {
        Reading reading = Reading.of(importer, Corpus.file("ofx/bank_medium.ofx"));

        assertThat(reading.records().getFirst().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2009-03-31T22:00:00Z"), Instant.parse("2009-04-01T22:00:00Z")));
    }

    @Test
    void readsAOneLineSgmlBodyWithoutEndTagsAndNamesTheBankByItsIdentifier() {
        Reading reading = Reading.of(importer, Corpus.file("ofx/bank_medium.ofx"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Bank 160000100", "account ••5678"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).extracting(BankTransaction::label)
                .containsExactly("MCDONALD'S #112", "Joe's Bald Hairstyles", "CONNIE'S HAIR D");
        assertThat(transactions).extracting(BankTransaction::amount)
                .containsExactly(new BigDecimal("-6.60"), new BigDecimal("-316.67"), new BigDecimal("-22.00"));
        assertThat(transactions.getFirst().bookingDate()).isEqualTo(LocalDate.of(2009, 4, 1));
        assertThat(transactions.getFirst().memo()).contains("POS MERCHANDISE;MCDONALD'S #112");
        assertThat(transactions.getFirst().reference()).contains("0000123456782009040100001");
        assertThat(transactions.getLast().kind()).contains("POS");
        assertThat(reading.payloads(BankAccount.class).getFirst().balance()).contains(new BigDecimal("382.34"));
        assertThat(reading.payloads(BankAccount.class).getFirst().branchId()).contains("00");
    }

    @Test
    void readsAnXmlStatementWithCharacterData() {
        Reading reading = Reading.of(importer, Corpus.file("ofx/suncorp.ofx"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("SUNCORP", "account ••6789"));
        assertThat(reading.payloads(BankTransaction.class)).containsExactly(new BankTransaction("123456789",
                LocalDate.of(2013, 12, 15), Optional.empty(), new BigDecimal("-16.85"), "AUD", "EFTPOS WDL HANDYWAY ALDI STORE",
                Optional.empty(), Optional.of("1"), Optional.of("EFTPOS WDL HANDYWAY ALDI STORE   GEELONG WEST VICAU"),
                Optional.of("DEBIT"), Optional.empty()));
        assertThat(reading.payloads(BankAccount.class).getFirst().balance()).contains(new BigDecimal("1234.12"));
    }

    @Test
    void readsACreditCardStatementLabelledByItsMemo() {
        Reading reading = Reading.of(importer, Corpus.file("ofx/anzcc.ofx"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("OFX bank", "account ••1234"));
        assertThat(reading.payloads(BankTransaction.class)).containsExactly(new BankTransaction("1234123412341234",
                LocalDate.of(2017, 5, 8), Optional.of(LocalDate.of(2017, 5, 8)), new BigDecimal("-5.50"), "AUD", "SOME MEMO",
                Optional.empty(), Optional.of("201705080001"), Optional.of("SOME MEMO"), Optional.of("DEBIT"), Optional.empty()));
        assertThat(reading.payloads(BankAccount.class)).containsExactly(new BankAccount("1234123412341234", Optional.empty(),
                Optional.empty(), Optional.empty(), BankAccount.Kind.CREDIT_CARD, "AUD", Optional.empty(),
                Optional.of(new BigDecimal("-123.45")), Optional.of(LocalDate.of(2017, 5, 10))));
        assertThat(reading.positions().getFirst())
                .isEqualTo("OFX/CREDITCARDMSGSRSV1/CCSTMTTRNRS[1]/CCSTMTRS/BANKTRANLIST/STMTTRN[1]");
    }

    @Test
    void keepsNonStandardTransactionTypesAndLeavesOutABalanceWrittenInALocalFormat() {
        Reading reading = Reading.of(importer, Corpus.file("ofx/pag-seguro.ofx"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("PagSeguro Internet S/A", "account ••6781"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).extracting(transaction -> transaction.kind().orElseThrow()).containsExactly("OUT", "IN", "IN");
        assertThat(transactions.getFirst().amount()).isEqualTo(new BigDecimal("-1901.00"));
        assertThat(transactions.getFirst().label()).isEqualTo("Pix enviado - Chuck Norris 48966146074");
        assertThat(transactions.getFirst().currency()).isEqualTo("BRL");
        assertThat(transactions.getLast().reference()).contains("91db68ee-0ae7-4da9-8059-13b7d96912b0");
        assertThat(transactions.stream().map(BankTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal("119.00"));
        BankAccount account = reading.payloads(BankAccount.class).getFirst();
        assertThat(account.balance()).isEmpty();
        assertThat(account.balanceDate()).isEmpty();
        assertThat(reading.records().getLast().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2025-06-29T22:00:00Z"));
    }

    @Test
    void rejectsAMalformedTransactionNamingItsElementWithoutQuotingIt() {
        Path sample = Corpus.file("ofx/fail_nice__decimal_error.ofx");

        assertThatThrownBy(() -> Reading.of(importer, sample))
                .isInstanceOf(SelfdataException.class)
                .hasMessage(FIRST_CHECKING_LINE.replace("STMTTRN[1]", "STMTTRN[1]/DTPOSTED")
                        + ": expected a date as YYYYMMDD, optionally followed by a time")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void rejectsAnAmountThatIsNotANumber() {
        String ofx = statement("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>$120<NAME>LOYER</STMTTRN>");

        assertThatThrownBy(() -> Reading.of(importer, ofx, StandardCharsets.US_ASCII))
                .isInstanceOf(SelfdataException.class)
                .hasMessage(FIRST_CHECKING_LINE + "/TRNAMT: expected an amount such as -12.34 or 12,34");
    }

    @Test
    void acceptsADecimalCommaAndAnExplicitPlus() {
        String ofx = statement("<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250105<TRNAMT>+1234,56<NAME>VIR SALAIRE</STMTTRN>"
                + "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250106<TRNAMT>-3,2<NAME>CB CAFE</STMTTRN>");

        Reading reading = Reading.of(importer, ofx, StandardCharsets.US_ASCII);

        assertThat(reading.payloads(BankTransaction.class)).extracting(BankTransaction::amount)
                .containsExactly(new BigDecimal("1234.56"), new BigDecimal("-3.2"));
    }

    @Test
    void decodesCp1252AndUtf8WhateverTheHeaderDeclares() {
        String body = "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>-4.50<NAME>CB CAFÉ DES ŒUVRES €</STMTTRN>";

        Reading fromCp1252 = Reading.of(importer, statement(body), CP1252);
        Reading fromUtf8 = Reading.of(importer, statement(body), StandardCharsets.UTF_8);

        assertThat(fromCp1252.payloads(BankTransaction.class).getFirst().label()).isEqualTo("CB CAFÉ DES ŒUVRES €");
        assertThat(fromUtf8.payloads(BankTransaction.class).getFirst().label()).isEqualTo("CB CAFÉ DES ŒUVRES €");
        assertThat(fromCp1252.source().organization()).isEqualTo("Banque Rhône");
    }

    @Test
    void keepsTwoIdenticalSameDayTransactions() {
        String coffee = "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>-1.20<NAME>CB CAFE</STMTTRN>";

        Reading reading = Reading.of(importer, statement(coffee + coffee), StandardCharsets.US_ASCII);

        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).hasSize(2).containsOnly(transactions.getFirst());
    }

    @Test
    void rejectsAFileThatEndsInsideAStatement() {
        String truncated = statement("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>-1.20<NAME>CB CAFE</STMTTRN>");
        String cut = truncated.substring(0, truncated.indexOf("</BANKTRANLIST>"));

        assertThatThrownBy(() -> Reading.of(importer, cut, StandardCharsets.US_ASCII))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS/BANKTRANLIST: "
                        + "the file ends here; expected the end tags of the open elements");
    }

    @Test
    void aFileThatEndsInsideAStatementIsRefusedInTheReadersLanguageWithItsPositionAsItIs() {
        String truncated = statement("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>-1.20<NAME>CB CAFE</STMTTRN>");
        String cut = truncated.substring(0, truncated.indexOf("</BANKTRANLIST>"));

        assertThatThrownBy(() -> Reading.of(importer, cut, StandardCharsets.US_ASCII))
                .isInstanceOfSatisfying(SelfdataException.class, failure -> assertThat(failure.message(Language.FRENCH))
                        .isEqualTo("OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS/BANKTRANLIST : le fichier s’arrête ici ; on attendait "
                                + "les balises fermantes des éléments ouverts"));
    }

    @Test
    void refusesAnOfxFileWithoutABankStatement() {
        Path sample = Corpus.file("ofx/ofx4j-closing-tags.ofx");

        assertThatThrownBy(() -> Reading.of(importer, sample))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("OFX: the file holds no bank statement (STMTRS) nor credit-card statement (CCSTMTRS); "
                        + "selfdata does not read other OFX messages yet")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    }

    @Test
    void readsEveryStatementOfAFileWithSeveralAccounts() {
        Reading reading = Reading.of(importer, Corpus.file("ofx/multiple_accounts2.ofx"));

        assertThat(reading.payloads(BankAccount.class)).extracting(BankAccount::accountNumber, BankAccount::kind,
                BankAccount::balance)
                .containsExactly(
                        tuple("9100", BankAccount.Kind.CHECKING, Optional.of(new BigDecimal("111"))),
                        tuple("9200", BankAccount.Kind.SAVINGS, Optional.of(new BigDecimal("222"))));
        assertThat(reading.positions()).containsExactly("OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS",
                "OFX/BANKMSGSRSV1/STMTTRNRS[2]/STMTRS");
    }

    @Test
    void readsOnPastAMalformedTransactionInALenientImport() throws IOException {
        List<ImportItem> items;
        try (InputStream in = Files.newInputStream(Corpus.file("ofx/fail_nice__decimal_error.ofx"));
                ParsedFile file = importer.open(in, Reading.PARIS)) {
            items = file.items().toList();
        }

        assertThat(items).hasSize(2);
        assertThat(items.getFirst()).isEqualTo(new Rejection(
                org.selfdata.model.Position.elementPath(FIRST_CHECKING_LINE + "/DTPOSTED"),
                "expected a date as YYYYMMDD, optionally followed by a time"));
        assertThat(((RecordDraft) items.getLast()).payload()).isEqualTo(new BankAccount("192639749", Optional.empty(),
                Optional.of("123845030"), Optional.empty(), BankAccount.Kind.CHECKING, "CAD", Optional.empty(),
                Optional.of(new BigDecimal("0")), Optional.of(LocalDate.of(2011, 6, 14))));
    }

    @Test
    void rejectsOnlyTheTransactionWhoseAmountIsNotANumber() {
        String ofx = statement("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>12 EUR<NAME>A</STMTTRN>"
                + "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250106<TRNAMT>-3.20<NAME>B</STMTTRN>");
        List<ImportItem> items;
        try (ParsedFile file = importer.open(new ByteArrayInputStream(ofx.getBytes(StandardCharsets.US_ASCII)), Reading.PARIS)) {
            items = file.items().toList();
        }

        assertThat(items).hasSize(3);
        assertThat(((Rejection) items.getFirst()).message())
                .isEqualTo(FIRST_CHECKING_LINE + "/TRNAMT: expected an amount such as -12.34 or 12,34");
        assertThat(((BankTransaction) ((RecordDraft) items.get(1)).payload()).amount()).isEqualTo(new BigDecimal("-3.20"));
    }

    @Test
    void readsTheCashTransactionsOfAnInvestmentStatement() {
        Reading reading = Reading.of(importer, Corpus.file("ofx/fidelity.ofx"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("fidelity.com", "account ••7890"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).extracting(BankTransaction::bookingDate, BankTransaction::amount, BankTransaction::label)
                .containsExactly(
                        tuple(LocalDate.of(2012, 7, 31), new BigDecimal("0.2400"), "INTEREST EARNED"),
                        tuple(LocalDate.of(2012, 8, 20), new BigDecimal("-0.9700"), "LATE SETTLEMENT FEE"),
                        tuple(LocalDate.of(2012, 8, 31), new BigDecimal("0.1600"), "INTEREST EARNED"));
        assertThat(transactions.getFirst()).isEqualTo(new BankTransaction("01234567890", LocalDate.of(2012, 7, 31),
                Optional.empty(), new BigDecimal("0.2400"), "USD", "INTEREST EARNED", Optional.empty(),
                Optional.of("0123456789021301320120731"), Optional.of("INTEREST EARNED"), Optional.of("DEP"), Optional.empty()));
        assertThat(reading.payloads(BankAccount.class)).containsExactly(new BankAccount("01234567890", Optional.empty(),
                Optional.empty(), Optional.empty(), BankAccount.Kind.INVESTMENT, "USD", Optional.empty(),
                Optional.of(new BigDecimal("18073.98")), Optional.of(LocalDate.of(2012, 9, 8))));
        assertThat(reading.positions()).containsExactly(
                "OFX/INVSTMTMSGSRSV1/INVSTMTTRNRS[1]/INVSTMTRS/INVTRANLIST/INVBANKTRAN[1]/STMTTRN[1]",
                "OFX/INVSTMTMSGSRSV1/INVSTMTTRNRS[1]/INVSTMTRS/INVTRANLIST/INVBANKTRAN[2]/STMTTRN[1]",
                "OFX/INVSTMTMSGSRSV1/INVSTMTTRNRS[1]/INVSTMTRS/INVTRANLIST/INVBANKTRAN[3]/STMTTRN[1]",
                "OFX/INVSTMTMSGSRSV1/INVSTMTTRNRS[1]/INVSTMTRS");
    }

    @Test
    void refusesAnInvestmentStatementWithoutCashTransactions() {
        Path sample = Corpus.file("ofx/tiaacref.ofx");

        assertThatThrownBy(() -> Reading.of(importer, sample))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("OFX/INVSTMTMSGSRSV1/INVSTMTTRNRS[1]/INVSTMTRS: investment statements are not supported yet, "
                        + "and this one holds no cash transaction (INVBANKTRAN) to read as a bank transaction")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    }

    @Test
    void rejectsAnInvestmentStatementWithoutCashBesideABankStatement() {
        String ofx = statement("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>-1.20<NAME>CB CAFE</STMTTRN>")
                .replace("</OFX>", "<INVSTMTMSGSRSV1><INVSTMTTRNRS><TRNUID>2<INVSTMTRS><DTASOF>20250110<CURDEF>EUR"
                        + "<INVACCTFROM><BROKERID>courtier.example<ACCTID>99887766</INVACCTFROM><INVTRANLIST><DTSTART>20250101"
                        + "<DTEND>20250110</INVTRANLIST></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>");
        List<ImportItem> items;
        try (ParsedFile file = importer.open(new ByteArrayInputStream(ofx.getBytes(StandardCharsets.UTF_8)), Reading.PARIS)) {
            items = file.items().toList();
        }

        assertThat(items).hasSize(3);
        assertThat(items.getLast()).isEqualTo(new Rejection(
                org.selfdata.model.Position.elementPath("OFX/INVSTMTMSGSRSV1/INVSTMTTRNRS[1]/INVSTMTRS"),
                "investment statements are not supported yet, and this one holds no cash transaction (INVBANKTRAN) "
                        + "to read as a bank transaction"));
    }

    @Test
    void takesTheCurrencyFromTheTransactionWhenTheStatementLeavesItsOwnEmpty() {
        Reading reading = Reading.of(importer, Corpus.file("ofx/ofx-v102-empty-tags.ofx"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Bank NPBS", "account ••5678"));
        assertThat(reading.payloads(BankTransaction.class)).containsExactly(new BankTransaction("12345678",
                LocalDate.of(2018, 5, 7), Optional.empty(), new BigDecimal("12.34"), "AUD", "CBA:Transfer", Optional.empty(),
                Optional.empty(), Optional.of("CBA:Transfer"), Optional.of("Credit"), Optional.of("Uncategorised")));
        assertThat(reading.payloads(BankAccount.class)).containsExactly(new BankAccount("12345678", Optional.empty(),
                Optional.of("NPBS"), Optional.empty(), BankAccount.Kind.OTHER, "AUD", Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(reading.records().getLast().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2018-08-03T22:00:00Z"));
    }

    @Test
    void keepsTheDaysAnXmlResponseWritesWithAPacificOffset() {
        Reading reading = Reading.of(importer, Corpus.file("ofx/ofx4j-example-response.ofx2"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("MYBANK", "account ••8121"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).extracting(BankTransaction::bookingDate, BankTransaction::amount, BankTransaction::label)
                .containsExactly(
                        tuple(LocalDate.of(2007, 3, 15), new BigDecimal("200.00"), "DEPOSIT"),
                        tuple(LocalDate.of(2007, 3, 29), new BigDecimal("150.00"), "TRANSFER"),
                        tuple(LocalDate.of(2007, 7, 9), new BigDecimal("-100.00"), "John Hancock"));
        assertThat(transactions.get(1).memo()).contains("Transfer from checking");
        assertThat(transactions.getLast().kind()).contains("PAYMENT");
        assertThat(transactions.getLast().valueDate()).contains(LocalDate.of(2007, 7, 9));
        assertThat(reading.payloads(BankAccount.class)).containsExactly(new BankAccount("098-121", Optional.empty(),
                Optional.of("987654321"), Optional.empty(), BankAccount.Kind.SAVINGS, "USD", Optional.empty(),
                Optional.of(new BigDecimal("5250.00")), Optional.of(LocalDate.of(2007, 10, 15))));
    }

    @Test
    void keepsALateEveningTransactionOnTheDayItsBankWrote() {
        String ofx = statement("<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105233000.000[-8:PST]<TRNAMT>-1.20<NAME>CAFE</STMTTRN>");

        Reading reading = Reading.of(importer, ofx, StandardCharsets.US_ASCII);

        assertThat(reading.payloads(BankTransaction.class).getFirst().bookingDate()).isEqualTo(LocalDate.of(2025, 1, 5));
        assertThat(reading.records().getFirst().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2025-01-04T23:00:00Z"), Instant.parse("2025-01-05T23:00:00Z")));
    }

    @Test
    void readsLeavesWhetherTheirEndTagsAreWrittenOrNot() {
        String ofx = statement("<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20250105<TRNAMT>-1.20</TRNAMT>\n"
                + "<FITID></FITID><NAME>CAFE<MEMO>CB CAFE 04/01</STMTTRN>"
                + "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250106</DTPOSTED><TRNAMT>2,50<NAME>REMBOURSEMENT</NAME></STMTTRN>");

        Reading reading = Reading.of(importer, ofx, StandardCharsets.US_ASCII);

        assertThat(reading.payloads(BankTransaction.class))
                .extracting(BankTransaction::bookingDate, BankTransaction::amount, BankTransaction::label, BankTransaction::memo)
                .containsExactly(
                        tuple(LocalDate.of(2025, 1, 5), new BigDecimal("-1.20"), "CAFE", Optional.of("CB CAFE 04/01")),
                        tuple(LocalDate.of(2025, 1, 6), new BigDecimal("2.50"), "REMBOURSEMENT", Optional.empty()));
    }

    @Test
    void isTheImporterChosenForEveryOfxSampleEvenRenamed() {
        for (String sample : List.of("checking.ofx", "bank_medium.ofx", "ofx-v102-empty-tags.ofx", "tiaacref.ofx",
                "fidelity.ofx", "anzcc.ofx", "suncorp.ofx", "multiple_accounts2.ofx", "fail_nice__decimal_error.ofx",
                "ofx4j-example-response.ofx2", "pag-seguro.ofx", "ofx4j-closing-tags.ofx")) {
            Sniff sniff = new Sniff("data.bin", Fuzzing.read(Corpus.file("ofx/" + sample)));
            assertThat(importer.detect(sniff)).as(sample).isEqualTo(Detection.BY_CONTENT);
            assertThat(Importers.standard().detect(sniff)).as(sample).map(Importer::format).contains("ofx");
        }
    }

    @Test
    void importsAnSgmlStatementWithAnEmptyAccountIdAndNoTransactionsAsAnAccountNamedByItsBankAndBranch() {
        String ofx = statement("<BANKID>30004<BRANCHID>00123<ACCTID><ACCTTYPE>CHECKING", "");

        Noted reading = Noted.of(importer, ofx);

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Banque Rhône", "account with no number at bank 30004, "
                + "branch 00123"));
        assertThat(reading.records()).extracting(RecordDraft::payload).containsExactly(new BankAccount("30004 00123",
                Optional.empty(), Optional.of("30004"), Optional.of("00123"), BankAccount.Kind.CHECKING, "EUR",
                Optional.empty(), Optional.of(new BigDecimal("100.00")), Optional.of(LocalDate.of(2025, 1, 10))));
        assertThat(reading.records()).extracting(record -> record.position().value()).containsExactly(STATEMENT);
        assertThat(reading.notes()).extracting(FileNote::message).containsExactly(STATEMENT + ": the statement holds no "
                + "transactions, and its ACCTID is empty: its account is named by its bank and branch ids");
    }

    @Test
    void importsAnXmlStatementWithAnEmptyAccountIdAndNoTransactionsWhicheverWayTheEmptyElementIsWritten() {
        for (String emptyAccount : List.of("<ACCTID></ACCTID>", "<ACCTID/>", "<ACCTID> </ACCTID>")) {
            String ofx = xmlStatement("<BANKID>30004</BANKID><BRANCHID>00123</BRANCHID>" + emptyAccount
                    + "<ACCTTYPE>SAVINGS</ACCTTYPE>");

            Noted reading = Noted.of(importer, ofx);

            assertThat(reading.source()).as(emptyAccount).isEqualTo(SourceDescriptor.file("Banque Rhône",
                    "account with no number at bank 30004, branch 00123"));
            assertThat(reading.records()).as(emptyAccount).extracting(RecordDraft::payload).containsExactly(new BankAccount(
                    "30004 00123", Optional.empty(), Optional.of("30004"), Optional.of("00123"), BankAccount.Kind.SAVINGS,
                    "EUR", Optional.empty(), Optional.of(new BigDecimal("0.00")), Optional.of(LocalDate.of(2025, 1, 31))));
            assertThat(reading.notes()).as(emptyAccount).extracting(FileNote::message).containsExactly(STATEMENT
                    + ": the statement holds no transactions, and its ACCTID is empty: its account is named by its bank "
                    + "and branch ids");
        }
    }

    @Test
    void namesAnAccountWithoutBranchByItsBankAlone() {
        String ofx = statement("<BANKID>30004<ACCTID></ACCTID><ACCTTYPE>CHECKING", "");

        Noted reading = Noted.of(importer, ofx);

        assertThat(reading.source().label()).isEqualTo("account with no number at bank 30004");
        assertThat(reading.payloads()).extracting(payload -> ((BankAccount) payload).accountNumber()).containsExactly("30004");
        assertThat(reading.notes()).extracting(FileNote::text).containsExactly("the statement holds no transactions, and "
                + "its ACCTID is empty: its account is named by its bank id");
    }

    @Test
    void refusesAStatementWithAnEmptyAccountIdWhoseBankAndBranchIdsDoNotFitAnAccountNumber() {
        String ofx = statement("<BANKID>" + "3".repeat(60) + "<BRANCHID>00123<ACCTID><ACCTTYPE>CHECKING", "");

        assertThatThrownBy(() -> Reading.of(importer, ofx, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage(STATEMENT + ": expected an ACCTID naming the statement's account")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void saysThatAStatementWithItsAccountIdHoldsNoTransactions() {
        Noted reading = Noted.of(importer, statement(""));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Banque Rhône", "account ••8901"));
        assertThat(reading.payloads()).extracting(payload -> ((BankAccount) payload).accountNumber())
                .containsExactly("12345678901");
        assertThat(reading.notes()).extracting(FileNote::message)
                .containsExactly(STATEMENT + ": the statement holds no transactions");
    }

    @Test
    void saysNothingOfAStatementThatHoldsTransactions() {
        Noted reading = Noted.of(importer, statement(
                "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>-1.20<NAME>CB CAFE</STMTTRN>"));

        assertThat(reading.records()).hasSize(2);
        assertThat(reading.notes()).isEmpty();
    }

    @Test
    void stillRefusesAStatementWithTransactionsButAnEmptyAccountId() {
        String ofx = statement("<BANKID>30004<BRANCHID>00123<ACCTID><ACCTTYPE>CHECKING",
                "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>-1.20<NAME>CB CAFE</STMTTRN>");

        assertThatThrownBy(() -> Reading.of(importer, ofx, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage(STATEMENT + ": expected an ACCTID naming the statement's account")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void stillRefusesACreditCardStatementWithAnEmptyAccountIdSinceNothingElseNamesItsAccount() {
        String ofx = statement("").replace("<BANKMSGSRSV1><STMTTRNRS>", "<CREDITCARDMSGSRSV1><CCSTMTTRNRS>")
                .replace("</STMTTRNRS></BANKMSGSRSV1>", "</CCSTMTTRNRS></CREDITCARDMSGSRSV1>")
                .replace("<STMTRS>", "<CCSTMTRS>").replace("</STMTRS>", "</CCSTMTRS>")
                .replace("<BANKACCTFROM><BANKID>10907<BRANCHID>00001<ACCTID>12345678901<ACCTTYPE>CHECKING</BANKACCTFROM>",
                        "<CCACCTFROM><ACCTID></CCACCTFROM>");

        assertThatThrownBy(() -> Reading.of(importer, ofx, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("OFX/CREDITCARDMSGSRSV1/CCSTMTTRNRS[1]/CCSTMTRS: expected an ACCTID naming the statement's account");
    }

    @Test
    void streamsAStatementOfTwoHundredThousandLinesInFlatMemory() {
        long count;
        try (ParsedFile file = importer.open(new LongStatement(200_000), Reading.PARIS)) {
            count = file.records().count();
        }

        assertThat(count).isEqualTo(200_001);
    }

    static String statement(String transactions) {
        return OfxStatements.checking(transactions);
    }

    static String statement(String account, String transactions) {
        return OfxStatements.statement(account, transactions);
    }

    /** An OFX 2.x statement without transactions, its account's elements as XML writes them. */
    static String xmlStatement(String account) {
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
                <OFX>
                  <SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
                    <DTSERVER>20250131120000</DTSERVER><LANGUAGE>FRA</LANGUAGE>
                    <FI><ORG>Banque Rhône</ORG><FID>1</FID></FI></SONRS></SIGNONMSGSRSV1>
                  <BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
                    <STMTRS><CURDEF>EUR</CURDEF>
                      <BANKACCTFROM>%s</BANKACCTFROM>
                      <BANKTRANLIST><DTSTART>20250101</DTSTART><DTEND>20250131</DTEND></BANKTRANLIST>
                      <LEDGERBAL><BALAMT>0.00</BALAMT><DTASOF>20250131</DTASOF></LEDGERBAL>
                    </STMTRS></STMTTRNRS></BANKMSGSRSV1>
                </OFX>
                """.formatted(account);
    }

    /** A whole (small) file read with what its reading noted beside its records. */
    private record Noted(SourceDescriptor source, List<RecordDraft> records, List<FileNote> notes) {
        static Noted of(Importer importer, String text) {
            try (ParsedFile file = importer.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    Reading.PARIS)) {
                List<RecordDraft> records = file.records().toList();
                return new Noted(file.source(), records, file.notes());
            }
        }

        List<Object> payloads() {
            return records.stream().map(record -> (Object) record.payload()).toList();
        }
    }

    /** A statement made up as it is read, so that no test holds a large file in memory. */
    private static final class LongStatement extends InputStream {
        private static final byte[] LINE = "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>-1.20<NAME>CB CAFE</STMTTRN>\n"
                .getBytes(StandardCharsets.US_ASCII);

        private final byte[] head;
        private final byte[] tail;
        private final int lines;
        private long offset;

        private LongStatement(int lines) {
            String whole = statement("#");
            this.head = whole.substring(0, whole.indexOf('#')).getBytes(StandardCharsets.US_ASCII);
            this.tail = whole.substring(whole.indexOf('#') + 1).getBytes(StandardCharsets.US_ASCII);
            this.lines = lines;
        }

        @Override
        public int read() {
            long bodyEnd = head.length + (long) LINE.length * lines;
            if (offset < head.length) {
                return head[(int) offset++];
            }
            if (offset < bodyEnd) {
                return LINE[(int) ((offset++ - head.length) % LINE.length)];
            }
            if (offset < bodyEnd + tail.length) {
                return tail[(int) (offset++ - bodyEnd)];
            }
            return -1;
        }
    }
}
