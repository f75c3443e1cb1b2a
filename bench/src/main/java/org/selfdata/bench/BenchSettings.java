package org.selfdata.bench;

import org.selfdata.vault.VaultLocation;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a benchmark run measures: how many location points, in a scratch folder of its own, and optionally a
 * PostgreSQL database (empty; the run creates two vaults there, one per schema, in fresh schemas it drops at the end).
 */
public record BenchSettings(int records, Path scratch, Optional<VaultLocation.PostgresDatabase> postgres) {
    public BenchSettings {
        if (records < 1_000) {
            throw new IllegalArgumentException("a benchmark needs at least 1,000 records to mean anything");
        }
        requireNonNull(scratch, "scratch is null");
        requireNonNull(postgres, "postgres is null");
    }
}
