package org.selfdata.gate;

import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.Records;

import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The one way personal data leaves the vault, for every accessor, the owner included.
 *
 * <p>Each read names who asks and what for; the gate finds the grant that allows it, narrows the query to that grant
 * (types, fields, period, volume), applies the grant's precision before anything is serialized, and records the flow.
 * The owner holds an implicit grant to everything at full precision, so for the owner the query passes unchanged.
 * Surfaces (the API, the web pages, exports, the command line) read through here and nowhere else.
 */
public final class Gate {
    private final Records records;

    public Gate(Records records) {
        this.records = requireNonNull(records, "records is null");
    }

    /** The accessor's records matching the query, in id order. Close the stream when done: it holds a connection. */
    public Stream<StoredRecord> records(Accessor accessor, RecordQuery query) {
        requireNonNull(query, "query is null");
        return switch (accessor) {
            case Accessor.Owner owner -> records.read(owner.person(), query);
        };
    }

    public Optional<StoredRecord> record(Accessor accessor, RecordId id) {
        requireNonNull(id, "id is null");
        return switch (accessor) {
            case Accessor.Owner owner -> records.find(owner.person(), id);
        };
    }

    /** A record with its earlier versions: only its owner may see what it said before it was corrected. */
    public RecordHistory history(Accessor accessor, RecordId id) {
        requireNonNull(id, "id is null");
        return switch (accessor) {
            case Accessor.Owner owner -> records.history(owner.person(), id);
        };
    }
}
