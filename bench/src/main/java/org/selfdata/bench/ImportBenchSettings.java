package org.selfdata.bench;

import java.nio.file.Path;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * What an import benchmark run reads: a Records.json of so many points and an OFX statement of so many transactions,
 * generated in a scratch folder of its own, and optionally a Records.json of so many gigabytes imported under a
 * 256 MB heap.
 */
public record ImportBenchSettings(int points, int transactions, OptionalInt recordsJsonGigabytes, Path scratch) {
    public ImportBenchSettings {
        if (points < 1_000 || transactions < 1_000) {
            throw new IllegalArgumentException("an import benchmark needs at least 1,000 points and 1,000 transactions");
        }
        requireNonNull(recordsJsonGigabytes, "recordsJsonGigabytes is null");
        if (recordsJsonGigabytes.isPresent() && recordsJsonGigabytes.getAsInt() < 1) {
            throw new IllegalArgumentException("a large Records.json has at least 1 gigabyte");
        }
        requireNonNull(scratch, "scratch is null");
    }
}
