package org.selfdata.vault;

import org.selfdata.texts.Wording;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Merges per-type scans into the vault's one order: by id, that is time, then type, then number. */
final class RecordMerge<R> implements AutoCloseable {
    private final List<TypeScan<R>> scans;
    private final PriorityQueue<TypeScan<R>> waiting = new PriorityQueue<>(Comparator.comparing(TypeScan::headId));

    RecordMerge(List<TypeScan<R>> scans) {
        this.scans = List.copyOf(scans);
        scans.stream().filter(scan -> scan.head() != null).forEach(waiting::add);
    }

    /** The next row in order, or null when every scan is done. */
    R next() throws SQLException {
        TypeScan<R> scan = waiting.poll();
        if (scan == null) {
            return null;
        }
        R row = scan.head();
        scan.advance();
        if (scan.head() != null) {
            waiting.add(scan);
        }
        return row;
    }

    /** The rows that remain, in order, as a stream that reads them as it goes; closing it is left to the merge's owner. */
    Stream<R> stream() {
        Iterator<R> rows = new Iterator<>() {
            private R next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public R next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                R current = next;
                next = advance();
                return current;
            }

            private R advance() {
                try {
                    return RecordMerge.this.next();
                }
                catch (SQLException e) {
                    throw Database.failure(e, Wording.of("error.vault.doing.readingRecords"));
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public void close() {
        scans.forEach(TypeScan::close);
    }
}
