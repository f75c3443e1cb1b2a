package org.selfdata.model;

import static java.util.Objects.requireNonNull;

/**
 * A record as an importer reads it from a file, before the vault gives it an id, a source and a batch.
 *
 * @param time when the record happened, or {@link RecordTime#untimed()} when the file gives it no time
 * @param position where in the file the record was read, for provenance and for error messages
 */
public record RecordDraft(RecordTime time, Payload payload, Category category, Position position) implements ImportItem {
    public RecordDraft {
        requireNonNull(time, "time is null");
        requireNonNull(payload, "payload is null");
        requireNonNull(category, "category is null");
        requireNonNull(position, "position is null");
    }

    /** A draft in its type's default category. */
    public static RecordDraft of(RecordTime time, Payload payload, Position position) {
        return new RecordDraft(time, payload, payload.type().defaultCategory(), position);
    }

    public RecordType type() {
        return payload.type();
    }
}
