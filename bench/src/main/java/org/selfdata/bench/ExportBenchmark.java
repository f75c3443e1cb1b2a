package org.selfdata.bench;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.StoredRecord;
import org.selfdata.portability.ExistingFile;
import org.selfdata.portability.Export;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Export throughput, in megabytes of archive content a second and in records a second beside a plain read of the same
 * records through the gate: what writing JSON Lines, CSV and the zip costs on top of reading.
 */
final class ExportBenchmark {
    private ExportBenchmark() {}

    static List<Measurement> run(VaultLocation location, String handle, Path archive) {
        try (Vault vault = Vault.open(location, KeySource.keyFile(location.folder().resolve(VaultLocation.KEY_FILE)))) {
            Gate gate = Gate.over(vault);
            Person person = vault.people().find(handle).orElseThrow();
            Export export = new Export(vault, gate, Clock.systemUTC());
            double exportRate = 0;
            double contentRate = 0;
            double readRate = 0;
            for (int round = 1; round <= 2; round++) {
                long started = System.nanoTime();
                long records;
                try (Stream<StoredRecord> read = gate.records(Accessor.owner(person.id()), RecordQuery.all())) {
                    records = read.count();
                }
                readRate = records / seconds(started);
                Files.deleteIfExists(archive);
                started = System.nanoTime();
                var manifest = export.write(person.id(), archive, ExistingFile.REPLACE);
                double took = seconds(started);
                long bytes = manifest.parts().stream().mapToLong(part -> part.size()).sum();
                exportRate = manifest.records() / took;
                contentRate = bytes / took / 1e6;
            }
            return List.of(
                    Measurement.beside("export, SQLite", exportRate, "records/s", "read through the gate", readRate),
                    Measurement.of("export archive content, SQLite", contentRate, "MB/s"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
