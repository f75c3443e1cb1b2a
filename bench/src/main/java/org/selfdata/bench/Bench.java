package org.selfdata.bench;

import org.selfdata.model.LocationPrecision;
import org.selfdata.model.RecordDraft;
import org.selfdata.vault.VaultLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code selfdata bench}: what this machine does with selfdata, each figure beside a baseline measured in the same
 * run. Targets on two cores: sealed writes at least half the raw insert rate and at least 200,000 records a second on
 * SQLite; reads at least 500,000 records a second; a served first answer within two seconds of launch.
 */
public final class Bench {
    private Bench() {}

    public static List<Measurement> run(BenchSettings settings, Consumer<String> progress) {
        progress.accept("making " + settings.records() + " location points");
        List<RecordDraft> points = SyntheticPoints.make(settings.records());
        List<Measurement> measurements = new ArrayList<>();
        VaultLocation sqlite = VaultLocation.sqlite(settings.scratch().resolve("sqlite"));
        measurements.addAll(new VaultBenchmark(sqlite, "SQLite", progress).run(points));
        progress.accept("SQLite: export");
        measurements.addAll(ExportBenchmark.run(sqlite, VaultBenchmark.READER, settings.scratch().resolve("export.zip")));
        progress.accept("serve: start-up and memory");
        VaultLocation empty = VaultLocation.sqlite(settings.scratch().resolve("empty"));
        try (var vault = org.selfdata.vault.Vault.create(empty,
                org.selfdata.vault.KeySource.keyFile(empty.folder().resolve("master.key")))) {
            vault.people().create("nobody", java.time.ZoneId.of("Europe/Paris"));
        }
        measurements.addAll(ServerBenchmark.run(sqlite, VaultBenchmark.READER, empty));
        settings.postgres().ifPresent(database -> measurements.addAll(new VaultBenchmark(
                VaultLocation.postgres(settings.scratch().resolve("postgres"), database), "PostgreSQL", progress).run(points)));
        return measurements;
    }

    /**
     * {@code selfdata bench import}: files imported end to end beside a parse-only pass of the same files. Targets on
     * two cores: end to end at least half the parse-only rate, at least 200,000 location points a second, and a flat
     * heap through a Records.json of gigabytes.
     */
    public static List<Measurement> runImports(ImportBenchSettings settings, Consumer<String> progress) {
        List<Measurement> measurements = new ArrayList<>(
                new ImportBenchmark(settings.scratch(), progress).run(settings.points(), settings.transactions()));
        settings.recordsJsonGigabytes().ifPresent(gigabytes ->
                measurements.addAll(LargeImportBenchmark.run(settings.scratch(), gigabytes, progress)));
        return measurements;
    }

    /**
     * {@code selfdata bench log}: transparency-log appends, one per transaction and batched, and the verification of the
     * whole log, beside plain JDBC on the same rows; and single appends from concurrent threads gathered into batches,
     * beside each in a transaction of its own. Targets: at least 50,000 appends a second, and a log of a million entries
     * verified within three seconds.
     */
    public static List<Measurement> runLog(java.nio.file.Path scratch, int entries, int single, Consumer<String> progress) {
        return new LogBenchmark(scratch, progress).run(entries, single);
    }

    /**
     * {@code selfdata bench gate}: location points read by a recipient through grants at H3 and region precision,
     * beside the owner's unrestricted read of the same points, both written as JSON. Target: a shared read takes at
     * most 1.5 times the owner's.
     */
    public static List<Measurement> runGate(Path scratch, int points, Optional<VaultLocation.PostgresDatabase> postgres,
                                            Consumer<String> progress) {
        if (points < 1_000) {
            throw new IllegalArgumentException("a benchmark needs at least 1,000 records to mean anything");
        }
        progress.accept("making " + points + " location points");
        List<RecordDraft> drafts = SyntheticPoints.make(points);
        List<LocationPrecision> precisions = List.of(LocationPrecision.h3(8), LocationPrecision.REGION);
        List<Measurement> measurements = new ArrayList<>(new GateBenchmark(
                VaultLocation.sqlite(scratch.resolve("sqlite")), "SQLite", progress).run(drafts, precisions));
        postgres.ifPresent(database -> measurements.addAll(new GateBenchmark(
                VaultLocation.postgres(scratch.resolve("postgres"), database), "PostgreSQL", progress)
                .run(drafts, precisions)));
        return measurements;
    }

    /**
     * {@code selfdata bench search}: the owner's search of the demo vault for a common word and a rare one, beside the
     * listing of the same records without words. Target: a search to its last page takes at most twice the listing.
     */
    public static List<Measurement> runSearch(Path scratch, Consumer<String> progress) {
        return new SearchBenchmark(scratch, progress).run();
    }

    /**
     * {@code selfdata bench reveal}: what the demo person's locations reveal, over her two years of points, beside the
     * raw read of the same records through the gate. Target: the inferences take at most twice the raw read.
     */
    public static List<Measurement> runReveal(Path scratch, int rounds, Consumer<String> progress) {
        return new RevealBenchmark(scratch, rounds, progress).run();
    }

    /**
     * {@code selfdata bench services}: every personal service over the demo vault, as the pages ask them, beside one raw
     * pass through the gate over all the person's records. Target: all of them at most twice that pass.
     */
    public static List<Measurement> runServices(Path scratch, int rounds, Consumer<String> progress) {
        return new ServicesBenchmark(scratch, rounds, progress).run();
    }

    /**
     * {@code selfdata bench http}: the HTTP API under a closed-loop load, one record by id, a page of 100 records, the
     * same page shared at region precision, a recipient's push, the overview page and the session, each beside the
     * same server's health endpoint. Targets on two cores: one record at least 40 % of health and ten times a Community
     * Solid Server's small resource; a page at least three times its container; a shared page at least 80 % of the
     * owner's.
     */
    public static List<Measurement> runHttp(HttpBenchSettings settings, Consumer<String> progress) {
        return new HttpBenchmark(settings, progress).run();
    }

    /**
     * {@code selfdata bench operators}: many people's imports at once, then each person's page of 100, on plain
     * PostgreSQL and, beside it, on a Citus cluster; on Citus also the time to move one shard group.
     */
    public static List<Measurement> runOperators(OperatorsBenchSettings settings, Consumer<String> progress) {
        return new OperatorsBenchmark(settings, progress).run();
    }
}
