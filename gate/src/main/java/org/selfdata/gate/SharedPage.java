package org.selfdata.gate;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What one page of a recipient's read held: how many records, and the opaque cursor of the next page when this one
 * was full.
 */
public record SharedPage(long count, Optional<String> next) {
    public SharedPage {
        requireNonNull(next, "next is null");
    }
}
