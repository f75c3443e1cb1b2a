package org.selfdata.portability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.StoredRecord;
import org.selfdata.testing.ChildJvm;
import org.selfdata.vault.Engine;
import org.selfdata.vault.FolderSnapshot;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.LogVerification;
import org.selfdata.vault.VaultLocation;
import org.selfdata.vault.VaultStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL in the middle of an import, an export or a restore leaves the vault as it was before
 * the operation began, and the next operation works. Each operation runs in a JVM of its own, which the test kills
 * once that JVM says the operation is well under way.
 */
class KilledProcessTest {
    private static final int LARGE = 100_000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path shared;

    private static Path largeVault;
    private static Path largeArchive;

    /** Made once for the export and the restore: a vault large enough to be killed in, and its archive. */
    @BeforeAll
    static void createALargeVaultAndItsArchive() throws IOException {
        largeVault = shared.resolve("large");
        largeArchive = Files.createDirectory(shared.resolve("archives")).resolve("large.zip");
        try (Vault vault = TestVaults.create(Engine.SQLITE, largeVault)) {
            Person camille = TestVaults.camille(vault);
            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                    "Records.json"), SyntheticRecords.points(LARGE));
            new Export(vault, Gate.over(vault), Clock.systemUTC())
                    .write(camille.id(), largeArchive, ExistingFile.REFUSE);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aKilledImportLeavesTheVaultAsItWasAndTheNextImportWorks(Engine engine, @TempDir Path folder)
            throws InterruptedException {
        VaultLocation location = TestVaults.location(engine, folder);
        VaultStatus before;
        List<StoredRecord> recordsBefore;
        try (Vault vault = Vault.create(location, TestVaults.keyFile(folder))) {
            Person camille = TestVaults.camille(vault);
            SampleVaults.fill(vault, camille.id());
            before = vault.status(camille.id());
            recordsBefore = all(vault, camille);
        }

        try (ChildJvm importing = ChildJvm.start(KilledOperation.class, "IMPORT", folder.toString(), postgresUrl(location),
                "1000000")) {
            importing.awaitLine(KilledOperation.UNDER_WAY, PATIENCE);
            assertThat(importing.kill()).isEqualTo(ChildJvm.KILLED);
        }

        try (Vault vault = Vault.open(location, TestVaults.keyFile(folder))) {
            Person camille = vault.person(Optional.of("camille"));
            assertThat(vault.status(camille.id())).isEqualTo(before);
            assertThat(all(vault, camille)).isEqualTo(recordsBefore);
            ImportBatch next = vault.imports().write(camille.id(),
                    new ImportRequest(KilledOperation.GPS_LOGGER, "gpx", "activities.gpx"), SyntheticRecords.points(10));
            assertThat(next.id().value()).isEqualTo(4);
            assertThat(next.source().value()).isEqualTo(4);
            assertThat(next.added()).isEqualTo(10);
            assertThat(vault.status(camille.id()).records()).isEqualTo(before.records() + 10);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aKilledAppendLeavesATransparencyLogThatVerifies(Engine engine, @TempDir Path folder) throws InterruptedException {
        VaultLocation location = TestVaults.location(engine, folder);
        try (Vault vault = Vault.create(location, TestVaults.keyFile(folder))) {
            TestVaults.camille(vault);
        }

        try (ChildJvm appending = ChildJvm.start(KilledOperation.class, "APPEND", folder.toString(), postgresUrl(location))) {
            appending.awaitLine(KilledOperation.UNDER_WAY, PATIENCE);
            assertThat(appending.kill()).isEqualTo(ChildJvm.KILLED);
        }

        try (Vault vault = Vault.open(location, TestVaults.keyFile(folder))) {
            Person camille = vault.person(Optional.of("camille"));
            LogVerification verification = vault.log().verify(camille.id());
            assertThat(verification).isInstanceOf(LogVerification.Intact.class);
            long size = ((LogVerification.Intact) verification).size();
            assertThat(size).isGreaterThanOrEqualTo(20L * KilledOperation.APPEND_BATCH);
            assertThat(size % KilledOperation.APPEND_BATCH).isZero();
            assertThat(vault.log().append(camille.id(), LogEntryDraft.of(new LogActor.Owner(), LogAction.EXPORT, Set.of(), 0))
                    .index()).isEqualTo(size);
            assertThat(vault.log().verify(camille.id()).intact()).isTrue();
        }
    }

    @Test
    void aKilledExportLeavesTheVaultAsItWasAndNoArchiveAtTheTarget(@TempDir Path exports) throws InterruptedException {
        FolderSnapshot before = FolderSnapshot.of(largeVault);
        Path target = exports.resolve("camille.zip");

        try (ChildJvm exporting = ChildJvm.start(KilledOperation.class, "EXPORT", largeVault.toString(), "", target.toString())) {
            exporting.awaitLine(KilledOperation.UNDER_WAY, PATIENCE);
            assertThat(exporting.kill()).isEqualTo(ChildJvm.KILLED);
        }

        assertThat(target).doesNotExist();
        // What the killed export was writing stays under hidden names of its own, for the person to delete.
        assertThat(names(exports)).anyMatch(name -> name.startsWith(".camille.zip-"))
                .allMatch(name -> name.startsWith(".camille.zip-") || name.startsWith(".selfdata-geo.point-"))
                .allMatch(name -> name.endsWith(".partial"));
        // Opening and closing folds whatever the killed reader left in SQLite's write-ahead log back into the file.
        try (Vault vault = Vault.open(VaultLocation.sqlite(largeVault), TestVaults.keyFile(largeVault))) {
            assertThat(vault.status(vault.person(Optional.of("camille")).id()).records()).isEqualTo(LARGE);
        }
        assertThat(FolderSnapshot.of(largeVault)).isEqualTo(before);
    }

    @Test
    void aKilledRestoreLeavesThePersonEmptyAndTheNextRestoreWorks(@TempDir Path folder) throws InterruptedException {
        try (Vault vault = TestVaults.create(Engine.SQLITE, folder)) {
            TestVaults.camille(vault);
        }

        try (ChildJvm restoring = ChildJvm.start(KilledOperation.class, "RESTORE", folder.toString(), "",
                largeArchive.toString())) {
            restoring.awaitLine(KilledOperation.UNDER_WAY, PATIENCE);
            assertThat(restoring.kill()).isEqualTo(ChildJvm.KILLED);
        }

        try (Vault vault = Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(folder))) {
            Person camille = vault.person(Optional.of("camille"));
            VaultStatus status = vault.status(camille.id());
            assertThat(status.sources()).isEmpty();
            assertThat(status.batches()).isEmpty();
            assertThat(status.coverage()).isEmpty();
            assertThat(all(vault, camille)).isEmpty();

                Manifest restored = new Restore(vault).restore(camille.id(), largeArchive);

            assertThat(restored.records()).isEqualTo(LARGE);
            assertThat(vault.status(camille.id()).records()).isEqualTo(LARGE);
        }
    }

    private static String postgresUrl(VaultLocation location) {
        return location.postgres().map(VaultLocation.PostgresDatabase::jdbcUrl).orElse("");
    }

    private static List<StoredRecord> all(Vault vault, Person person) {
        try (Stream<StoredRecord> records = vault.records().read(person.id(), RecordQuery.all())) {
            return records.toList();
        }
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
