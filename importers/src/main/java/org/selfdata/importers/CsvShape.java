package org.selfdata.importers;

import org.selfdata.model.SelfdataException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The shape of a delimited text file, read from its first rows: its delimiter, how many columns its rows have, the
 * lines above them, and its header if it has one.
 *
 * <p>Its {@link #fingerprint()} names the layout of one bank's exports, so that a mapping made for one file reads
 * the next from the same bank: the delimiter, the number of columns and the header's text, never the preamble
 * (which holds an account and a balance) nor any data row.
 *
 * @param header the header's cells, normalized; empty when the file has none
 */
public record CsvShape(char delimiter, int columns, int skipLines, List<String> header) {
    static final List<Character> DELIMITERS = List.of(';', ',', '\t', '|');
    private static final int MAXIMUM_ROWS = 400;

    public CsvShape {
        header = List.copyOf(requireNonNull(header, "header is null"));
    }

    /** The shape of the file these bytes begin, if they read as rows of two columns or more. */
    public static Optional<CsvShape> of(byte[] head) {
        return read(head).map(Shaped::shape);
    }

    public boolean hasHeader() {
        return !header.isEmpty();
    }

    /** 128 bits of SHA-256 over the delimiter, the column count and the header, as hexadecimal digits. */
    public String fingerprint() {
        String canonical = "csv-shape/1\u0000" + delimiter + "\u0000" + columns + "\u0000" + String.join("\u0000", header);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 16));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * A file's shape and its rows from the first that has the file's number of columns on: the header, if any, then
     * the data.
     */
    record Shaped(CsvShape shape, List<CsvRow> rows) {
        List<CsvRow> data() {
            return shape.hasHeader() ? rows.subList(1, rows.size()) : rows;
        }
    }

    /**
     * The delimiter whose rows most often have one same number of cells wins; on a tie, the one that gives more cells
     * (a semicolon file's decimal commas split every row in two, too), then the usual order.
     */
    static Optional<Shaped> read(byte[] head) {
        return DELIMITERS.stream()
                .map(delimiter -> candidate(head, delimiter))
                .flatMap(Optional::stream)
                .max(Comparator.comparingDouble(Candidate::consistency).thenComparingInt(Candidate::columns)
                        .thenComparing(candidate -> -DELIMITERS.indexOf(candidate.delimiter())))
                .map(Candidate::shaped);
    }

    private record Candidate(char delimiter, int columns, double consistency, List<CsvRow> rows) {
        Shaped shaped() {
            List<CsvRow> aligned = rows.stream().dropWhile(row -> row.cells().size() != columns)
                    .filter(row -> row.cells().size() == columns).toList();
            CsvRow first = aligned.getFirst();
            boolean header = aligned.size() > 1 && first.cells().stream().noneMatch(cell -> CellKinds.isAnyDate(cell)
                    || CellKinds.isAmount(cell)) && aligned.stream().skip(1)
                    .anyMatch(row -> row.cells().stream().anyMatch(CellKinds::isAnyDate));
            List<String> names = header ? first.cells().stream().map(HeaderText::normalize).toList() : List.of();
            return new Shaped(new CsvShape(delimiter, columns, (int) first.line() - 1, names), aligned);
        }
    }

    private static Optional<Candidate> candidate(byte[] head, char delimiter) {
        List<CsvRow> rows = rows(head, delimiter).stream().filter(row -> !row.isBlank()).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, Long> counts = rows.stream().collect(Collectors.groupingBy(row -> row.cells().size(),
                Collectors.counting()));
        Map.Entry<Integer, Long> modal = counts.entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey())).orElseThrow();
        if (modal.getKey() < 2) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(delimiter, modal.getKey(), (double) modal.getValue() / rows.size(), rows));
    }

    /** The whole rows at the start of the head: a head cut short of its file ends inside a row, which is left out. */
    static List<CsvRow> rows(byte[] head, char delimiter) {
        byte[] whole = wholeLines(head);
        List<CsvRow> rows = new ArrayList<>();
        try (CsvRows reader = new CsvRows(new Utf8OrCp1252Reader(new ByteArrayInputStream(whole)), delimiter)) {
            for (Optional<CsvRow> row = reader.next(); row.isPresent() && rows.size() < MAXIMUM_ROWS; row = reader.next()) {
                rows.add(row.get());
            }
        }
        catch (SelfdataException e) {
            // A row that cannot be read ends what the head tells: the rows before it are the shape's.
        }
        return rows;
    }

    /** The head up to its last line end when it fills {@link Sniff#HEAD_SIZE}, as a file may go on past it. */
    static byte[] wholeLines(byte[] head) {
        return head.length < Sniff.HEAD_SIZE ? head : Arrays.copyOf(head, lastLineEnd(head) + 1);
    }

    private static int lastLineEnd(byte[] head) {
        for (int index = head.length - 1; index >= 0; index--) {
            if (head[index] == '\n' || head[index] == '\r') {
                return index;
            }
        }
        return head.length - 1;
    }

    /** The cells of one column of these rows, stripped. */
    static List<String> column(List<CsvRow> rows, int index) {
        return rows.stream().map(row -> row.cell(index).strip()).toList();
    }
}
