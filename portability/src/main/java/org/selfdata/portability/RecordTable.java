package org.selfdata.portability;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One type's records as a CSV table, exactly as the export writes them, for surfaces that list records as CSV. Only
 * types whose payload is all scalars have a table: a payload with lists has no single row to be.
 */
public final class RecordTable implements AutoCloseable {
    private final TableWriter writer;

    private RecordTable(TableWriter writer) {
        this.writer = requireNonNull(writer, "writer is null");
    }

    public static boolean isTabular(RecordType type) {
        return TableColumns.of(type).isPresent();
    }

    /** Starts a table on the output, header first; the output is flushed, not closed, when the table is. */
    public static RecordTable open(RecordType type, OutputStream output) {
        TableColumns columns = TableColumns.of(type).orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.portability.noTable", String.valueOf(type), Arrays.stream(RecordType.values())
                        .filter(RecordTable::isTabular).map(RecordType::id).collect(Collectors.joining(", ")))));
        try {
            return new RecordTable(new TableWriter(columns, new NotClosing(output)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(StoredRecord record) {
        try {
            writer.write(record);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves the caller's stream open: a table on standard output must not close it. */
    private static final class NotClosing extends java.io.FilterOutputStream {
        NotClosing(OutputStream output) {
            super(output);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
