package org.selfdata.portability;

import org.selfdata.model.RecordType;

import java.time.LocalDateTime;

/**
 * The names inside an export archive, and what never changes between two archives of the same content.
 *
 * <p>An archive is a zip of JSON Lines parts and CSV tables, described by {@code manifest.json}: the format's name
 * and version, the person, each record type with its JSON Schema and count, and every part with its size and
 * SHA-256. The manifest comes last in the zip because it describes the parts written before it.
 */
final class ArchiveFormat {
    static final String NAME = "selfdata-export";
    static final int VERSION = 1;

    static final String MANIFEST = "manifest.json";
    static final String SOURCES = "sources.jsonl";
    static final String BATCHES = "batches.jsonl";
    /** The records each batch's lenient import rejected; absent from archives written before quarantines existed. */
    static final String REJECTS = "rejects.jsonl";
    /** The transparency log, each line a leaf byte for byte; absent from archives written before the log existed. */
    static final String LOG = "log.jsonl";
    /** The log's signed head, with the public key that signed it; present when {@link #LOG} is. */
    static final String LOG_HEAD = "log-head.json";

    /**
     * Every entry carries this modification time, so that the same content always gives the same bytes. A local
     * date-time is written to the zip's DOS fields as it is, whatever the machine's time zone.
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ArchiveFormat() {}

    static String recordsPart(RecordType type) {
        return "records/" + type.id() + ".jsonl";
    }

    static String tablePart(RecordType type) {
        return "records/" + type.id() + ".csv";
    }
}
