package org.selfdata.importers;

import org.selfdata.model.BankTransaction;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

import static java.util.Objects.requireNonNull;

/**
 * Reads the transactions of a QIF file: one {@code bank.transaction} per record of a Bank, Cash, CCard, Oth A or
 * Oth L section, its amount the record's T line (U when T is missing).
 *
 * <p>QIF names no account number, no currency and no transaction identifier. The account is the name its
 * {@code !Account} block gives, or else the file's name; the currency is ISO 4217's {@code XXX} (no currency), since
 * the file does not say which the person's bank keeps; the check number (N) is the reference. A split transaction
 * stays one transaction: its parts are written into the memo, and their categories are its bank category when the
 * record has no L line of its own.
 *
 * <p>The order of day and month is the file's (see {@link QifDates}): records wait, in a bounded queue, until a date
 * settles it. Investment records ({@code !Type:Invst}) are rejected one by one, so that a lenient import keeps the
 * bank accounts of the same file; the lists Quicken exports beside transactions (categories, classes, memorized
 * transactions, securities, prices) are not transactions and are read past.
 */
final class QifRecords implements RecordReader {
    private static final int MAXIMUM_WAITING = 10_000;
    private static final String NO_CURRENCY = "XXX";
    private static final int MAXIMUM_MEMO_LENGTH = 2048;

    private enum Section { NONE, ACCOUNT, BANK, INVESTMENT, LIST, UNKNOWN }

    private final NumberedLines lines;
    private final ZoneId zone;
    private final String fileAccount;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private Section section = Section.NONE;
    private Optional<String> accountName = Optional.empty();
    private Optional<QifDates.Order> order = Optional.empty();
    private Optional<String> pushedBack = Optional.empty();
    private boolean ended;

    /** A record read but not yet handed out: a transaction waiting for the date order, or a rejection. */
    private record Waiting(Optional<QifRecord> record, String account, Optional<Rejection> rejection) {}

    QifRecords(NumberedLines lines, ZoneId zone, String fileAccount) {
        this.lines = requireNonNull(lines, "lines is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.fileAccount = requireNonNull(fileAccount, "fileAccount is null");
    }

    /** Reads the headers and account blocks before the first record; answers the account the file starts with. */
    String firstAccount() {
        for (Optional<String> line = nextLine(); line.isPresent(); line = nextLine()) {
            String text = line.get();
            if (!text.isBlank() && !header(text) && section != Section.ACCOUNT) {
                pushBack(text);
                break;
            }
            if (section == Section.ACCOUNT && !text.startsWith("!")) {
                accountLine(text);
            }
        }
        if (section == Section.NONE) {
            throw InvalidInput.at("line " + Math.max(1, lines.number()), Wording.of("error.qif.noHeader"));
        }
        return accountName.orElse(fileAccount);
    }

    @Override
    public Optional<RecordDraft> read() {
        while (true) {
            if (!waiting.isEmpty() && (order.isPresent() || waiting.peek().rejection().isPresent())) {
                return handOut(waiting.poll());
            }
            if (ended) {
                return Optional.empty();
            }
            Optional<Waiting> next = nextRecord();
            next.ifPresent(this::enqueue);
            if (next.isEmpty()) {
                ended = true;
            }
            if (order.isEmpty() && (ended || waiting.size() >= MAXIMUM_WAITING)) {
                order = Optional.of(QifDates.guess(waiting.stream().flatMap(item -> item.record().stream())
                        .flatMap(record -> record.date().stream()).toList(), zone));
            }
        }
    }

    private void enqueue(Waiting item) {
        waiting.add(item);
        if (order.isEmpty()) {
            order = item.record().flatMap(QifRecord::date).flatMap(QifDates.Parts::evidence);
        }
    }

    private Optional<RecordDraft> handOut(Waiting item) {
        if (item.rejection().isPresent()) {
            throw new RejectedRecord(item.rejection().get());
        }
        return Optional.of(transaction(item.record().orElseThrow(), item.account()));
    }

    /** The next record of the file as it waits to be handed out, or nothing at its end. */
    private Optional<Waiting> nextRecord() {
        Optional<QifRecord> record = Optional.empty();
        for (Optional<String> line = nextLine(); line.isPresent(); line = nextLine()) {
            String text = line.get();
            if (text.startsWith("!")) {
                if (record.isPresent()) {
                    pushBack(text);
                    return Optional.of(rejection(record.get().firstLine(),
                            Wording.of("error.qif.notEnded")));
                }
                header(text);
            }
            else if (section == Section.ACCOUNT) {
                accountLine(text);
            }
            else if (text.startsWith("^")) {
                Optional<Waiting> ended = endOfRecord(record.orElseGet(() -> new QifRecord(lines.number())));
                if (ended.isPresent()) {
                    return ended;
                }
                record = Optional.empty();
            }
            else if (!text.isBlank()) {
                if (section == Section.NONE) {
                    throw InvalidInput.at("line " + lines.number(), Wording.of("error.qif.noHeader"));
                }
                record = record.or(() -> Optional.of(new QifRecord(lines.number())));
                record.get().add(text.charAt(0), text.substring(1), lines.number());
            }
        }
        return record.map(unfinished -> rejection(unfinished.firstLine(), Wording.of("error.qif.fileEnds")));
    }

    private Optional<Waiting> endOfRecord(QifRecord record) {
        return switch (section) {
            case BANK -> Optional.of(record.isEmpty()
                    ? rejection(record.firstLine(), Wording.of("error.qif.emptyRecord"))
                    : new Waiting(Optional.of(record), accountName.orElse(fileAccount), Optional.empty()));
            case INVESTMENT -> Optional.of(rejection(record.firstLine(),
                    Wording.of("error.qif.investments")));
            case UNKNOWN -> Optional.of(rejection(record.firstLine(),
                    Wording.of("error.qif.unknownSection")));
            case LIST, NONE, ACCOUNT -> Optional.empty();
        };
    }

    private Waiting rejection(long line, Wording reason) {
        return new Waiting(Optional.empty(), "", Optional.of(new Rejection(Position.line(line), reason)));
    }

    /** Reads a header line; false when the line is not one. */
    private boolean header(String text) {
        if (!text.startsWith("!")) {
            return false;
        }
        String name = text.substring(1).strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("type:")) {
            section = switch (name.substring("type:".length()).strip()) {
                case "bank", "cash", "ccard", "oth a", "oth l" -> Section.BANK;
                case "invst", "port" -> Section.INVESTMENT;
                case "cat", "class", "memorized", "security", "prices", "bill", "invoice", "budget", "tax" -> Section.LIST;
                default -> Section.UNKNOWN;
            };
        }
        else if (name.equals("account")) {
            section = Section.ACCOUNT;
            accountName = Optional.empty();
        }
        else if (!name.startsWith("option:") && !name.startsWith("clear:")) {
            throw InvalidInput.at("line " + lines.number(), Wording.of("error.qif.header"));
        }
        return true;
    }

