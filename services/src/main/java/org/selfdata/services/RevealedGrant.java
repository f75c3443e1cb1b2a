package org.selfdata.services;

import org.selfdata.gate.GrantReads;
import org.selfdata.model.Grant;

import static java.util.Objects.requireNonNull;

/**
 * What a grant's recipient can work out from what it has received so far, beside the person's exact data.
 *
 * @param reads how many reads it has made, and how many records they carried, as the log tells
 */
public record RevealedGrant(Grant grant, GrantReads reads, RevealedComparison comparison) {
    public RevealedGrant {
        requireNonNull(grant, "grant is null");
        requireNonNull(reads, "reads is null");
        requireNonNull(comparison, "comparison is null");
    }
}
