package org.selfdata.vault;

import org.selfdata.model.Rejection;

import static java.util.Objects.requireNonNull;

/**
 * A record that a lenient import could not read, as its batch's quarantine keeps it.
 *
 * @param number its place among the batch's rejections, from 1, in file order; the paging cursor
 */
public record QuarantinedRecord(long number, Rejection rejection) {
    public QuarantinedRecord {
        requireNonNull(rejection, "rejection is null");
    }
}
