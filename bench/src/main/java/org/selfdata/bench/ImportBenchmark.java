package org.selfdata.bench;

import org.selfdata.importers.ImportContext;
import org.selfdata.importers.Importers;
import org.selfdata.importers.ParsedFile;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Files imported end to end, from the bytes on disk to sealed rows committed in the vault, beside a parse-only pass
 * over the same file: what the vault's half of an import (encoding, fingerprinting, sealing, inserting) costs on top
 * of reading the file. Both sides go through the importer the command line would pick, from an unbuffered file
 * stream as the command line opens it.
 *
 * <p>Each file is parsed then imported twice, and the second round counts, once the JIT has compiled both paths;
 * each import goes to a person of its own, so every record is new to the vault.
 */
final class ImportBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final Path scratch;
    private final Consumer<String> progress;
    private final Importers importers = Importers.standard();

    ImportBenchmark(Path scratch, Consumer<String> progress) {
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    List<Measurement> run(int points, int transactions) {
        Path records = scratch.resolve("Records.json");
        progress.accept("writing a Records.json of " + points + " points");
        BenchFiles.writeRecordsJson(records, points, Long.MAX_VALUE);
        Path statement = scratch.resolve("statement.ofx");
        progress.accept("writing an OFX statement of " + transactions + " transactions");
        BenchFiles.writeOfx(statement, transactions);
        VaultLocation location = VaultLocation.sqlite(scratch.resolve("import-vault"));
        try (Vault vault = Vault.create(location, KeySource.keyFile(location.folder().resolve(VaultLocation.KEY_FILE)))) {
            List<Measurement> measurements = new ArrayList<>(List.of(measure(vault, records, "import Records.json, SQLite"),
                    measure(vault, statement, "import OFX, SQLite")));
            measurements.addAll(new ReadsDuringImportBenchmark(vault, progress).run(records));
            return measurements;
        }
    }

    private Measurement measure(Vault vault, Path file, String name) {
        double parsed = 0;
        double imported = 0;
        for (int round = 1; round <= 2; round++) {
            progress.accept(name + ": parse only, round " + round);
            long started = System.nanoTime();
            long count = parse(file);
            String handle = file.getFileName().toString().toLowerCase(Locale.ROOT).replace(".", "-");
            parsed = count / seconds(started);
            PersonId person = vault.people().create(handle + "-" + round, ZONE).id();
            progress.accept(name + ": end to end, round " + round);
            started = System.nanoTime();
            ImportBatch batch = importFile(vault, person, file, draft -> { });
            imported = batch.added() / seconds(started);
            if (batch.added() != count) {
                throw new SelfdataException(ErrorCode.INTERNAL, "the benchmark parsed " + count + " records and imported "
                        + batch.added());
            }
        }
        return Measurement.beside(name, imported, "records/s", "parse only", parsed);
    }

    private long parse(Path file) {
        try (InputStream in = Files.newInputStream(file);
             ParsedFile parsed = importers.open(file.getFileName().toString(), in, new ImportContext(ZONE));
             Stream<RecordDraft> records = parsed.records()) {
            long count = 0;
            for (var iterator = records.iterator(); iterator.hasNext(); iterator.next()) {
                count++;
            }
            return count;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file through the import path the command line takes: detected, parsed as it streams, written as one batch. */
    static ImportBatch importFile(Vault vault, PersonId person, Path file, Consumer<RecordDraft> seen) {
        String fileName = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file);
             ParsedFile parsed = Importers.standard().open(fileName, in, new ImportContext(ZONE))) {
            return vault.imports().write(person, new ImportRequest(parsed.source(), parsed.format(), fileName),
                    parsed.records().peek(seen));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
