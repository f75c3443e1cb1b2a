package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a person's transparency log: its place in the log, when the vault recorded it, and what happened.
 * Its {@link LogEntryJson canonical JSON} is the leaf of the log's Merkle tree.
 */
public record LogEntry(long index, Instant recordedAt, LogEntryDraft draft) {
    public LogEntry {
        requireNonNull(recordedAt, "recordedAt is null");
        requireNonNull(draft, "draft is null");
        if (index < 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.logIndexNegative"));
        }
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public LogActor actor() {
        return draft.actor();
    }

    public LogAction action() {
        return draft.action();
    }
}
