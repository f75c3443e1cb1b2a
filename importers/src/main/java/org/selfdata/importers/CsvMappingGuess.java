package org.selfdata.importers;

import org.selfdata.importers.CsvMapping.DecimalMark;
import org.selfdata.importers.CsvMapping.Field;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * A {@link CsvMapping} guessed from the first rows of a delimited text file no importer recognizes, such as a French
 * bank's export without a header: the delimiter, the header if there is one, the date column and its pattern, the
 * amount column or the debit and credit pair, the decimal mark and the label column.
 *
 * <p>A guess, to be shown and corrected: the command line prints it as a mapping file, the import page as a form.
 * Where a header names its columns (Date, Libellé, Débit, Crédit), the names decide; elsewhere the cells do, and
 * the dates and amounts they hold tell the columns apart.
 */
public final class CsvMappingGuess {
    private static final double MOSTLY = 0.9;
    private static final int PREVIEW_ROWS = 10;

    private final CsvShape shape;
    private final CsvMapping mapping;
    private final List<List<String>> preview;
    private final String encoding;

    private CsvMappingGuess(CsvShape shape, CsvMapping mapping, List<List<String>> preview, String encoding) {
        this.shape = shape;
        this.mapping = mapping;
        this.preview = preview;
        this.encoding = encoding;
    }

    /** The mapping these first bytes of a file suggest, if they hold rows with a date and an amount. */
    public static Optional<CsvMappingGuess> of(byte[] head) {
        requireNonNull(head, "head is null");
        Optional<CsvShape.Shaped> shaped = CsvShape.read(head);
        if (shaped.isEmpty() || shaped.get().data().isEmpty()) {
            return Optional.empty();
        }
        return new Columns(shaped.get()).fields().map(fields -> new CsvMappingGuess(shaped.get().shape(),
                mapping(shaped.get(), fields), preview(shaped.get()), encoding(head)));
    }

    public CsvShape shape() {
        return shape;
    }

    public CsvMapping mapping() {
        return mapping;
    }

    /** The first rows from the header (or the first data row) on, cell by cell: the person's own, for their eyes. */
    public List<List<String>> preview() {
        return preview;
    }

    /** {@code UTF-8} where the bytes are valid UTF-8, {@code windows-1252} elsewhere, as the mapping reads them. */
    public String encoding() {
        return encoding;
    }

    private static CsvMapping mapping(CsvShape.Shaped shaped, Fields fields) {
        CsvShape shape = shaped.shape();
        CsvMapping.Builder builder = CsvMapping.builder().delimiter(shape.delimiter()).header(shape.hasHeader())
                .skipLines(shape.skipLines()).datePattern(fields.datePattern()).decimalMark(fields.decimalMark());
        List<String> names = shape.hasHeader() ? shaped.rows().getFirst().cells().stream().map(String::strip).toList()
                : List.of();
        List<String> normalized = names.stream().map(HeaderText::normalize).toList();
        boolean byName = !names.isEmpty() && fields.columns().values().stream().allMatch(index -> !names.get(index).isBlank()
                && normalized.indexOf(normalized.get(index)) == normalized.lastIndexOf(normalized.get(index))
                && !names.get(index).matches("\\d{1,4}"));
        fields.columns().forEach((field, index) -> builder.column(field, byName ? names.get(index)
                : Integer.toString(index + 1)));
        return builder.build();
    }

    private static List<List<String>> preview(CsvShape.Shaped shaped) {
        return shaped.rows().stream().limit(PREVIEW_ROWS).map(CsvRow::cells).toList();
    }

