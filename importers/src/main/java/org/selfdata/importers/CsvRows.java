package org.selfdata.importers;

import org.selfdata.model.Rejection;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The rows of a CSV file, read one at a time: RFC 4180 quoting (a quoted cell may hold the delimiter, {@code ""}
 * and line ends), any line end (LF, CRLF, CR), any one-character delimiter.
 *
 * <p>Written here rather than taken from a library because bank files need three things at once: the number of the
 * line each row starts on (for positions), bounds on what one row may hold (a stray quote must not make a row
 * swallow a whole file into memory), and leniency about quotes inside unquoted cells (Société Générale writes its
 * account as {@code ="0001234"}). A quote that opens a cell is a quote; anywhere else it is a character like any.
 * A byte-order mark left by the decoder at the start of the first cell is dropped.
 *
 * <p>The text of the last row read is kept as the file wrote it, and so is the text above the data (preamble and
 * header, until {@link #headText()} is asked for): a rejected row is quarantined with both, which together read as a
 * file of one row that its owner can correct and import again.
 */
final class CsvRows implements AutoCloseable {
    /** The most characters one row may hold, quoted line ends included: a label spanning a few lines fits easily. */
    static final int MAXIMUM_ROW_LENGTH = 256 * 1024;
    private static final int MAXIMUM_CELLS = 4096;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Reader reader;
    private final char delimiter;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private boolean endOfInput;
    private long line = 1;
    private boolean firstRow = true;
    private final StringBuilder rowText = new StringBuilder();
    private final StringBuilder head = new StringBuilder();
    private boolean keepingHead = true;

    CsvRows(Reader reader, char delimiter) {
        this.reader = requireNonNull(reader, "reader is null");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line end");
        }
        this.delimiter = delimiter;
    }

    /** Skips whole lines, quotes or not: preambles are not always valid CSV. */
    void skipLines(int count) {
        for (int skipped = 0; skipped < count; skipped++) {
            int character = read();
            while (character >= 0 && character != '\n' && character != '\r') {
                character = read();
            }
            if (character < 0) {
                return;
            }
            endLine(character);
            firstRow = false;
        }
    }

    /** The next row, or nothing at the end of the file. An empty line is a row of one empty cell. */
    Optional<CsvRow> next() {
        rowText.setLength(0);
        long start = line;
        int character = read();
        if (character < 0) {
            return Optional.empty();
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean atCellStart = true;
        int length = 0;
        while (true) {
            if (++length > MAXIMUM_ROW_LENGTH) {
                throw InvalidInput.at("line " + start, Wording.of("error.csv.rowTooLong", String.valueOf(MAXIMUM_ROW_LENGTH)));
            }
            if (character < 0) {
                if (quoted) {
                    throw InvalidInput.at("line " + start, Wording.of("error.csv.quoteNotClosed"));
                }
                return Optional.of(row(start, cells, cell));
            }
            if (quoted) {
                if (character == '"') {
                    if (peek() == '"') {
                        read();
                        cell.append('"');
                    }
                    else {
                        quoted = false;
                    }
                }
                else if (character == '\n' || character == '\r') {
                    endLine(character);
                    cell.append('\n');
                }
                else {
                    cell.append((char) character);
                }
            }
            else if (character == delimiter) {
                addCell(start, cells, cell);
                atCellStart = true;
                character = read();
                continue;
            }
            else if (character == '\n' || character == '\r') {
                endLine(character);
                return Optional.of(row(start, cells, cell));
            }
            else if (character == '"' && atCellStart) {
                quoted = true;
            }
            else {
                cell.append((char) character);
            }
            atCellStart = false;
            character = read();
        }
    }

    private CsvRow row(long start, List<String> cells, StringBuilder cell) {
        addCell(start, cells, cell);
        if (firstRow && !cells.getFirst().isEmpty() && cells.getFirst().charAt(0) == BYTE_ORDER_MARK) {
            cells.set(0, cells.getFirst().substring(1));
        }
        firstRow = false;
        return new CsvRow(start, cells);
    }

    private void addCell(long start, List<String> cells, StringBuilder cell) {
        if (cells.size() == MAXIMUM_CELLS) {
            throw InvalidInput.at("line " + start, Wording.of("error.csv.tooManyCells", String.valueOf(MAXIMUM_CELLS)));
        }
        cells.add(cell.toString());
        cell.setLength(0);
    }

    private void endLine(int character) {
        if (character == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int read() {
        if (position == limit && !fill()) {
            return -1;
        }
        char character = buffer[position++];
        rowText.append(character);
        if (keepingHead) {
            head.append(character);
            keepingHead = head.length() <= Rejection.MAXIMUM_TEXT_LENGTH;
            if (!keepingHead) {
                head.setLength(0);
            }
        }
        return character;
    }

    /** The last row {@link #next()} gave, as the file wrote it, quotes and delimiters included, without its line end. */
    String rowText() {
        int end = rowText.length();
        while (end > 0 && (rowText.charAt(end - 1) == '\n' || rowText.charAt(end - 1) == '\r')) {
            end--;
        }
        return rowText.substring(0, end);
    }

    /**
     * Everything read so far, as the file wrote it, line ends included and byte-order mark left out: asked once the
     * preamble and header are read, before the data. Nothing when it was too long to keep; it is not kept after.
     */
    Optional<String> headText() {
        Optional<String> text = keepingHead ? Optional.of(head.toString()) : Optional.empty();
        keepingHead = false;
        head.setLength(0);
        head.trimToSize();
        return text.map(kept -> !kept.isEmpty() && kept.charAt(0) == BYTE_ORDER_MARK ? kept.substring(1) : kept);
    }

    private int peek() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() {
        if (endOfInput) {
            return false;
        }
        try {
            int count = reader.read(buffer, 0, buffer.length);
            while (count == 0) {
                count = reader.read(buffer, 0, buffer.length);
            }
            if (count < 0) {
                endOfInput = true;
                return false;
            }
            position = 0;
            limit = count;
            return true;
        }
        catch (IOException e) {
            throw InvalidInput.unreadable("line " + line, e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        }
        catch (IOException e) {
            throw InvalidInput.unreadable("line " + line, e);
        }
    }
}
