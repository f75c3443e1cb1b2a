package org.selfdata.importers;

import org.selfdata.model.RecordDraft;

import java.util.Optional;

/** The parsing half of a {@link ParsedFile}: hands out the next record of a file, or nothing at its end. */
@FunctionalInterface
interface RecordReader {
    Optional<RecordDraft> read();
}
