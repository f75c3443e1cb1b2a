package org.selfdata.importers;

import org.selfdata.model.RecordDraft;

import java.util.List;
import java.util.Optional;

/**
 * The parsing half of a {@link ParsedFile}: hands out the next record of a file, or nothing at its end.
 *
 * <p>A record that cannot be read, once the reader has moved past it, is reported by throwing
 * {@link InvalidInput#rejected}; the next call reads on. A fault the reader cannot move past is thrown as
 * {@link InvalidInput#at} and ends the file.
 */
@FunctionalInterface
interface RecordReader {
    Optional<RecordDraft> read();

    /** What the reading noticed so far, for {@link ParsedFile#notes()}. */
    default List<FileNote> notes() {
        return List.of();
    }
}
