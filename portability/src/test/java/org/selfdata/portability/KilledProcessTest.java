package org.selfdata.portability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.StoredRecord;
import org.selfdata.testing.ChildJvm;
import org.selfdata.testing.FileModes;
import org.selfdata.testing.Plaintext;
import org.selfdata.vault.Engine;
import org.selfdata.vault.FolderSnapshot;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.InProgressFiles;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.LogVerification;
import org.selfdata.vault.RightsRequests;
import org.selfdata.vault.VaultLocation;
import org.selfdata.vault.VaultStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    /** The latitude of the synthetic points 1 to 99, as the archive's JSON Lines and CSV write them. */
    private static final String SAMPLE_LATITUDE = "45.7500";

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
            vault.rightsRequests().create(camille.id(), "{\"reference\":\"SD-K1LL\"}",
                    new RightsRequests.NewEvent("draft", "{}", List.of(new RightsRequests.NewDocument("text/plain",
                            "A letter.".getBytes(StandardCharsets.UTF_8)))),
                    LogEntryDraft.of(new LogActor.Owner(), LogAction.REQUEST, Set.of(), 0));
            vault.rightsRequests().saveSetting(camille.id(), "region", "67");
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
            // The killed import's staging file, sealed rows only, is gone with the other leftovers of the in-progress folder.
            assertThat(leftovers(vault.inProgress().folder())).isEmpty();
            assertThat(next.added()).isEqualTo(10);
            assertThat(vault.imports().batches(camille.id())).hasSize((int) before.batches() + 1);
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

    /**
     * Killed at any moment, an export leaves nothing anyone can read anywhere but the archive it was asked for, and that
     * only once it is whole: not beside the target, not in the vault's folder, not in the temporary folder. The next
     * start on the vault leaves the vault as it was. On a fast machine the export may be over, or copying its whole
     * archive into place, when the latest kill comes: the archive at the target is then complete, and a copy on its
     * way there is removed by the next start.
     */
    @ParameterizedTest(name = "killed {0} ms after it was under way")
    @ValueSource(ints = {0, 400, 1_500})
    void aKilledExportLeavesNoPlaintextAndTheVaultAsItWas(int delayMillis, @TempDir Path exports, @TempDir Path temporary)
            throws InterruptedException, IOException {
        FolderSnapshot before = FolderSnapshot.of(largeVault);
        Path target = exports.resolve("camille.zip");

        try (ChildJvm exporting = ChildJvm.Launch.inherited().withTemporaryFolder(temporary).start(KilledOperation.class,
                "EXPORT", largeVault.toString(), "", target.toString())) {
            exporting.awaitLine(KilledOperation.UNDER_WAY, PATIENCE);
            Thread.sleep(delayMillis);
            assertThat(exporting.kill()).isEqualTo(ChildJvm.KILLED);
        }

        // The only plain bytes a kill may leave: the whole archive, once at its target or copied beside it under a
        // hidden name on its way there; never anything in the vault's folder or the temporary folder.
        assertThat(Plaintext.filesHolding(SAMPLE_LATITUDE, largeVault, temporary)).isEmpty();
        assertThat(Plaintext.filesHolding(SAMPLE_LATITUDE, exports)).allMatch(file -> file.equals(target)
                || file.getFileName().toString().matches("\\.camille\\.zip-.*\\.partial"));
        // Only the native libraries that SQLite's driver and H3 unpack there.
        assertThat(names(temporary)).allMatch(name -> name.contains(".so"));
        // Opening and closing folds whatever the killed reader left in SQLite's write-ahead log back into the file, and
        // removes a copy the kill left on its way into place.
        try (Vault vault = Vault.open(VaultLocation.sqlite(largeVault), TestVaults.keyFile(largeVault))) {
            assertThat(vault.status(vault.person(Optional.of("camille")).id()).records()).isEqualTo(LARGE);
        }
        if (Files.exists(target)) {
            try (ArchiveReader archive = ArchiveReader.open(target, ArchiveLimits.DEFAULT)) {
                assertThat(ArchiveCheck.check(archive, PersonId.of(1), Progress.NONE)).as("the archive the export finished")
                        .isNotNull();
            }
            Files.delete(target);
        }
        assertThat(exports).isEmptyDirectory();
        assertThat(largeVault.resolve(InProgressFiles.FOLDER)).isEmptyDirectory();
        assertThat(FolderSnapshot.of(largeVault)).isEqualTo(before);
    }

    /**
     * The one moment plain bytes are outside the vault: the complete archive copied beside the target before it is
     * moved into place. Killed then, the copy is hidden, noted in the vault's folder, and removed at the next start.
     */
    @Test
    void anExportKilledWhileItsArchiveIsCopiedIntoPlaceLeavesACopyTheNextStartRemoves(@TempDir Path exports,
            @TempDir Path temporary) throws InterruptedException, IOException {
        Path target = exports.resolve("camille.zip");
        Optional<Path> copy = Optional.empty();
        for (int attempt = 0; attempt < 3 && copy.isEmpty(); attempt++) {
            Files.deleteIfExists(target);
            try (ChildJvm exporting = ChildJvm.Launch.inherited().withTemporaryFolder(temporary).start(KilledOperation.class,
                    "EXPORT", largeVault.toString(), "", target.toString())) {
                exporting.awaitLine(KilledOperation.UNDER_WAY, PATIENCE);
                copy = awaitHiddenCopy(exports, PATIENCE);
                assertThat(exporting.kill()).isEqualTo(ChildJvm.KILLED);
            }
        }
        assertThat(copy).as("the export was never caught copying its archive into place").isPresent();

        assertThat(Plaintext.filesHolding(SAMPLE_LATITUDE, largeVault, temporary)).isEmpty();
        assertThat(names(exports)).allMatch(name -> name.equals("camille.zip")
                || name.startsWith(".camille.zip-") && name.endsWith(InProgressFiles.PARTIAL));
        assertThat(notes(largeVault)).contains(copy.get() + "\n");

        Vault.open(VaultLocation.sqlite(largeVault), TestVaults.keyFile(largeVault)).close();

        assertThat(copy.get()).doesNotExist();
        assertThat(largeVault.resolve(InProgressFiles.FOLDER)).isEmptyDirectory();
        if (Files.exists(target)) {
            // Killed once the archive was in place, before its hidden name was removed: the archive is whole.
            assertThat(Restore.manifestOf(target).records()).isEqualTo(LARGE);
            assertThat(FileModes.mode(target)).isEqualTo("rw-------");
        }
        else {
            assertThat(exports).isEmptyDirectory();
        }
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
            assertThat(status.batches()).isZero();
            assertThat(status.coverage()).isEmpty();
            assertThat(all(vault, camille)).isEmpty();
            assertThat(vault.rightsRequests().kept(camille.id())).isEmpty();
            assertThat(vault.rightsRequests().settings(camille.id())).isEmpty();

                Manifest restored = new Restore(vault).restore(camille.id(), largeArchive);

            assertThat(restored.records()).isEqualTo(LARGE);
            assertThat(vault.status(camille.id()).records()).isEqualTo(LARGE);
            assertThat(vault.rightsRequests().kept(camille.id())).singleElement()
                    .satisfies(request -> assertThat(request.events().getFirst().documents()).hasSize(1));
            assertThat(vault.rightsRequests().findSetting(camille.id(), "region")).contains("67");
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

    private static List<Path> leftovers(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the folder until a hidden copy of the archive appears in it. */
    private static Optional<Path> awaitHiddenCopy(Path exports, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> copy = names(exports).stream().filter(name -> name.startsWith(".camille.zip-"))
                    .findFirst().map(exports::resolve);
            if (copy.isPresent() || Files.exists(exports.resolve("camille.zip"))) {
                return copy;
            }
            Thread.sleep(0, 200_000);
        }
        return Optional.empty();
    }

    private static String notes(Path vault) {
        try (Stream<Path> files = Files.list(vault.resolve(InProgressFiles.FOLDER))) {
            StringBuilder notes = new StringBuilder();
            for (Path note : files.filter(file -> file.toString().endsWith(".placing")).toList()) {
                notes.append(Files.readString(note));
            }
            return notes.toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
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