    // In an !Account block, N names the account; the block ends with ^ and the other lines describe the account.
    private void accountLine(String text) {
        if (text.startsWith("N") && text.length() > 1 && !text.substring(1).isBlank()) {
            accountName = Optional.of(text.substring(1).strip());
        }
    }

    private RecordDraft transaction(QifRecord record, String account) {
        Position position = Position.line(record.firstLine());
        QifRecord.Field dateField = record.field('D')
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.qif.noDate")));
        LocalDate date = record.date().flatMap(parts -> parts.date(order.orElseThrow()))
                .orElseThrow(() -> InvalidInput.rejected(Position.line(dateField.line()), QifDates.EXPECTED));
        QifRecord.Field amountField = record.field('T').or(() -> record.field('U'))
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.qif.noAmount")));
        BigDecimal amount = QifAmounts.parse(amountField.value())
                .orElseThrow(() -> InvalidInput.rejected(Position.line(amountField.line()), QifAmounts.EXPECTED));
        Optional<String> payee = record.field('P').map(field -> shortened(field.value(), 512));
        Optional<String> memo = record.field('M').map(QifRecord.Field::value);
        String label = payee.or(() -> memo).map(text -> shortened(text, 512)).orElse("");
        BankTransaction payload = InvalidInput.rejecting(position, () -> new BankTransaction(shortened(account, 64), date,
                Optional.empty(), amount, NO_CURRENCY, label, payee,
                record.field('N').map(field -> shortened(field.value(), 255)),
                fullMemo(record), Optional.empty(), category(record)));
        return RecordDraft.of(TimeSpan.day(date, zone), payload, position);
    }

    private static Optional<String> fullMemo(QifRecord record) {
        StringJoiner memo = new StringJoiner("; ");
        record.field('M').ifPresent(field -> memo.add(field.value()));
        if (!record.address().isEmpty()) {
            memo.add("address: " + String.join(", ", record.address()));
        }
        for (QifRecord.Split split : record.splits()) {
            StringJoiner part = new StringJoiner(" ", "split: ", "");
            // Quicken's own example writes a split amount as $=746.36; the sign of equality is not part of it.
            String amount = QifAmounts.parse(split.amount().replace("=", "")).map(BigDecimal::toPlainString)
                    .orElse(split.amount());
            List.of(split.category(), amount, split.memo()).stream().filter(text -> !text.isEmpty()).forEach(part::add);
            memo.add(part.toString());
        }
        return memo.length() == 0 ? Optional.empty() : Optional.of(shortened(memo.toString(), MAXIMUM_MEMO_LENGTH));
    }

    private static Optional<String> category(QifRecord record) {
        Optional<String> own = record.field('L').map(QifRecord.Field::value);
        if (own.isPresent() || record.splits().isEmpty()) {
            return own.map(text -> shortened(text, 255));
        }
        StringJoiner categories = new StringJoiner(", ");
        record.splits().stream().map(QifRecord.Split::category).filter(text -> !text.isEmpty()).distinct()
                .forEach(categories::add);
        return categories.length() == 0 ? Optional.empty() : Optional.of(shortened(categories.toString(), 255));
    }

    private static String shortened(String text, int maximumLength) {
        return text.length() <= maximumLength ? text : text.substring(0, maximumLength - 1) + "…";
    }

    private Optional<String> nextLine() {
        if (pushedBack.isPresent()) {
            Optional<String> line = pushedBack;
            pushedBack = Optional.empty();
            return line;
        }
        return lines.next();
    }

    // The line is read again next, and lines.number() still counts it: no other line is read in between.
    private void pushBack(String line) {
        pushedBack = Optional.of(line);
    }
}
