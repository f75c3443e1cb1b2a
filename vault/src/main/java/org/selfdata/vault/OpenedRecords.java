package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Records opened ahead: while the caller's thread reads the next chunks of rows from the database, other threads open
 * the chunks before them, two at a time so that every core has work. Decrypting takes about as long as reading, so
 * on two cores a long read runs at the speed of the slower half rather than of both added together. Short reads,
 * pages of the API, are opened on the caller's thread.
 */
final class OpenedRecords implements Iterator<StoredRecord>, AutoCloseable {
    private static final int CHUNK = 1_024;
    private static final int CHUNKS_AHEAD = 2;

    private record Opening(List<SealedRecordRow> rows, List<SourceKeys> keys) {}

    /** Where sealed rows come from, in order, on the caller's thread: a merge of scans, or rows already read. */
    @FunctionalInterface
    interface Rows {
        /** The next row, or null when there is none. */
        SealedRecordRow next() throws SQLException;
    }

    private final Rows merge;
    private final Records.RecordOpener opener;
    private final ExecutorService opening;
    private Iterator<StoredRecord> current = Collections.emptyIterator();
    private final Deque<Future<List<StoredRecord>>> ahead = new ArrayDeque<>();
    private final boolean opensAhead;
    private boolean exhausted;

    OpenedRecords(Rows merge, Records.RecordOpener opener, ExecutorService opening, int limit) {
        this.merge = merge;
        this.opener = opener;
        this.opening = opening;
        this.opensAhead = limit > CHUNK;
    }

    Stream<StoredRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (ahead.isEmpty() && exhausted) {
                return false;
            }
            current = take().iterator();
        }
        return true;
    }

    @Override
    public StoredRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    private List<StoredRecord> take() {
        if (!opensAhead) {
            return open(read());
        }
        while (ahead.size() < CHUNKS_AHEAD && !exhausted) {
            ahead.addLast(submit(read()));
        }
        return await(ahead.removeFirst());
    }

    /** Reads a chunk of rows and fetches their sources' keys, on the caller's thread, which owns the connection. */
    private Opening read() {
        List<SealedRecordRow> rows = new ArrayList<>(CHUNK);
        List<SourceKeys> keys = new ArrayList<>(CHUNK);
        try {
            SealedRecordRow row;
            while (rows.size() < CHUNK && (row = merge.next()) != null) {
                rows.add(row);
                keys.add(opener.keysFor(row));
            }
        }
        catch (SQLException e) {
            throw Database.failure(e, Wording.of("error.vault.doing.readingRecords"));
        }
        exhausted = rows.size() < CHUNK;
        return new Opening(rows, keys);
    }

    private List<StoredRecord> open(Opening chunk) {
        List<StoredRecord> records = new ArrayList<>(chunk.rows().size());
        for (int index = 0; index < chunk.rows().size(); index++) {
            records.add(opener.open(chunk.rows().get(index), chunk.keys().get(index)));
        }
        return records;
    }

    private Future<List<StoredRecord>> submit(Opening chunk) {
        return opening.submit(() -> open(chunk));
    }

    private static List<StoredRecord> await(Future<List<StoredRecord>> future) {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfdataException(ErrorCode.INTERNAL, "reading records was interrupted", e);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new SelfdataException(ErrorCode.INTERNAL, "opening records failed", e.getCause());
        }
    }

    @Override
    public void close() {
        for (Future<List<StoredRecord>> chunk : ahead) {
            chunk.cancel(false);
            try {
                chunk.get();
            }
            catch (Exception e) {
                // Closed early; the chunk being opened is not wanted.
            }
        }
        ahead.clear();
    }
}
