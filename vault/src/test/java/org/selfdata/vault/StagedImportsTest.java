package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.LogAction;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.selfdata.vault.SyntheticRecords.LOCATION_HISTORY;

/**
 * An import stages its rows, holding nothing, and publishes them in one short transaction: what it staged waits in a
 * private file on SQLite and nowhere once it is over, files of one import tell each other's records as duplicates, and
 * an import that overlaps one that finished meanwhile is refused whole.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class StagedImportsTest {
    private static final ImportRequest RECORDS = new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json");

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Engine engine;
    private final Vault vault;
    private final Person camille;

    StagedImportsTest(Engine engine) {
        this.engine = engine;
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void whatAnImportStagesWaitsInAPrivateFileOnSqliteAndNowhereOnceItIsOver() {
        List<Set<PosixFilePermission>> staged = vault.imports().inOneTransaction(camille.id(), writer -> {
            writer.write(RECORDS, SyntheticRecords.points(20));
            return files(vault.inProgress().folder()).stream().map(StagedImportsTest::permissions).toList();
        });

        if (engine == Engine.SQLITE) {
            assertThat(staged).singleElement().satisfies(permissions -> assertThat(permissions)
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        else {
            assertThat(staged).as("PostgreSQL stages in temporary tables").isEmpty();
        }
        assertThat(files(vault.inProgress().folder())).isEmpty();
        assertThat(fixture.readAll()).hasSize(20);
    }

    @Test
    void filesOfOneImportTellEachOthersRecordsAsDuplicates() {
        List<ImportBatch> batches = vault.imports().inOneTransaction(camille.id(), writer -> List.of(
                writer.write(RECORDS, SyntheticRecords.points(10)),
                writer.write(new ImportRequest(LOCATION_HISTORY, "google-records", "Copy of Records.json"),
                        SyntheticRecords.points(12))));

        assertThat(batches).extracting(ImportBatch::added).containsExactly(10L, 2L);
        assertThat(batches).extracting(ImportBatch::duplicates).containsExactly(0L, 10L);
        assertThat(vault.imports().batches(camille.id())).containsExactlyElementsOf(batches);
        assertThat(fixture.readAll()).hasSize(12);
        assertThat(vault.log().query(camille.id(), LogQuery.all())).extracting(entry -> entry.draft().count())
                .containsExactly(10L, 2L);
    }

    @Test
    void aFileThatFailsIsUndoneAloneAndTheOthersArePublished() {
        List<ImportBatch> batches = vault.imports().inOneTransaction(camille.id(), writer -> {
            ImportBatch first = writer.write(RECORDS, SyntheticRecords.points(5));
            assertThatThrownBy(() -> writer.write(new ImportRequest(LOCATION_HISTORY, "google-records", "broken.json"),
                    Stream.concat(SyntheticRecords.points(8), Stream.generate(() -> {
                        throw new SelfdataException(ErrorCode.INVALID_INPUT, "broken.json is cut short");
                    })))).hasMessage("broken.json is cut short");
            return List.of(first);
        });

        assertThat(vault.imports().batches(camille.id())).containsExactlyElementsOf(batches);
        assertThat(fixture.readAll()).hasSize(5);
    }

    @Test
    void anImportOverlappingOneThatFinishedMeanwhileIsRefusedAndChangesNothing() throws Exception {
        vault.imports().write(camille.id(), RECORDS, SyntheticRecords.points(1));
        CountDownLatch staged = new CountDownLatch(1);
        CountDownLatch overlapped = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ImportBatch> slow = threads.submit(() -> vault.imports().inOneTransaction(camille.id(), writer -> {
                ImportBatch batch = writer.write(RECORDS, SyntheticRecords.points(5));
                staged.countDown();
                await(overlapped);
                return batch;
            }));
            assertThat(staged.await(30, TimeUnit.SECONDS)).isTrue();
            // What an organization pushes is written at once, past the import that stages the same records.
            ImportBatch pushed = vault.imports().writeAtOnce(camille.id(), RECORDS, SyntheticRecords.points(3));
            overlapped.countDown();

            assertThatThrownBy(() -> slow.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(SelfdataException.class,
                            refused -> assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessageContaining("Records.json");
            assertThat(pushed.added()).isEqualTo(2);
        }
        assertThat(fixture.readAll()).hasSize(3);
        assertThat(vault.imports().batches(camille.id())).hasSize(2);
        assertThat(vault.log().query(camille.id(), LogQuery.all())).extracting(entry -> entry.draft().action())
                .containsExactly(LogAction.IMPORT, LogAction.IMPORT);
        assertThat(vault.log().verify(camille.id()).intact()).isTrue();
    }

    @Test
    void firstPushesOfANewSourceAtOnceTakeTurnsAndMakeOneSource() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ImportBatch>> pushes = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(push -> threads.submit(() -> {
                        await(start);
                        return vault.imports().writeAtOnce(camille.id(), RECORDS,
                                SyntheticRecords.points(push + 1).skip(push));
                    })).toList();
            start.countDown();
            for (Future<ImportBatch> push : pushes) {
                assertThat(push.get(60, TimeUnit.SECONDS).added()).isEqualTo(1);
            }
        }
        assertThat(vault.imports().sources(camille.id())).hasSize(1);
        assertThat(fixture.readAll()).hasSize(8);
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("import-")).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
