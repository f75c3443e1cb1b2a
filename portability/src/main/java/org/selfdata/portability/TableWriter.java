package org.selfdata.portability;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Writes a type's records as a CSV table: RFC 4180 (commas, CRLF line ends, quotes doubled inside quoted cells),
 * UTF-8 without a byte-order mark, one header row, then one row per record in its current version.
 *
 * <p>A spreadsheet runs a cell that begins with {@code = + - @}, a tab or a carriage return as a formula, and a
 * label from a bank statement can begin that way. Such text cells get a leading apostrophe, which spreadsheets show
 * as text. Numbers are written as the payload's JSON has them and never get one, so {@code -3.30} stays a number.
 */
final class TableWriter implements Closeable {
    private static final String LINE_END = "\r\n";

    private final TableColumns columns;
    private final Writer output;
    private final String[] payloadCells;
    private final boolean[] payloadTexts;

    TableWriter(TableColumns columns, OutputStream output) throws IOException {
        this.columns = requireNonNull(columns, "columns is null");
        this.output = new BufferedWriter(new OutputStreamWriter(requireNonNull(output, "output is null"), UTF_8), 1 << 16);
        this.payloadCells = new String[columns.payloadFields().size()];
        this.payloadTexts = new boolean[payloadCells.length];
        writeRow(columns.header().toArray(String[]::new), new boolean[columns.header().size()]);
    }

    void write(StoredRecord record) throws IOException {
        cell(Long.toString(record.id().number()), false);
        separator();
        // A record without a time has empty start and end cells.
        cell(record.time().span().map(span -> span.start().toString()).orElse(""), false);
        separator();
        cell(record.time().span().map(span -> span.end().toString()).orElse(""), false);
        separator();
        cell(record.category().term(), false);
        separator();
        cell(Long.toString(record.provenance().source().value()), false);
        readPayload(record);
        for (int index = 0; index < payloadCells.length; index++) {
            separator();
            cell(payloadCells[index], payloadTexts[index]);
        }
        output.write(LINE_END);
    }

    /** Spreads the payload's properties over its cells; an absent optional property leaves its cell empty. */
    private void readPayload(StoredRecord record) {
        Arrays.fill(payloadCells, "");
        Arrays.fill(payloadTexts, false);
        try (JsonParser parser = ArchiveJson.parser(record.payloadJson())) {
            parser.nextToken();
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                int index = columns.indexOf(parser.currentName());
                JsonToken value = parser.nextToken();
                if (index < 0 || value.isStructStart()) {
                    throw new SelfdataException(ErrorCode.INTERNAL, "a " + record.type() + " payload does not fit its CSV table");
                }
                payloadCells[index] = parser.getString();
                payloadTexts[index] = value == JsonToken.VALUE_STRING;
            }
        }
    }

    private void writeRow(String[] cells, boolean[] texts) throws IOException {
        for (int index = 0; index < cells.length; index++) {
            if (index > 0) {
                separator();
            }
            cell(cells[index], texts[index]);
        }
        output.write(LINE_END);
    }

    private void separator() throws IOException {
        output.write(',');
    }

    private void cell(String value, boolean text) throws IOException {
        String shown = text && startsLikeAFormula(value) ? "'" + value : value;
        if (needsQuotes(shown)) {
            output.write('"');
            output.write(shown.replace("\"", "\"\""));
            output.write('"');
        }
        else {
            output.write(shown);
        }
    }

    private static boolean startsLikeAFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String value) {
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            if (character == ',' || character == '"' || character == '\r' || character == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        output.close();
    }
}
