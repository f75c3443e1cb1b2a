package org.selfdata.bench;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Sealed writes into the vault beside a raw insert of the same rows, and reads through the gate beside a raw SELECT.
 * Before each write the write-ahead log is folded in, so that neither side pays for what the other left.
 *
 * <p>Both sides run in one vault and one table, for two people: the raw rows first, so the sealed import runs on the
 * larger table and the comparison errs against selfdata. Each side runs twice and the second run counts, once the JIT
 * has compiled the code it needs.
 */
final class VaultBenchmark {
    /** The person whose sealed records the later benchmarks (export, serve) read. */
    static final String READER = "sealed-2";

    private final VaultLocation location;
    private final String engine;
    private final Consumer<String> progress;

    VaultBenchmark(VaultLocation location, String engine, Consumer<String> progress) {
        this.location = requireNonNull(location, "location is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    List<Measurement> run(List<RecordDraft> points) {
        List<Measurement> measurements = new ArrayList<>();
        try (Vault vault = Vault.create(location, KeySource.keyFile(location.folder().resolve(VaultLocation.KEY_FILE)));
             Connection raw = RawTable.connect(location)) {
            ZoneId zone = ZoneId.of("Europe/Paris");
            Gate gate = Gate.over(vault);
            double rawWrite = 0;
            double sealedWrite = 0;
            for (int round = 1; round <= 2; round++) {
                Person rawPerson = vault.people().create("raw-" + round, zone);
                RawTable.settle(raw);
                progress.accept(engine + ": raw insert, round " + round);
                rawWrite = perSecond(points.size(), RawTable.insert(raw, rawPerson.id(), points));
                Person sealedPerson = vault.people().create("sealed-" + round, zone);
                RawTable.settle(raw);
                progress.accept(engine + ": sealed import, round " + round);
                long started = System.nanoTime();
                vault.imports().write(sealedPerson.id(), new ImportRequest(SyntheticPoints.SOURCE, "benchmark", "points.json"),
                        points.stream());
                sealedWrite = perSecond(points.size(), System.nanoTime() - started);
            }
            measurements.add(Measurement.beside("sealed writes, " + engine, sealedWrite, "records/s", "raw insert", rawWrite));

            RawTable.settle(raw);
            Person reader = vault.people().find(READER).orElseThrow();
            double rawRead = 0;
            double gateRead = 0;
            for (int round = 1; round <= 2; round++) {
                progress.accept(engine + ": raw select, round " + round);
                long started = System.nanoTime();
                long rows = RawTable.select(raw, reader.id());
                rawRead = perSecond(rows, System.nanoTime() - started);
                progress.accept(engine + ": reads through the gate, round " + round);
                started = System.nanoTime();
                long records;
                try (Stream<StoredRecord> stream = gate.records(Accessor.owner(reader.id()),
                        RecordQuery.ofType(RecordType.GEO_POINT))) {
                    records = stream.count();
                }
                gateRead = perSecond(records, System.nanoTime() - started);
                if (records != points.size() || rows != points.size()) {
                    throw new SelfdataException(ErrorCode.INTERNAL, "the benchmark read " + records + " records and " + rows
                            + " rows, not " + points.size());
                }
            }
            measurements.add(Measurement.beside("reads through the gate, " + engine, gateRead, "records/s",
                    "raw select", rawRead));
        }
        catch (SQLException e) {
            throw new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE, "the benchmark's baseline failed: " + e.getMessage(), e);
        }
        return measurements;
    }

    private static double perSecond(long count, long nanoseconds) {
        return count / (nanoseconds / 1e9);
    }
}
