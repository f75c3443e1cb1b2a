package org.selfdata.importers;

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
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads the bank and credit-card statements of an OFX file: one {@code bank.transaction} per STMTTRN as soon as it
 * closes, and one {@code bank.account} per statement when the statement closes (its balance comes last).
 *
 * <p>A transaction whose date or amount cannot be read is rejected on its own: a strict import stops there, since a
 * skipped line would make every sum wrong, and a lenient one quarantines it and reads on. The ledger balance is
 * lenient: it is a summary the transactions can rebuild, and some producers write it in a local format
 * ({@code R$ 5.326,43}, {@code 30/06/2025}); an unreadable balance is left out rather than costing the person the
 * whole statement.
 *
 * <p>Investment statements (INVSTMTRS) are read for their cash only: each INVBANKTRAN (interest, fees, deposits)
 * is a bank transaction of the brokerage account, and the account's balance is its available cash. Trades, income
 * and positions are not read yet; an investment statement without any cash transaction is refused, or rejected when
 * the file holds bank statements beside it.
 *
 * <p>A transaction's CURRENCY aggregate names the currency its amount is in when that is not the statement's
 * CURDEF; some producers leave CURDEF empty and give only that, so the account then takes its transactions' currency.
 *
 * <p>A statement that holds no transactions is read as its account alone, and noted as such. French banks export an
 * account without movement over the period with an empty ACCTID: such a statement's account is named by its bank and
 * branch ids (BANKID, BRANCHID), which is all the statement gives, when they fit an account number (64 characters),
 * and the note says so. A statement with transactions still needs its ACCTID, since its transactions would otherwise
 * belong to an account guessed from its branch.
 */
final class OfxStatements implements RecordReader {
    private static final Wording DATE_EXPECTED = Wording.of("error.ofx.date");
    /** The longest account number made of bank and branch ids: what an account number holds. */
    private static final int LONGEST_DERIVED_NUMBER = 64;
    private static final Wording INVESTMENTS_NOT_SUPPORTED = Wording.of("error.ofx.investments");

    private final OfxElements elements;
    private final ZoneId zone;
    private final PendingItems ready = new PendingItems();
    private Optional<String> organization = Optional.empty();
    private Optional<LocalDate> serverDate = Optional.empty();
    private Optional<Statement> statement = Optional.empty();
    private Optional<Transaction> transaction = Optional.empty();
    private Optional<SourceDescriptor> source = Optional.empty();
    private Optional<String> investmentStatementPath = Optional.empty();
    private Optional<String> statementWithoutAccountPath = Optional.empty();
    private final List<FileNote> notes = new ArrayList<>();

