package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.BankAccount;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CamtImporterTest {
    private static final String STATEMENT = "Document/BkToCstmrStmt/Stmt[1]";

    private final CamtImporter importer = new CamtImporter();

    @Test
    void readsWhatGenkgoExpectsOfItsMinimalStatement() throws IOException {
        JsonNode expected;
        try (InputStream in = Files.newInputStream(Corpus.file("camt/genkgo__camt053.v2.minimal.json"))) {
            expected = JsonMapper.builder().build().readTree(in);
        }
        Reading reading = Reading.of(importer, Corpus.file("camt/genkgo__camt053.v2.minimal.xml"));

        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        JsonNode entries = expected.get("getEntries");
        assertThat(transactions).hasSize(entries.size());
        for (int index = 0; index < entries.size(); index++) {
            JsonNode entry = entries.get(index);
            BankTransaction transaction = transactions.get(index);
            assertThat(transaction.amount()).isEqualTo(money(entry.get("getAmount")));
            assertThat(transaction.currency()).isEqualTo(entry.get("getAmount").get("getCurrency").get("getCode").asString());
            assertThat(transaction.bookingDate()).isEqualTo(date(entry.get("getBookingDate")));
            assertThat(transaction.valueDate()).contains(date(entry.get("getValueDate")));
            JsonNode references = entry.get("getTransactionDetail").get("getReference");
            Optional<String> reference = text(entry.get("getAccountServicerReference"))
                    .or(() -> text(references.get("getAccountServicerReference")))
                    .or(() -> text(references.get("getEndToEndId")));
            assertThat(transaction.reference()).isEqualTo(reference);
            List<String> parties = new ArrayList<>();
            entry.get("getTransactionDetail").get("getRelatedParties")
                    .forEach(party -> parties.add(party.get("getRelatedPartyType").get("getName").asString()));
            assertThat(parties).contains(transaction.counterparty().orElseThrow());
        }
        List<BankAccount> accounts = reading.payloads(BankAccount.class);
        List<JsonNode> booked = new ArrayList<>();
        expected.get("getEntries").get(0).get("getRecord").get("getBalances").forEach(balance -> {
            if (List.of("opening", "closing").contains(balance.get("getType").asString())) {
                booked.add(balance);
            }
        });
        assertThat(accounts).hasSize(booked.size());
        for (int index = 0; index < booked.size(); index++) {
            assertThat(accounts.get(index).balance()).contains(money(booked.get(index).get("getAmount")));
            assertThat(accounts.get(index).currency())
                    .isEqualTo(booked.get(index).get("getAmount").get("getCurrency").get("getCode").asString());
            assertThat(accounts.get(index).balanceDate()).contains(date(booked.get(index).get("getDate")));
            assertThat(accounts.get(index).iban()).contains(expected.get("getEntries").get(0).get("getRecord")
                    .get("getAccount").get("getIban").get("getIban").asString());
        }
    }

    @Test
    void readsAStatementWhoseEntriesAddUpToTheChangeOfBalance() {
        Reading reading = Reading.of(importer, Corpus.file("camt/camt_parser__053_valid_example.xml"));

        assertThat(reading.format()).isEqualTo("camt");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("VR-Bank Rottal-Inn eG", "account ••3626"));
        assertThat(reading.payloads(BankAccount.class)).extracting(BankAccount::balance, BankAccount::balanceDate)
                .containsExactly(
                        tuple(Optional.of(new BigDecimal("33.06")), Optional.of(LocalDate.of(2013, 12, 27))),
                        tuple(Optional.of(new BigDecimal("23.06")), Optional.of(LocalDate.of(2013, 12, 27))));
        assertThat(reading.payloads(BankAccount.class).getFirst()).isEqualTo(new BankAccount("DE14740618130000033626",
                Optional.of("DE14740618130000033626"), Optional.of("GENODEF1PFK"), Optional.empty(), BankAccount.Kind.OTHER,
                "EUR", Optional.empty(), Optional.of(new BigDecimal("33.06")), Optional.of(LocalDate.of(2013, 12, 27))));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).extracting(BankTransaction::amount).containsExactly(new BigDecimal("-2.00"),
                new BigDecimal("-3.00"), new BigDecimal("1.00"), new BigDecimal("-3.50"), new BigDecimal("-2.50"));
        assertThat(transactions.stream().map(BankTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal("23.06").subtract(new BigDecimal("33.06")));
        assertThat(transactions.getFirst()).isEqualTo(new BankTransaction("DE14740618130000033626", LocalDate.of(2013, 12, 27),
                Optional.of(LocalDate.of(2013, 12, 27)), new BigDecimal("-2.00"), "EUR",
                "TEST BERWEISUNG MITTELS BLZUND KONTONUMMER - DTA", Optional.of("Testkonto Nummer 2"),
                Optional.of("2013122710583450000"), Optional.of("end-to-end ID EndToEndReference; "
                        + "AdditionalTransactionInformation; Überweisungs-Gutschrift; GVC: SEPA Credit Transfer "
                        + "(Einzelbuchung-Haben)"), Optional.of("NTRF+020"), Optional.empty()));
        assertThat(reading.positions()).containsExactly(STATEMENT + "/Bal[1]", STATEMENT + "/Bal[2]", STATEMENT + "/Ntry[1]",
                STATEMENT + "/Ntry[2]", STATEMENT + "/Ntry[3]", STATEMENT + "/Ntry[4]/NtryDtls[1]/TxDtls[1]",
                STATEMENT + "/Ntry[4]/NtryDtls[1]/TxDtls[2]");
    }

    @Test
    void splitsABatchEntryIntoTheTransactionsOfItsDetails() {
        Reading reading = Reading.of(importer, Corpus.file("camt/camt_parser__053_valid_example_with_debit.xml"));

        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions.subList(3, 5)).extracting(BankTransaction::amount, BankTransaction::label,
                        BankTransaction::reference, BankTransaction::counterparty)
                .containsExactly(
                        tuple(new BigDecimal("-3.50"), "Sammelueberwseisung 2. Zahlung   TAN:283044",
                                Optional.of("STZV-EtE27122013-11:02-1"), Optional.of("Testkonto Nummer 1")),
                        tuple(new BigDecimal("-2.50"), "Sammelueberweisung 1. Zahlung   TAN:283044",
                                Optional.of("STZV-EtE27122013-11:02-2"), Optional.of("Testkonto Nummer 1")));
        assertThat(reading.payloads(BankAccount.class).getFirst().balance()).contains(new BigDecimal("-33.06"));
    }

    @Test
    void flipsTheSignOfReversedEntriesInANotification() {
        Reading reading = Reading.of(importer, Corpus.file("camt/camt_parser__054_valid_example.xml"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("ISO 20022 bank", "account ••0342"));
        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).extracting(BankTransaction::amount, BankTransaction::label)
                .containsExactly(
                        tuple(new BigDecimal("15.00"), "Mitteilung 132"),
                        tuple(new BigDecimal("9.00"), "Mitteilung 131"),
                        tuple(new BigDecimal("56.56"),
                                "GUTSCHRIFT CH-DD-BASISLASTSCHRIFT ID: 41107767420881932 REFERENZ-NR: PMT-ID-1268016165-01"),
                        tuple(new BigDecimal("6.00"), "Mitteilung 128"),
                        tuple(new BigDecimal("15.53"), "Mitteilung 134-"));
        assertThat(transactions.getFirst().counterparty()).contains("Rutschmann Pia");
        assertThat(transactions.getFirst().reference()).contains("TST_201-2091644-9");
        assertThat(transactions.getFirst().kind()).contains("PMNT/RDDT/PMDD");
        assertThat(reading.payloads(BankAccount.class)).containsExactly(new BankAccount("CH0309000000250090342",
                Optional.of("CH0309000000250090342"), Optional.empty(), Optional.empty(), BankAccount.Kind.OTHER, "CHF",
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(reading.records().getLast().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2016-04-09T22:00:00Z"));
    }

    @Test
    void readsAnIntradayReportOfVersion02() {
        Reading reading = Reading.of(importer, Corpus.file("camt/camt_parser__052_valid_example.xml"));

        assertThat(reading.payloads(BankAccount.class)).extracting(BankAccount::balance)
                .containsExactly(Optional.of(new BigDecimal("8.50")), Optional.of(new BigDecimal("13.50")));
        assertThat(reading.payloads(BankTransaction.class)).extracting(BankTransaction::amount, BankTransaction::reference)
                .containsExactly(tuple(new BigDecimal("2.00"), Optional.of("2013122710583450000")),
                        tuple(new BigDecimal("3.00"), Optional.of("2013122710583670000")));
        assertThat(reading.positions().getLast()).isEqualTo("Document/BkToCstmrAcctRpt/Rpt[1]/Ntry[2]");
    }

    @Test
    void readsTheStatusAsACodeFromVersion08AndABookingDateTimeAsItsDate() {
        Reading reading = Reading.of(importer, Corpus.file("camt/genkgo__camt052.v8.xml"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("UBSWCHZH80A", "account ••6789"));
        assertThat(reading.payloads(BankTransaction.class)).containsExactly(new BankTransaction("CH2801234000123456789",
                LocalDate.of(2007, 10, 18), Optional.of(LocalDate.of(2007, 10, 18)), new BigDecimal("-200000"), "SEK", "Credit",
                Optional.empty(), Optional.of("AAAASESS-FP-ACCR-01"), Optional.empty(), Optional.of("PMNT/ICDT/XBCT"),
                Optional.empty()));
    }

    @Test
    void readsTheFirstVersionWithItsSuffixedMessageAndProprietaryAccount() {
        Reading reading = Reading.of(importer, Corpus.file("camt/genkgo__camt052.v1.xml"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("AAAA BANKEN", "account ••6789"));
        BankTransaction transaction = reading.payloads(BankTransaction.class).getFirst();
        assertThat(transaction.account()).isEqualTo("CH2801234000123456789");
        assertThat(transaction.amount()).isEqualTo(new BigDecimal("-200000"));
        assertThat(transaction.bookingDate()).isEqualTo(LocalDate.of(2007, 10, 18));
        assertThat(transaction.kind()).contains("PAYM/0001/0003");
        assertThat(reading.positions()).containsExactly("Document/BkToCstmrAcctRptV01/Rpt[1]/Ntry[1]",
                "Document/BkToCstmrAcctRptV01/Rpt[1]");
        // No balance: the account is described without one, in its first entry's currency, on the report's day.
        assertThat(reading.payloads(BankAccount.class)).containsExactly(new BankAccount("CH2801234000123456789",
                Optional.empty(), Optional.empty(), Optional.empty(), BankAccount.Kind.OTHER, "SEK", Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void readsVersion02ReportWithItsCounterparty() {
        BankTransaction transaction = Reading.of(importer, Corpus.file("camt/genkgo__camt052.v2.xml"))
                .payloads(BankTransaction.class).getFirst();

        assertThat(transaction.amount()).isEqualTo(new BigDecimal("-200000"));
        assertThat(transaction.counterparty()).contains("Company Name");
        assertThat(transaction.reference()).contains("AAAASESS-FP-ACCR-01");
    }

    @Test
    void keepsANotificationEntryWhoseDetailsGiveNoAmountsAsOneTransaction() {
        Reading reading = Reading.of(importer, Corpus.file("camt/genkgo__camt054.v2.xml"));

        List<BankTransaction> transactions = reading.payloads(BankTransaction.class);
        assertThat(transactions).hasSize(1);
        assertThat(transactions.getFirst().amount()).isEqualTo(new BigDecimal("-200000"));
        assertThat(transactions.getFirst().label()).isEqualTo("Unstructured Remittance Information V1");
        assertThat(transactions.getFirst().memo())
                .contains("end-to-end ID MUELL/FINP/RA12345; creditor reference ISR ref number V1");
        assertThat(reading.positions()).containsExactly("Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]",
                "Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]");
    }

    @Test
    void readsEveryStatementOfAMessage() {
        Reading reading = Reading.of(importer, Corpus.file("camt/genkgo__camt053.v2.multi.statement.xml"));

        assertThat(reading.payloads(BankTransaction.class)).extracting(BankTransaction::amount, BankTransaction::label)
                .containsExactly(tuple(new BigDecimal("8.85"), "Transaction Description 1"),
                        tuple(new BigDecimal("-7.00"), "Transaction Description 2"));
        assertThat(reading.payloads(BankAccount.class)).extracting(BankAccount::balance).containsExactly(
                Optional.of(new BigDecimal("18.15")), Optional.of(new BigDecimal("27.00")), Optional.of(new BigDecimal("27.00")),
                Optional.of(new BigDecimal("20.00")));
        assertThat(reading.positions()).containsExactly(STATEMENT + "/Bal[1]", STATEMENT + "/Bal[2]", STATEMENT + "/Ntry[1]",
                "Document/BkToCstmrStmt/Stmt[2]/Bal[1]", "Document/BkToCstmrStmt/Stmt[2]/Bal[2]",
                "Document/BkToCstmrStmt/Stmt[2]/Ntry[1]");
    }

    @Test
    void keepsBookedBalancesOnly() {
        Reading reading = Reading.of(importer, Corpus.file("camt/genkgo__camt053.v2.all-balance-types.xml"));

        assertThat(reading.payloads(BankAccount.class)).extracting(BankAccount::balance).containsExactly(
                Optional.of(new BigDecimal("1.01")), Optional.of(new BigDecimal("2.02")), Optional.of(new BigDecimal("4.04")),
                Optional.of(new BigDecimal("9.09")));
        assertThat(reading.positions()).startsWith(STATEMENT + "/Bal[1]", STATEMENT + "/Bal[2]", STATEMENT + "/Bal[4]",
                STATEMENT + "/Bal[9]");
    }

    @Test
    void keepsTheDecimalsAsWritten() {
        Reading reading = Reading.of(importer, Corpus.file("camt/genkgo__camt053.v2.five.decimals.xml"));

        assertThat(reading.payloads(BankTransaction.class).getFirst().amount()).isEqualTo(new BigDecimal("8.850"));
        assertThat(reading.payloads(BankAccount.class)).extracting(BankAccount::balance)
                .containsExactly(Optional.of(new BigDecimal("18.150")), Optional.of(new BigDecimal("27.050")));
        Reading fiveDecimals = Reading.of(importer, statement("<Ntry><Amt Ccy=\"EUR\">0.12345</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
                + "<Sts>BOOK</Sts><BookgDt><Dt>2025-01-05</Dt></BookgDt></Ntry>"), StandardCharsets.UTF_8);
        assertThat(fiveDecimals.payloads(BankTransaction.class).getFirst().amount()).isEqualTo(new BigDecimal("-0.12345"));
    }

    @Test
    void datesABalanceGivenAsADateTime() {
        Reading reading = Reading.of(importer, Corpus.file("camt/genkgo__camt53.only-Dt-with-DtTm.xml"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("ISO 20022 bank", "account ••5555"));
        assertThat(reading.payloads(BankAccount.class)).containsExactly(new BankAccount("GB33BUKB20201555555555",
                Optional.of("GB33BUKB20201555555555"), Optional.empty(), Optional.empty(), BankAccount.Kind.OTHER, "RON",
                Optional.empty(), Optional.of(new BigDecimal("5442.09000")), Optional.of(LocalDate.of(2025, 7, 23))));
    }

    @Test
    void readsVersions03And04AndTheirDomainCodes() {
        BankTransaction third = Reading.of(importer, Corpus.file("camt/genkgo__camt053.v3.xml"))
                .payloads(BankTransaction.class).getFirst();
        BankTransaction fourth = Reading.of(importer, Corpus.file("camt/genkgo__camt053.v4.xml"))
                .payloads(BankTransaction.class).getFirst();

        assertThat(third.amount()).isEqualTo(new BigDecimal("8.85"));
        assertThat(third.kind()).contains("PMNT/RCDT/DMCT");
        assertThat(third.reference()).contains("XXXXXXXXXXXXXXXXXXXXXXEUR");
        assertThat(fourth.amount()).isEqualTo(new BigDecimal("8.85"));
        assertThat(fourth.reference()).contains("AAAASESS-FP-CN_98765/01");
        assertThat(fourth.counterparty()).contains("NAME NAME");
    }

    @Test
    void readsAVersion10StatementWithDateTimes() {
        Reading reading = Reading.of(importer, Corpus.file("camt/camt_parser__053_valid_example_with_datetime.xml"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Wise Payments Ltd.", "account ••1111"));
        assertThat(reading.payloads(BankTransaction.class)).extracting(BankTransaction::bookingDate, BankTransaction::amount,
                        BankTransaction::reference, BankTransaction::kind)
                .containsExactly(tuple(LocalDate.of(2023, 6, 21), new BigDecimal("195.86"), Optional.of("Test Buchung"),
                        Optional.of("TRANSFER-123456789")));
        assertThat(reading.payloads(BankAccount.class).getFirst().balanceDate()).contains(LocalDate.of(2023, 7, 7));
    }

    @Test
    void keepsPendingEntriesWithTheirStatusWhetherTextOrCode() {
        String report = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.08"><BkToCstmrAcctRpt><Rpt><Id>1</Id>
                <Acct><Id><IBAN>FR7630001007941234567890185</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Ntry><Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
                <ValDt><Dt>2025-03-02</Dt></ValDt><AcctSvcrRef>REF-1</AcctSvcrRef></Ntry>
                <Ntry><Amt Ccy="EUR">3.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>PDNG</Sts>
                <BookgDt><Dt>2025-03-03</Dt></BookgDt></Ntry>
                <Ntry><Amt Ccy="EUR">4.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2025-03-01</Dt></BookgDt></Ntry>
                </Rpt></BkToCstmrAcctRpt></Document>
                """;

        Reading reading = Reading.of(importer, report, StandardCharsets.UTF_8);

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("ISO 20022 bank", "account ••0185"));
        assertThat(reading.payloads(BankTransaction.class)).extracting(BankTransaction::bookingDate, BankTransaction::amount,
                        BankTransaction::memo)
                .containsExactly(
                        tuple(LocalDate.of(2025, 3, 2), new BigDecimal("-12.50"), Optional.of("status PDNG (pending)")),
                        tuple(LocalDate.of(2025, 3, 3), new BigDecimal("-3.00"), Optional.of("status PDNG (pending)")),
                        tuple(LocalDate.of(2025, 3, 1), new BigDecimal("4.00"), Optional.empty()));
    }

    @Test
    void rejectsAnEntryWithoutItsSignAndReadsOn() throws IOException {
        String entries = "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><Sts>BOOK</Sts><BookgDt><Dt>2025-01-05</Dt></BookgDt></Ntry>"
                + "<Ntry><Amt Ccy=\"EUR\">-2.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-01-05</Dt></BookgDt></Ntry>"
                + "<Ntry><Amt Ccy=\"EUR\">3.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-02-30</Dt></BookgDt></Ntry>"
                + "<Ntry><Amt Ccy=\"EUR\">4.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-01-06</Dt></BookgDt></Ntry>";
        List<ImportItem> items;
        try (ParsedFile file = importer.open(new ByteArrayInputStream(statement(entries).getBytes(StandardCharsets.UTF_8)),
                Reading.PARIS)) {
            items = file.items().toList();
        }

        assertThat(items).hasSize(5);
        assertThat(items.subList(1, 4)).containsExactly(
                new Rejection(Position.elementPath(STATEMENT + "/Ntry[1]"), "expected CdtDbtInd"),
                new Rejection(Position.elementPath(STATEMENT + "/Ntry[2]"), "Amt: expected an unsigned amount such as 1234.56"),
                new Rejection(Position.elementPath(STATEMENT + "/Ntry[3]"),
                        "BookgDt: expected a date such as 2024-12-31 or 2024-12-31T10:15:00+01:00"));
        assertThat(((BankTransaction) ((RecordDraft) items.getLast()).payload()).amount()).isEqualTo(new BigDecimal("4.00"));
    }

    @Test
    void refusesADocumentTypeDeclarationAndItsEntities() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + statement("<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-01-05</Dt>"
                + "</BookgDt><AddtlNtryInf>&secret;</AddtlNtryInf></Ntry>")
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");

        assertThatThrownBy(() -> Reading.of(importer, withEntity, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("Document: expected")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void namesThePositionWhereTheXmlBreaks() {
        String broken = statement("<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</Ntry>");

        assertThatThrownBy(() -> Reading.of(importer, broken, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage(STATEMENT + "/Ntry[1]/CdtDbtInd: expected well-formed XML (line 5)");
    }

    @Test
    void streamsAStatementOfAHundredThousandEntriesInFlatMemory() {
        String whole = statement("#");
        byte[] head = whole.substring(0, whole.indexOf('#')).getBytes(StandardCharsets.UTF_8);
        byte[] tail = whole.substring(whole.indexOf('#') + 1).getBytes(StandardCharsets.UTF_8);
        byte[] entry = ("<Ntry><Amt Ccy=\"EUR\">1.20</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-01-05</Dt>"
                + "</BookgDt><NtryDtls><TxDtls><RmtInf><Ustrd>CB CAFE</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n")
                .getBytes(StandardCharsets.UTF_8);
        long count;
        try (ParsedFile file = importer.open(new SequenceInputStream(parts(head, entry, 100_000, tail)), Reading.PARIS)) {
            count = file.records().count();
        }

        assertThat(count).isEqualTo(100_001);
    }

    @Test
    void isChosenForEveryCamtSampleAndClaimsNoOtherFormat() {
        for (String sample : List.of("camt_parser__052_valid_example.xml", "camt_parser__053_valid_example.xml",
                "camt_parser__053_valid_example_with_datetime.xml", "camt_parser__054_valid_example.xml",
                "genkgo__camt052.v1.xml", "genkgo__camt052.v8.xml", "genkgo__camt053.v2.minimal.xml", "genkgo__camt053.v4.xml",
                "genkgo__camt054.v2.xml", "genkgo__camt53.only-Dt-with-DtTm.xml")) {
            Sniff sniff = new Sniff("data.bin", Fuzzing.read(Corpus.file("camt/" + sample)));
            assertThat(Importers.standard().detect(sniff)).as(sample).map(Importer::format).contains("camt");
        }
        for (String other : List.of("ofx/ofx4j-example-response.ofx2", "ofx/checking.ofx", "qif/splits.qif",
                "gpx/gpx1.1_with_all_fields.gpx", "greenbutton/openespi__test_usage_data_01.xml",
                "camt/genkgo__camt053.v2.minimal.json")) {
            assertThat(importer.detect(new Sniff("statement.xml", Fuzzing.read(Corpus.file(other))))).as(other)
                    .isEqualTo(Detection.NO);
        }
    }

    @Test
    void datesAnEntryByItsWholeBookingDayInThePersonsZone() {
        Reading reading = Reading.of(importer, Corpus.file("camt/genkgo__camt053.v2.minimal.xml"));

        assertThat(reading.records().getLast().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2014-12-30T23:00:00Z"), Instant.parse("2014-12-31T23:00:00Z")));
    }

    static String statement(String entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId>"
                + "</GrpHdr>\n<Stmt><Id>1</Id><CreDtTm>2025-01-10T08:00:00</CreDtTm>"
                + "<Acct><Id><IBAN>FR7630001007941234567890185</IBAN></Id><Ccy>EUR</Ccy></Acct>\n"
                + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                + "<Dt><Dt>2025-01-10</Dt></Dt></Bal>\n" + entries + "\n</Stmt></BkToCstmrStmt></Document>\n";
    }

    private static BigDecimal money(JsonNode money) {
        int digits = Currency.getInstance(money.get("getCurrency").get("getCode").asString()).getDefaultFractionDigits();
        return new BigDecimal(money.get("getAmount").asString()).movePointLeft(digits);
    }

    private static LocalDate date(JsonNode date) {
        return LocalDate.parse(date.get("0").asString().substring(0, 10));
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asString());
    }

    private static Enumeration<InputStream> parts(byte[] head, byte[] repeated, int times, byte[] tail) {
        return new Enumeration<>() {
            private int index = -1;

            @Override
            public boolean hasMoreElements() {
                return index <= times;
            }

            @Override
            public InputStream nextElement() {
                index++;
                if (index == 0) {
                    return new ByteArrayInputStream(head);
                }
                return new ByteArrayInputStream(index <= times ? repeated : tail);
            }
        };
    }
}
