package org.selfdata.bench;

import org.selfdata.vault.VaultLocation;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * What {@code selfdata bench http} measures, and how: on the demo person, or on a person with only this many location
 * points; in a SQLite vault made in the scratch folder, or made once in a folder of the person's choosing and reused
 * on later runs, or in a PostgreSQL database (empty the first time), whose key file is kept in that folder; for this
 * many people, each holding the same data, signed in and granting recipients on their own, the workers spread over
 * them; with this many workers, a warm-up and a measured window per scenario; and, to put selfdata beside another
 * server, the address of a small resource and of a listing of about a hundred members there; and optionally a folder
 * where each scenario's Java Flight Recorder profile is written, to see where its time goes.
 */
public record HttpBenchSettings(Path scratch, Optional<Path> vault, Optional<VaultLocation.PostgresDatabase> postgres,
                                int people, OptionalInt points, int workers, Duration warmup, Duration measured,
                                Optional<URI> compareSmall, Optional<URI> compareListing, Optional<Path> profiles) {
    public static final int DEFAULT_WORKERS = 8;
    public static final int MAXIMUM_WORKERS = 256;
    /** A page of the benchmark holds 100 records: fewer points would measure a shorter page. */
    public static final int MINIMUM_POINTS = 100;

    public HttpBenchSettings {
        requireNonNull(scratch, "scratch is null");
        requireNonNull(vault, "vault is null");
        requireNonNull(postgres, "postgres is null");
        requireNonNull(points, "points is null");
        requireNonNull(warmup, "warmup is null");
        requireNonNull(measured, "measured is null");
        requireNonNull(compareSmall, "compareSmall is null");
        requireNonNull(compareListing, "compareListing is null");
        requireNonNull(profiles, "profiles is null");
        if (points.isPresent() && points.getAsInt() < MINIMUM_POINTS) {
            throw new IllegalArgumentException("an HTTP benchmark needs at least " + MINIMUM_POINTS
                    + " location points, a page's worth");
        }
        if (workers < 1 || workers > MAXIMUM_WORKERS) {
            throw new IllegalArgumentException("an HTTP benchmark runs from 1 to " + MAXIMUM_WORKERS + " workers");
        }
        if (people < 1) {
            throw new IllegalArgumentException("an HTTP benchmark serves at least one person");
        }
        if (people > workers) {
            throw new IllegalArgumentException("an HTTP benchmark needs a worker for each person: " + people
                    + " people with " + workers + " workers would leave some of them idle");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("a warm-up cannot last less than nothing");
        }
        if (measured.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("an HTTP benchmark measures each scenario for at least a second");
        }
        compareSmall.ifPresent(HttpBenchSettings::requireHttp);
        compareListing.ifPresent(HttpBenchSettings::requireHttp);
    }

    /** Where the vault is kept: SQLite in the folder, or PostgreSQL with its key file in the folder. */
    VaultLocation location() {
        Path folder = vault.orElse(scratch.resolve("vault"));
        return postgres.map(database -> VaultLocation.postgres(folder, database)).orElse(VaultLocation.sqlite(folder));
    }

    private static void requireHttp(URI address) {
        if (!("http".equals(address.getScheme()) || "https".equals(address.getScheme())) || address.getHost() == null) {
            throw new IllegalArgumentException("a server to compare with is given by an http or https address, not "
                    + address);
        }
    }
}
