package org.selfdata.model;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A record with every earlier version it had before rectifications, oldest first. The person can always see what
 * a record said before they corrected it.
 */
public record RecordHistory(StoredRecord current, List<Superseded> earlier) {
    public RecordHistory {
        requireNonNull(current, "current is null");
        earlier = List.copyOf(earlier);
    }

    /** A version that a rectification replaced, and when. */
    public record Superseded(StoredRecord version, Instant supersededAt) {
        public Superseded {
            requireNonNull(version, "version is null");
            requireNonNull(supersededAt, "supersededAt is null");
        }
    }

    /** The record as it was first written: the earliest version, or the current one if it was never rectified. */
    public StoredRecord original() {
        return earlier.isEmpty() ? current : earlier.getFirst().version();
    }
}
