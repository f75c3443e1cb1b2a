package org.selfdata.bench;

import org.selfdata.vault.VaultLocation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What {@code selfdata bench operators} measures: this many people, each importing this many location points, all at
 * once through this many workers, then each person's page of 100 read by the same workers for a warm-up and a measured
 * window; in a plain PostgreSQL database, and in a Citus cluster's coordinator beside it when one is named. Both
 * databases must be empty: the benchmark makes its own vault in each, with its key file in the scratch folder.
 */
public record OperatorsBenchSettings(Path scratch, VaultLocation.PostgresDatabase postgres,
                                     Optional<VaultLocation.PostgresDatabase> citus, int people, int records, int workers,
                                     Duration warmup, Duration measured) {
    public static final int DEFAULT_PEOPLE = 1_000;
    public static final int DEFAULT_RECORDS = 10_000;
    public static final int MAXIMUM_PEOPLE = 100_000;
    /** A person's page holds 100 records: fewer would measure a shorter page. */
    public static final int MINIMUM_RECORDS = 100;

    public OperatorsBenchSettings {
        requireNonNull(scratch, "scratch is null");
        requireNonNull(postgres, "postgres is null");
        requireNonNull(citus, "citus is null");
        requireNonNull(warmup, "warmup is null");
        requireNonNull(measured, "measured is null");
        if (people < 1 || people > MAXIMUM_PEOPLE) {
            throw new IllegalArgumentException("an operators benchmark hosts from 1 to " + MAXIMUM_PEOPLE + " people");
        }
        if (records < MINIMUM_RECORDS || records > 1_000_000) {
            throw new IllegalArgumentException("an operators benchmark gives each person from " + MINIMUM_RECORDS
                    + " to 1,000,000 records");
        }
        if (workers < 1 || workers > HttpBenchSettings.MAXIMUM_WORKERS) {
            throw new IllegalArgumentException("an operators benchmark runs from 1 to " + HttpBenchSettings.MAXIMUM_WORKERS
                    + " workers");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("a warm-up cannot last less than nothing");
        }
        if (measured.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("an operators benchmark measures reads for at least a second");
        }
    }
}
