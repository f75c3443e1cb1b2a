package org.selfdata.model;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One import of one file into one source. A batch is written whole or not at all: there is no half-imported
 * batch to find after a crash.
 *
 * @param format the importer's format name, such as {@code ofx} or {@code google-records}
 * @param fileName the file's name as given at import, without its folder
 * @param added records new to the vault
 * @param duplicates records the vault already held, from this file or an earlier one
 * @param rejected records refused and kept in the batch's quarantine (only with lenient imports)
 * @param alreadyRejected records refused that the source's quarantine already held, from an earlier import of the same
 *     file, and so were not kept a second time
 */
public record ImportBatch(
        BatchId id,
        SourceId source,
        String format,
        String fileName,
        Instant startedAt,
        Instant finishedAt,
        long added,
        long duplicates,
        long rejected,
        long alreadyRejected) {
    public ImportBatch {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        requireNonNull(format, "format is null");
        requireNonNull(fileName, "fileName is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
    }
}
