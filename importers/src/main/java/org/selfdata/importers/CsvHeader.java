package org.selfdata.importers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A header row found among a file's first rows, with the preamble above it. Bank exports put a few lines about the
 * account (its number, a balance, the period) above the header, and how many varies between banks and versions, so
 * the header is recognized by its cells rather than counted to.
 *
 * @param match what the recognizer made of the header row (the columns' positions, the layout it belongs to)
 * @param preamble the rows above the header, blank ones included
 */
record CsvHeader<T>(T match, CsvRow row, List<CsvRow> preamble) {
    /** How many rows may come before a header: beyond it, the file is not the expected kind. */
    static final int MAXIMUM_PREAMBLE_ROWS = 64;

    CsvHeader {
        requireNonNull(match, "match is null");
        requireNonNull(row, "row is null");
        preamble = List.copyOf(preamble);
    }

    /** Reads rows until one is recognized; nothing when none of the first rows is. */
    static <T> Optional<CsvHeader<T>> search(CsvRows rows, Function<CsvRow, Optional<T>> recognizer) {
        List<CsvRow> preamble = new ArrayList<>();
        for (Optional<CsvRow> row = rows.next(); row.isPresent(); row = rows.next()) {
            Optional<T> match = recognizer.apply(row.get());
            if (match.isPresent()) {
                return Optional.of(new CsvHeader<>(match.get(), row.get(), preamble));
            }
            if (preamble.size() == MAXIMUM_PREAMBLE_ROWS) {
                return Optional.empty();
            }
            preamble.add(row.get());
        }
        return Optional.empty();
    }
}
