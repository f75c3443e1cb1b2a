package org.selfdata.gate;

import org.selfdata.model.BatchId;

import static java.util.Objects.requireNonNull;

/** What an organization's push added to the person's vault: one batch, under the organization as its source. */
public record Pushed(BatchId batch, long added, long duplicates) {
    public Pushed {
        requireNonNull(batch, "batch is null");
    }
}
