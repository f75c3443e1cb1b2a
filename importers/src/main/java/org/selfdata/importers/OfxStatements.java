package org.selfdata.importers;

import org.selfdata.model.BankAccount;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads the bank and credit-card statements of an OFX file: one {@code bank.transaction} per STMTTRN as soon as it
 * closes, and one {@code bank.account} per statement when the statement closes (its balance comes last).
 *
 * <p>Transactions are strict: a date or an amount that cannot be read stops the import, since a skipped line would
 * make every sum wrong. The ledger balance is lenient: it is a summary the transactions can rebuild, and some
 * producers write it in a local format ({@code R$ 5.326,43}, {@code 30/06/2025}); an unreadable balance is left out
 * rather than costing the person the whole statement.
 */
final class OfxStatements implements RecordReader {
    private static final String DATE_EXPECTED = "expected a date as YYYYMMDD, optionally followed by a time";

    private final OfxElements elements;
    private final ZoneId zone;
    private final ArrayDeque<RecordDraft> ready = new ArrayDeque<>();
    private Optional<String> organization = Optional.empty();
    private Optional<LocalDate> serverDate = Optional.empty();
    private Optional<Statement> statement = Optional.empty();
    private Optional<Transaction> transaction = Optional.empty();
    private Optional<SourceDescriptor> source = Optional.empty();