    OfxStatements(OfxElements elements, ZoneId zone) {
        this.elements = requireNonNull(elements, "elements is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** Reads on until the first statement names its account, which is what the file's source is. */
    SourceDescriptor source() {
        while (source.isEmpty()) {
            if (!elements.advance()) {
                statementWithoutAccountPath.ifPresent(path -> {
                    throw InvalidInput.at(path, Wording.of("error.ofx.noAccountId"));
                });
                investmentStatementPath.ifPresent(path -> {
                    throw new SelfdataException(ErrorCode.UNSUPPORTED_FORMAT, InvalidInput.wording(path,
                            INVESTMENTS_NOT_SUPPORTED));
                });
                throw new SelfdataException(ErrorCode.UNSUPPORTED_FORMAT, Wording.of("error.ofx.noStatement"));
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
        return ready.next();
    }

    @Override
    public List<FileNote> notes() {
        return List.copyOf(notes);
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
            case "STMTRS" -> statement = Optional.of(new Statement(StatementKind.BANK, elements.path()));
            case "CCSTMTRS" -> statement = Optional.of(new Statement(StatementKind.CREDIT_CARD, elements.path()));
            case "INVSTMTRS" -> statement = Optional.of(new Statement(StatementKind.INVESTMENT, elements.path()));
            case "STMTTRN" -> {
                transaction = statement.map(ignored -> new Transaction(elements.path()));
                statement.ifPresent(current -> current.transactions++);
                statement.filter(current -> current.kind == StatementKind.INVESTMENT).ifPresent(this::nameSource);
            }
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
        else if (transaction.isPresent() && (parent.equals("CURRENCY") || parent.equals("PAYEE"))) {
            transaction.get().fields.putIfAbsent(parent + "/" + name, value);
        }
        else if (statement.isPresent()) {
            Statement current = statement.get();
            current.fields.putIfAbsent(parent + "/" + name, value);
            if (name.equals("ACCTID") && parent.equals(current.kind.accountFrom) && current.kind != StatementKind.INVESTMENT) {
                nameSource(current);
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
        if (name.equals("STMTTRN") && transaction.isPresent() && statement.isPresent()) {
            ready.add(transactionItem(statement.get(), transaction.get()));
            transaction = Optional.empty();
        }
        else if (statement.isPresent() && name.equals(statement.get().kind.element)) {
            Statement current = statement.get();
            statement = Optional.empty();
            transaction = Optional.empty();
            ready.add(statementItem(current));
        }
    }

    private ImportItem statementItem(Statement current) {
        Position position = positionOf(current.path);
        if (current.kind == StatementKind.INVESTMENT && current.transactions == 0) {
            // Refused with the whole file when nothing else in it can be read, rejected on its own otherwise.
            investmentStatementPath = investmentStatementPath.or(() -> Optional.of(current.path));
            return new Rejection(position, INVESTMENTS_NOT_SUPPORTED);
        }
        Optional<String> accountNumber = current.accountNumber();
        if (accountNumber.isEmpty()) {
            statementWithoutAccountPath = statementWithoutAccountPath.or(() -> Optional.of(current.path));
            return new Rejection(position, Wording.of("error.ofx.noAccountIdIn", String.valueOf(current.kind.accountFrom)));
        }
        nameSource(current);
        ImportItem account = accountItem(current, accountNumber.get());
        if (account instanceof RecordDraft && current.transactions == 0) {
            notes.add(new FileNote(position, current.accountId().isPresent() ? Wording.of("note.ofx.noTransactions")
                    : Wording.of(current.branchId().isPresent() ? "note.ofx.noTransactionsNamedByBankAndBranch"
                            : "note.ofx.noTransactionsNamedByBank")));
        }
        return account;
    }

    private void nameSource(Statement current) {
        if (source.isEmpty() && current.accountNumber().isPresent()) {
            String bank = organization
                    .or(() -> current.bankId().map(bankId -> "Bank " + bankId))
                    .or(() -> current.field("INVACCTFROM/BROKERID"))
                    .orElse("OFX bank");
            String label = current.accountId().map(account -> "account " + MaskedIdentifier.lastDigits(account))
                    .orElseGet(() -> "account with no number at bank " + current.bankId().orElseThrow()
                            + current.branchId().map(branch -> ", branch " + branch).orElse(""));
            source = Optional.of(SourceDescriptor.file(bank, label));
        }
    }

    private ImportItem transactionItem(Statement current, Transaction line) {
        try {
            return transactionRecord(current, line);
        }
        catch (RejectedRecord e) {
            return e.rejection();
        }
    }

    private RecordDraft transactionRecord(Statement current, Transaction line) {
        Position position = positionOf(line.path);
        String account = current.accountId(position);
        LocalDate bookingDate = line.date("DTPOSTED");
        Optional<LocalDate> valueDate = line.field("DTUSER").isPresent() ? Optional.of(line.date("DTUSER")) : Optional.empty();
        BigDecimal amount = line.amount();
        String currency = line.field("CURRENCY/CURSYM").map(code -> code.toUpperCase(Locale.ROOT))
                .orElseGet(() -> current.declaredCurrency().orElseThrow(() -> InvalidInput.rejected(position,
                        Wording.of("error.ofx.noCurrency"))));
        current.transactionCurrency = current.transactionCurrency.or(() -> Optional.of(currency));
        String label = line.field("NAME").or(() -> line.field("MEMO")).orElse("");
        BankTransaction payload = InvalidInput.rejecting(position, () -> new BankTransaction(account, bookingDate, valueDate,
                amount, currency, label, line.field("PAYEE/NAME"), line.field("FITID"), line.field("MEMO"),
                line.field("TRNTYPE"), line.field("CATEGORY")));
        return RecordDraft.of(TimeSpan.day(bookingDate, zone), payload, position);
    }

    private ImportItem accountItem(Statement current, String accountNumber) {
        Position position = positionOf(current.path);
        String balanceName = current.kind == StatementKind.INVESTMENT ? "INVBAL/AVAILCASH" : "LEDGERBAL/BALAMT";
        String balanceDateName = current.kind == StatementKind.INVESTMENT ? "INVSTMTRS/DTASOF" : "LEDGERBAL/DTASOF";
        Optional<BigDecimal> balance = current.field(balanceName).flatMap(DecimalText::parse);
        Optional<LocalDate> balanceDate = current.field(balanceDateName).flatMap(OfxDates::parse);
        if (balance.isEmpty() || balanceDate.isEmpty()) {
            balance = Optional.empty();
            balanceDate = Optional.empty();
        }
        Optional<LocalDate> day = balanceDate
                .or(() -> current.field("BANKTRANLIST/DTEND").flatMap(OfxDates::parse))
                .or(() -> current.field("INVTRANLIST/DTEND").flatMap(OfxDates::parse))
                .or(() -> serverDate);
        Optional<String> currency = current.declaredCurrency().or(() -> current.transactionCurrency);
        if (day.isEmpty() || currency.isEmpty()) {
            return new Rejection(position, day.isEmpty() ? Wording.of("error.ofx.noAccountDate")
                    : Wording.of("error.ofx.noAccountCurrency"));
        }
        Optional<BigDecimal> readBalance = balance;
        Optional<LocalDate> readBalanceDate = balanceDate;
        try {
            BankAccount payload = InvalidInput.rejecting(position, () -> new BankAccount(accountNumber,
                    Optional.empty(), current.bankId(), current.branchId(),
                    current.accountKind(), currency.get(), Optional.empty(), readBalance, readBalanceDate));
            return RecordDraft.of(TimeSpan.day(day.get(), zone), payload, position);
        }
        catch (RejectedRecord e) {
            return e.rejection();
        }
    }

    /**
     * The position of an element. SGML lets a broken file nest aggregates without end, so a path that would not fit in
     * a position keeps its end, where the statement and the transaction are named.
     */
    private static Position positionOf(String path) {
        int maximumLength = 500;
        return Position.elementPath(path.length() <= maximumLength ? path : "…" + path.substring(path.length() - maximumLength));
    }

    /** The three statements OFX has, with the aggregate each names its account in. */
    private enum StatementKind {
        BANK("STMTRS", "BANKACCTFROM"),
        CREDIT_CARD("CCSTMTRS", "CCACCTFROM"),
        INVESTMENT("INVSTMTRS", "INVACCTFROM");

        private final String element;
        private final String accountFrom;

        StatementKind(String element, String accountFrom) {
            this.element = element;
            this.accountFrom = accountFrom;
        }
    }

    private static final class Statement {
        private final StatementKind kind;
        private final String path;
        private final Map<String, String> fields = new HashMap<>();
        private int transactions;
        private Optional<String> transactionCurrency = Optional.empty();

        private Statement(StatementKind kind, String path) {
            this.kind = kind;
            this.path = path;
        }

        private Optional<String> field(String parentAndName) {
            return Optional.ofNullable(fields.get(parentAndName));
        }

        private String accountId(Position position) {
            return accountId().orElseThrow(() -> InvalidInput.rejected(position,
                    Wording.of("error.ofx.accountIdFirst", String.valueOf(kind.accountFrom))));
        }

        private Optional<String> accountId() {
            return field(kind.accountFrom + "/ACCTID");
        }

        /**
         * The account's number: its ACCTID, or, for a statement without transactions whose ACCTID is empty, its bank and
         * branch ids, which are what the statement gives to tell the account apart.
         */
        private Optional<String> accountNumber() {
            if (accountId().isPresent() || transactions > 0) {
                return accountId();
            }
            return bankId().map(bank -> bank + branchId().map(branch -> " " + branch).orElse(""))
                    .filter(number -> number.length() <= LONGEST_DERIVED_NUMBER);
        }

        private Optional<String> bankId() {
            return field(kind.accountFrom + "/BANKID");
        }

        private Optional<String> branchId() {
            return field(kind.accountFrom + "/BRANCHID");
        }

        private Optional<String> declaredCurrency() {
            return field(kind.element + "/CURDEF").map(code -> code.toUpperCase(Locale.ROOT));
        }

        private BankAccount.Kind accountKind() {
            return switch (kind) {
                case CREDIT_CARD -> BankAccount.Kind.CREDIT_CARD;
                case INVESTMENT -> BankAccount.Kind.INVESTMENT;
                case BANK -> bankAccountKind();
            };
        }

        private BankAccount.Kind bankAccountKind() {
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
            String text = field(name).orElseThrow(() -> InvalidInput.rejected(positionOf(path),
                    Wording.of("error.ofx.expectedElement", String.valueOf(name))));
            return OfxDates.parse(text).orElseThrow(() -> InvalidInput.rejected(positionOf(path + "/" + name),
                    DATE_EXPECTED));
        }

        private BigDecimal amount() {
            String text = field("TRNAMT").orElseThrow(() -> InvalidInput.rejected(positionOf(path),
                    Wording.of("error.ofx.noAmount")));
            return DecimalText.parse(text).orElseThrow(() -> InvalidInput.rejected(positionOf(path + "/TRNAMT"),
                    Wording.of("error.ofx.amount")));
        }
    }
}
