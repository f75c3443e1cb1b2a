package org.selfdata.bench;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Geography;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A person's reads while a large file of theirs is imported: the vault's status, and one record read through the gate
 * as the owner, which commits its log entry before it answers, one after the other from one thread for as long as the
 * import runs; beside the same reads with no import under way. Nothing should wait for the import: its rows are staged
 * while it runs and published in one short transaction at its end, so the slowest read during an import is about that
 * transaction, not the import.
 */
final class ReadsDuringImportBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final Duration IDLE = Duration.ofSeconds(3);

    private final Vault vault;
    private final Consumer<String> progress;

    ReadsDuringImportBenchmark(Vault vault, Consumer<String> progress) {
        this.vault = requireNonNull(vault, "vault is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    List<Measurement> run(Path recordsJson) {
        PersonId person = vault.people().create("reads-during-import", ZONE).id();
        vault.imports().write(person, new ImportRequest(SyntheticPoints.SOURCE, "benchmark", "points.json"),
                SyntheticPoints.make(1_000).stream());
        Gate gate = new Gate(vault, Geography.bundled(), Clock.systemUTC());
        List<RecordId> ids;
        try (Stream<StoredRecord> records = gate.records(Accessor.owner(person), RecordQuery.all().limit(1_000))) {
            ids = records.map(StoredRecord::id).toList();
        }
        progress.accept("reads with no import under way");
        long idleUntil = System.nanoTime() + IDLE.toNanos();
        Latencies idle = reads(gate, person, ids, () -> System.nanoTime() < idleUntil);
        progress.accept("the same reads while " + recordsJson.getFileName() + " is imported");
        CompletableFuture<ImportBatch> importing = CompletableFuture.supplyAsync(
                () -> ImportBenchmark.importFile(vault, person, recordsJson, draft -> { }));
        Latencies during = reads(gate, person, ids, () -> !importing.isDone());
        try {
            ImportBatch batch = importing.get();
            progress.accept("imported " + batch.added() + " points while reading " + during.count() + " times");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfdataException(ErrorCode.INTERNAL, "interrupted while importing", e);
        }
        catch (ExecutionException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the import under the reads failed", e.getCause());
        }
        gate.writeFoldedEntries(true);
        return List.of(
                latency("status during an import, p50", during.status(0.50), idle.status(0.50)),
                latency("status during an import, p99", during.status(0.99), idle.status(0.99)),
                latency("status during an import, slowest", during.status(1.0), idle.status(1.0)),
                latency("one record read and logged during an import, p50", during.record(0.50), idle.record(0.50)),
                latency("one record read and logged during an import, p99", during.record(0.99), idle.record(0.99)),
                latency("one record read and logged during an import, slowest", during.record(1.0), idle.record(1.0)));
    }

    private static Measurement latency(String name, double during, double idle) {
        return new Measurement(name, during, "ms", Optional.of(new Measurement.Baseline("no import", idle)), false);
    }

    private Latencies reads(Gate gate, PersonId person, List<RecordId> ids, BooleanSupplier going) {
        Latencies latencies = new Latencies();
        int next = 0;
        while (going.getAsBoolean()) {
            long started = System.nanoTime();
            vault.status(person);
            long read = System.nanoTime();
            gate.record(Accessor.owner(person), ids.get(next++ % ids.size()));
            latencies.add(read - started, System.nanoTime() - read);
        }
        return latencies;
    }

    /** The nanoseconds each status and each record read took, in order. */
    private static final class Latencies {
        private long[] status = new long[1_024];
        private long[] record = new long[1_024];
        private int count;

        void add(long statusNanos, long recordNanos) {
            if (count == status.length) {
                status = Arrays.copyOf(status, count * 2);
                record = Arrays.copyOf(record, count * 2);
            }
            status[count] = statusNanos;
            record[count] = recordNanos;
            count++;
        }

        int count() {
            return count;
        }

        double status(double quantile) {
            return milliseconds(status, quantile);
        }

        double record(double quantile) {
            return milliseconds(record, quantile);
        }

        private double milliseconds(long[] nanos, double quantile) {
            if (count == 0) {
                throw new SelfdataException(ErrorCode.INTERNAL, "no read was timed");
            }
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            int index = Math.max(0, (int) Math.ceil(quantile * count) - 1);
            return sorted[index] / 1e6;
        }
    }
}