    OfxStatements(OfxElements elements, ZoneId zone) {
        this.elements = requireNonNull(elements, "elements is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** Reads on until the first statement names its account, which is what the file's source is. */
    SourceDescriptor source() {
        while (source.isEmpty()) {
            if (!elements.advance()) {
                throw new SelfdataException(ErrorCode.UNSUPPORTED_FORMAT, "OFX: the file holds no bank statement (STMTRS) "
                        + "nor credit-card statement (CCSTMTRS); selfdata does not read other OFX messages yet");
            }
            handle();
        }
        return source.get();
    }

    @Override
    public Optional<RecordDraft> read() {
        while (ready.isEmpty() && elements.advance()) {
            handle();
        }
        return Optional.ofNullable(ready.poll());
    }

    private void handle() {
        switch (elements.kind()) {
            case OPEN -> opened(elements.name());
            case LEAF -> leaf(elements.name(), elements.parent(), elements.value());
            case CLOSE -> closed(elements.name());
        }
    }

    private void opened(String name) {
        switch (name) {
            case "STMTRS" -> statement = Optional.of(new Statement(false, elements.path()));
            case "CCSTMTRS" -> statement = Optional.of(new Statement(true, elements.path()));
            case "STMTTRN" -> transaction = statement.map(ignored -> new Transaction(elements.path()));
            default -> { }
        }
    }

    private void leaf(String name, String parent, String value) {
        if (value.isEmpty()) {
            return;
        }
        if (transaction.isPresent() && parent.equals("STMTTRN")) {
            transaction.get().fields.putIfAbsent(name, value);
        }
        else if (statement.isPresent()) {
            statement.get().fields.putIfAbsent(parent + "/" + name, value);
            if (name.equals("ACCTID") && (parent.equals("BANKACCTFROM") || parent.equals("CCACCTFROM"))) {
                source = source.or(() -> Optional.of(sourceOf(statement.get())));
            }
        }
        else if (parent.equals("FI") && name.equals("ORG")) {
            organization = Optional.of(value);
        }
        else if (parent.equals("SONRS") && name.equals("DTSERVER")) {
            serverDate = OfxDates.parse(value);
        }
    }

    private void closed(String name) {
        if (name.equals("STMTTRN") && transaction.isPresent()) {
            ready.add(transactionRecord(statement.orElseThrow(), transaction.get()));
            transaction = Optional.empty();
        }
        else if ((name.equals("STMTRS") || name.equals("CCSTMTRS")) && statement.isPresent()) {
            ready.add(accountRecord(statement.get()));
            statement = Optional.empty();
        }
    }

    private SourceDescriptor sourceOf(Statement current) {
        String bank = organization
                .or(() -> current.field("BANKACCTFROM/BANKID").map(bankId -> "Bank " + bankId))
                .orElse("OFX bank");
        return SourceDescriptor.file(bank, "account " + MaskedIdentifier.lastDigits(current.accountId()));
    }

    private RecordDraft transactionRecord(Statement current, Transaction line) {
        LocalDate bookingDate = line.date("DTPOSTED");
        Optional<LocalDate> valueDate = line.field("DTUSER").isPresent() ? Optional.of(line.date("DTUSER")) : Optional.empty();
        BigDecimal amount = line.amount();
        String label = line.field("NAME").or(() -> line.field("MEMO")).orElse("");
        BankTransaction payload = InvalidInput.building(line.path, () -> new BankTransaction(current.accountId(), bookingDate,
                valueDate, amount, current.currency(), label, Optional.empty(), line.field("FITID"), line.field("MEMO"),
                line.field("TRNTYPE"), Optional.empty()));
        return RecordDraft.of(TimeSpan.day(bookingDate, zone), payload, Position.elementPath(line.path));
    }

    private RecordDraft accountRecord(Statement current) {
        Optional<BigDecimal> balance = current.field("LEDGERBAL/BALAMT").flatMap(DecimalText::parse);
        Optional<LocalDate> balanceDate = current.field("LEDGERBAL/DTASOF").flatMap(OfxDates::parse);
        if (balance.isEmpty() || balanceDate.isEmpty()) {
            balance = Optional.empty();
            balanceDate = Optional.empty();
        }
        LocalDate day = balanceDate
                .or(() -> current.field("BANKTRANLIST/DTEND").flatMap(OfxDates::parse))
                .or(() -> serverDate)
                .orElseThrow(() -> InvalidInput.at(current.path, "expected LEDGERBAL/DTASOF, BANKTRANLIST/DTEND or DTSERVER "
                        + "to date the account"));
        String accountFrom = current.creditCard ? "CCACCTFROM" : "BANKACCTFROM";
        Optional<BigDecimal> readBalance = balance;
        Optional<LocalDate> readBalanceDate = balanceDate;
        BankAccount payload = InvalidInput.building(current.path, () -> new BankAccount(current.accountId(), Optional.empty(),
                current.field(accountFrom + "/BANKID"), current.field(accountFrom + "/BRANCHID"), current.kind(),
                current.currency(), Optional.empty(), readBalance, readBalanceDate));
        return RecordDraft.of(TimeSpan.day(day, zone), payload, Position.elementPath(current.path));
    }

    private static final class Statement {
        private final boolean creditCard;
        private final String path;
        private final Map<String, String> fields = new HashMap<>();

        private Statement(boolean creditCard, String path) {
            this.creditCard = creditCard;
            this.path = path;
        }

        private Optional<String> field(String parentAndName) {
            return Optional.ofNullable(fields.get(parentAndName));
        }

        private String accountId() {
            String accountFrom = creditCard ? "CCACCTFROM" : "BANKACCTFROM";
            return field(accountFrom + "/ACCTID")
                    .orElseThrow(() -> InvalidInput.at(path, "expected " + accountFrom + "/ACCTID before the transactions"));
        }

        private String currency() {
            String statementName = creditCard ? "CCSTMTRS" : "STMTRS";
            return field(statementName + "/CURDEF")
                    .map(code -> code.toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> InvalidInput.at(path, "expected CURDEF before the transactions"));
        }

        private BankAccount.Kind kind() {
            if (creditCard) {
                return BankAccount.Kind.CREDIT_CARD;
            }
            return switch (field("BANKACCTFROM/ACCTTYPE").orElse("").toUpperCase(Locale.ROOT)) {
                case "CHECKING" -> BankAccount.Kind.CHECKING;
                case "SAVINGS", "MONEYMRKT", "CD" -> BankAccount.Kind.SAVINGS;
                case "CREDITLINE" -> BankAccount.Kind.LOAN;
                default -> BankAccount.Kind.OTHER;
            };
        }
    }

    private static final class Transaction {
        private final String path;
        private final Map<String, String> fields = new HashMap<>();

        private Transaction(String path) {
            this.path = path;
        }

        private Optional<String> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        private LocalDate date(String name) {
            String text = field(name).orElseThrow(() -> InvalidInput.at(path, "expected " + name));
            return OfxDates.parse(text).orElseThrow(() -> InvalidInput.at(path + "/" + name, DATE_EXPECTED));
        }

        private BigDecimal amount() {
            String text = field("TRNAMT").orElseThrow(() -> InvalidInput.at(path, "expected TRNAMT"));
            return DecimalText.parse(text)
                    .orElseThrow(() -> InvalidInput.at(path + "/TRNAMT", "expected an amount such as -12.34 or 12,34"));
        }
    }
}
