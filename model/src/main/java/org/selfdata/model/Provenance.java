package org.selfdata.model;

import static java.util.Objects.requireNonNull;

/** Where a stored record came from: its source, the import batch that brought it, and its place in that file. */
public record Provenance(SourceId source, BatchId batch, Position position) {
    public Provenance {
        requireNonNull(source, "source is null");
        requireNonNull(batch, "batch is null");
        requireNonNull(position, "position is null");
    }
}
