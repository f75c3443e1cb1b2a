package org.selfdata.vault;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Merges per-type scans into the vault's one order: by id, that is time, then type, then number. */
final class RecordMerge implements AutoCloseable {
    private final List<TypeScan> scans;
    private final PriorityQueue<TypeScan> waiting = new PriorityQueue<>(Comparator.comparing(scan -> scan.head().id()));

    RecordMerge(List<TypeScan> scans) {
        this.scans = List.copyOf(scans);
        scans.stream().filter(scan -> scan.head() != null).forEach(waiting::add);
    }

    /** The next row in order, or null when every scan is done. */
    SealedRecordRow next() throws SQLException {
        TypeScan scan = waiting.poll();
        if (scan == null) {
            return null;
        }
        SealedRecordRow row = scan.head();
        scan.advance();
        if (scan.head() != null) {
            waiting.add(scan);
        }
        return row;
    }

    @Override
    public void close() {
        scans.forEach(TypeScan::close);
    }
}
