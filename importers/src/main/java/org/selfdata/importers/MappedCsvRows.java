package org.selfdata.importers;

import org.selfdata.importers.CsvMapping.Column;
import org.selfdata.importers.CsvMapping.Field;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Reads bank transactions from the data rows of a CSV file, one per row, as a {@link CsvMapping} says.
 *
 * <p>Blank rows are skipped, and so are rows with neither a date nor an amount (totals, notes, section titles that
 * some banks put between operations) and repeated header rows: they describe no operation. A row with a date but an
 * unreadable amount, or an amount but an unreadable date, is rejected on its own, and reading goes on. Labels that
 * span several lines (Crédit Agricole) are joined into one line. Where the mapping decodes HTML entities, a cell
 * that an unquoted {@code &amp;} split in two is joined back first.
 */
final class MappedCsvRows implements RecordReader {
    private static final Pattern UNFINISHED_ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8})$");

    /** Patterns such as {@code uuuu} read years of any length: a bank's dates fall within four digits. */
    static final int FIRST_YEAR = 1000;
    static final int LAST_YEAR = 9999;

    private final CsvRows rows;
    private final CsvMapping mapping;
    private final Map<Field, Integer> indexes;
    private final ZoneId zone;
    private final String account;
    private final Optional<String> head;

    /**
     * @param indexes the 0-based position of each mapped column, from {@link #indexes(CsvMapping, CsvRow)} or
     *     {@link #numbered(CsvMapping)}
     */
    MappedCsvRows(CsvRows rows, CsvMapping mapping, Map<Field, Integer> indexes, ZoneId zone) {
        this.rows = requireNonNull(rows, "rows is null");
        this.mapping = requireNonNull(mapping, "mapping is null");
        this.indexes = Map.copyOf(indexes);
        this.zone = requireNonNull(zone, "zone is null");
        this.account = mapping.account().orElse(CsvMapping.UNKNOWN_ACCOUNT);
        this.head = rows.headText();
    }

    /** Where each mapped column is in a file whose header is this row; nothing when the row lacks a named column. */
    static Optional<Map<Field, Integer>> indexes(CsvMapping mapping, CsvRow header) {
        List<String> names = header.cells().stream().map(HeaderText::normalize).toList();
        Map<Field, Integer> indexes = new EnumMap<>(Field.class);
        for (Map.Entry<Field, Column> entry : mapping.columns().entrySet()) {
            Column column = entry.getValue();
            int index = column.name().map(name -> names.indexOf(HeaderText.normalize(name))).orElse(column.number() - 1);
            if (index < 0) {
                return Optional.empty();
            }
            indexes.put(entry.getKey(), index);
        }
        return Optional.of(indexes);
    }

    /** Where each mapped column is in a file without a header, whose columns the mapping names by number. */
    static Map<Field, Integer> numbered(CsvMapping mapping) {
        Map<Field, Integer> indexes = new EnumMap<>(Field.class);
        mapping.columns().forEach((field, column) -> indexes.put(field, column.number() - 1));
        return indexes;
    }

    /** The named columns, for a message saying which header was expected. */
    static String columnNames(CsvMapping mapping) {
        return mapping.columns().values().stream()
                .flatMap(column -> column.name().stream())
                .map(HeaderText::quotable)
                .sorted()
                .collect(Collectors.joining(", "));
    }

    @Override
    public Optional<RecordDraft> read() {
        for (Optional<CsvRow> row = rows.next(); row.isPresent(); row = rows.next()) {
            if (!row.get().isBlank()) {
                Optional<RecordDraft> draft = withText(row.get());
                if (draft.isPresent()) {
                    return draft;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A rejected row keeps its text, below the file's preamble and header: a file of one row that reads like the
     * original, which its owner can correct and import again. Without a head that was kept, the row alone.
     */
    private Optional<RecordDraft> withText(CsvRow row) {
        try {
            return draft(row);
        }
        catch (RejectedRecord rejected) {
            throw rejected.withText(head.orElse("") + rows.rowText());
        }
    }

    private Optional<RecordDraft> draft(CsvRow cells) {
        CsvRow row = mapping.htmlEntities() ? rejoinEntities(cells, mapping.delimiter()) : cells;
        Position position = Position.line(row.line());
        Optional<String> dateText = text(row, Field.DATE);
        List<Field> amountFields = List.of(Field.AMOUNT, Field.DEBIT, Field.CREDIT);
        boolean noAmount = amountFields.stream().allMatch(field -> text(row, field).isEmpty());
        if (dateText.isEmpty() && noAmount || repeatsHeader(dateText)) {
            return Optional.empty();
        }
        LocalDate date = date(row, Field.DATE, position)
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.csv.date",
                        String.valueOf(mapping.datePattern()), column(Field.DATE))));
        Optional<LocalDate> valueDate = date(row, Field.VALUE_DATE, position);
        BigDecimal amount = amount(row, position);
        String currency = currency(row, position);
        String accountNumber = text(row, Field.ACCOUNT).orElse(account);
        BankTransaction transaction = InvalidInput.rejecting(position, () -> new BankTransaction(accountNumber, date,
                valueDate, amount, currency, text(row, Field.LABEL).orElse(""), text(row, Field.COUNTERPARTY),
                text(row, Field.REFERENCE), text(row, Field.MEMO), text(row, Field.KIND), text(row, Field.CATEGORY)));
        return Optional.of(RecordDraft.of(TimeSpan.day(date, zone), transaction, position));
    }

    /** Files concatenated from several exports repeat the header row: it is no operation either. */
    private boolean repeatsHeader(Optional<String> dateText) {
        Optional<String> header = mapping.column(Field.DATE).flatMap(Column::name).map(HeaderText::normalize);
        return header.isPresent() && dateText.map(HeaderText::normalize).equals(header);
    }

    /**
     * Puts back together the cells that the semicolon of a character reference split: files that write
     * {@code &amp;} in a cell without quoting it (BNP Paribas) break it in two.
     */
    static CsvRow rejoinEntities(CsvRow row, char delimiter) {
        List<String> cells = new ArrayList<>(row.cells().size());
        for (String cell : row.cells()) {
            if (!cells.isEmpty() && UNFINISHED_ENTITY.matcher(cells.getLast()).find()) {
                cells.set(cells.size() - 1, cells.getLast() + delimiter + cell);
            }
            else {
                cells.add(cell);
            }
        }
        return cells.size() == row.cells().size() ? row : new CsvRow(row.line(), cells);
    }

    private Optional<LocalDate> date(CsvRow row, Field field, Position position) {
        Optional<String> text = text(row, field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.get(), mapping.dateFormat());
            if (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) {
                return Optional.of(date);
            }
        }
        catch (DateTimeParseException e) {
            // reported below, like a year no bank writes
        }
        throw InvalidInput.rejected(position, Wording.of("error.csv.date", String.valueOf(mapping.datePattern()),
                column(field)));
    }

    private BigDecimal amount(CsvRow row, Position position) {
        if (indexes.containsKey(Field.AMOUNT)) {
            return number(row, Field.AMOUNT, position)
                    .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.csv.amount",
                            column(Field.AMOUNT))));
        }
        Optional<BigDecimal> debit = number(row, Field.DEBIT, position);
        Optional<BigDecimal> credit = number(row, Field.CREDIT, position);
        if (debit.isEmpty() && credit.isEmpty()) {
            List<Wording> columns = Arrays.stream(new Field[] {Field.DEBIT, Field.CREDIT})
                    .filter(indexes::containsKey).map(this::column).toList();
            throw InvalidInput.rejected(position, Wording.of("error.csv.amount", columns.size() == 1 ? columns.getFirst()
                    : Wording.of("error.csv.eitherColumn", columns.getFirst(), columns.getLast())));
        }
        // Money out is money out whether the bank writes it 12,50 (Crédit Agricole) or -12,50 (BPCE).
        return credit.orElse(BigDecimal.ZERO).subtract(debit.map(BigDecimal::abs).orElse(BigDecimal.ZERO));
    }

    private Optional<BigDecimal> number(CsvRow row, Field field, Position position) {
        Optional<String> text = text(row, field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AmountText.parse(text.get(), mapping.decimalMark())
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.csv.amountSuchAs",
                        column(field)))));
    }

    private String currency(CsvRow row, Position position) {
        Optional<String> text = text(row, Field.CURRENCY).map(code -> code.equals("€") ? "EUR" : code.toUpperCase(Locale.ROOT));
        if (text.isPresent() && !text.get().matches("[A-Z]{3}")) {
            throw InvalidInput.rejected(position, Wording.of("error.csv.currency", column(Field.CURRENCY)));
        }
        return text.orElse(mapping.currency());
    }

    /** The cell's text on one line, stripped; nothing when the column is not mapped or the cell is blank. */
    private Optional<String> text(CsvRow row, Field field) {
        Integer index = indexes.get(field);
        if (index == null) {
            return Optional.empty();
        }
        String text = row.cell(index);
        if (mapping.htmlEntities()) {
            text = Entities.decode(text);
        }
        String oneLine = text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining(" "));
        return oneLine.isEmpty() ? Optional.empty() : Optional.of(oneLine);
    }

    private Wording column(Field field) {
        return mapping.column(field).map(Column::wording).orElse(Wording.of("error.csv.field", field.key()));
    }
}