    private static String encoding(byte[] head) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, Math.max(0, head.length - 3)));
            return "UTF-8";
        }
        catch (CharacterCodingException e) {
            return "windows-1252";
        }
    }

    /** The columns chosen, and how their dates and amounts are written. */
    private record Fields(Map<Field, Integer> columns, String datePattern, DecimalMark decimalMark) {}

    /** Looks at each column of the data rows in turn: dates first, then amounts, then what is left. */
    private static final class Columns {
        private static final Set<String> LABEL_NAMES = Set.of("libelle", "label", "description", "intitule", "operation",
                "libelle simplifie", "libelle operation", "detail");

        private final List<CsvRow> data;
        private final List<String> names;
        private final int count;
        private final Map<Field, Integer> chosen = new EnumMap<>(Field.class);

        Columns(CsvShape.Shaped shaped) {
            this.data = shaped.data();
            this.names = shaped.shape().header();
            this.count = shaped.shape().columns();
        }

        Optional<Fields> fields() {
            Optional<Integer> pattern = dates();
            if (pattern.isEmpty() || !amounts()) {
                return Optional.empty();
            }
            account();
            label();
            return Optional.of(new Fields(chosen, CellKinds.DATE_PATTERNS.get(pattern.get()), decimalMark()));
        }

        /** The booking date is the first column of dates, or the one a header names so; a second is the value date. */
        private Optional<Integer> dates() {
            List<DateColumn> columns = IntStream.range(0, count).boxed()
                    .flatMap(index -> datePattern(index).map(pattern -> new DateColumn(index, pattern)).stream()).toList();
            if (columns.isEmpty()) {
                return Optional.empty();
            }
            DateColumn date = columns.stream().filter(column -> !named(column.index(), "valeur", "value"))
                    .findFirst().orElse(columns.getFirst());
            chosen.put(Field.DATE, date.index());
            columns.stream().filter(column -> column.index() != date.index() && column.pattern() == date.pattern())
                    .findFirst().ifPresent(column -> chosen.put(Field.VALUE_DATE, column.index()));
            return Optional.of(date.pattern());
        }

        private record DateColumn(int index, int pattern) {}

        private Optional<Integer> datePattern(int index) {
            List<String> cells = filled(index);
            if (cells.size() < data.size() / 2.0) {
                return Optional.empty();
            }
            return IntStream.range(0, CellKinds.DATE_PATTERNS.size()).boxed()
                    .filter(pattern -> cells.stream().filter(cell -> CellKinds.isDate(cell, pattern)).count()
                            >= MOSTLY * cells.size())
                    .findFirst();
        }

        /**
         * One column of signed amounts, or money out and money in in two columns of their own, where each row fills
         * one of them; a header's names decide first.
         */
        private boolean amounts() {
            List<Integer> columns = IntStream.range(0, count).filter(index -> !chosen.containsValue(index))
                    .filter(this::isAmountColumn).boxed().toList();
            Optional<Integer> debit = columns.stream().filter(index -> named(index, "debit")).findFirst();
            Optional<Integer> credit = columns.stream().filter(index -> named(index, "credit")).findFirst();
            Optional<Integer> amount = columns.stream().filter(index -> named(index, "montant", "amount", "somme"))
                    .findFirst();
            if (amount.isEmpty() && debit.isPresent() && credit.isPresent()) {
                return pair(debit.get(), credit.get());
            }
            if (amount.isPresent()) {
                chosen.put(Field.AMOUNT, amount.get());
                return true;
            }
            for (int first = 0; first < columns.size(); first++) {
                for (int second = first + 1; second < columns.size(); second++) {
                    if (complementary(columns.get(first), columns.get(second))) {
                        return pair(columns.get(first), columns.get(second));
                    }
                }
            }
            List<Integer> full = columns.stream().filter(index -> filled(index).size() >= MOSTLY * data.size()).toList();
            Optional<Integer> signed = full.stream()
                    .filter(index -> filled(index).stream().anyMatch(cell -> cell.startsWith("-") || cell.endsWith("-")))
                    .findFirst();
            Optional<Integer> single = signed.or(() -> full.stream().findFirst());
            single.ifPresent(index -> chosen.put(Field.AMOUNT, index));
            return single.isPresent();
        }

        private boolean pair(int debit, int credit) {
            chosen.put(Field.DEBIT, debit);
            chosen.put(Field.CREDIT, credit);
            return true;
        }

        private boolean isAmountColumn(int index) {
            List<String> cells = filled(index);
            return !cells.isEmpty() && cells.stream().filter(CellKinds::isAmount).count() >= MOSTLY * cells.size()
                    && cells.stream().anyMatch(cell -> CellKinds.hasDecimals(cell) || cell.startsWith("-"));
        }

        private boolean complementary(int first, int second) {
            long one = data.stream().filter(row -> row.cell(first).isBlank() != row.cell(second).isBlank()).count();
            return one >= MOSTLY * data.size() && !filled(first).isEmpty() && !filled(second).isEmpty();
        }

        /** A column that repeats one long number on every row names the account (Banque Populaire's exports). */
        private void account() {
            IntStream.range(0, count).filter(index -> !chosen.containsValue(index)).filter(index -> {
                List<String> cells = filled(index);
                return cells.size() == data.size() && cells.stream().distinct().count() == 1
                        && cells.getFirst().matches("[A-Z0-9 ]{8,34}") && cells.getFirst().replaceAll("\\D", "").length() >= 8;
            }).findFirst().ifPresent(index -> chosen.put(Field.ACCOUNT, index));
        }

        /** The label is the column a header names so or, without one, the column of the longest texts. */
        private void label() {
            List<Integer> texts = IntStream.range(0, count).filter(index -> !chosen.containsValue(index))
                    .filter(index -> filled(index).stream().filter(CellKinds::hasLetters).count()
                            >= filled(index).size() / 2.0 && !filled(index).isEmpty())
                    .boxed().toList();
            texts.stream().filter(index -> index < names.size() && LABEL_NAMES.contains(names.get(index))).findFirst()
                    .or(() -> texts.stream().max((first, second) -> Double.compare(meanLength(first), meanLength(second))))
                    .ifPresent(index -> chosen.put(Field.LABEL, index));
        }

        private double meanLength(int index) {
            return filled(index).stream().mapToInt(String::length).average().orElse(0);
        }

        /** A comma wins when the amounts' decimals are mostly after one, a point likewise; otherwise either reads. */
        private DecimalMark decimalMark() {
            long commas = 0;
            long points = 0;
            for (Field field : List.of(Field.AMOUNT, Field.DEBIT, Field.CREDIT)) {
                if (chosen.containsKey(field)) {
                    for (String cell : filled(chosen.get(field))) {
                        Optional<Character> mark = CellKinds.decimalMark(cell);
                        commas += mark.filter(character -> character == ',').isPresent() ? 1 : 0;
                        points += mark.filter(character -> character == '.').isPresent() ? 1 : 0;
                    }
                }
            }
            return commas > points ? DecimalMark.COMMA : points > commas ? DecimalMark.POINT : DecimalMark.AUTO;
        }

        private boolean named(int index, String... words) {
            if (index >= names.size()) {
                return false;
            }
            for (String word : words) {
                if (names.get(index).contains(word)) {
                    return true;
                }
            }
            return false;
        }

        private List<String> filled(int index) {
            return CsvShape.column(data, index).stream().filter(cell -> !cell.isEmpty()).toList();
        }
    }
}
