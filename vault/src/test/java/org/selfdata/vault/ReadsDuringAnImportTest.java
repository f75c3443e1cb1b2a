package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.RecordType;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While an import is under way, the person's status, sessions, grants and the log's head are read from what was
 * committed before it, and reads' log entries and other writes are committed, without waiting for it to end; the import
 * lands whole afterwards, its log entry after theirs.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ReadsDuringAnImportTest {
    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    ReadsDuringAnImportTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void readsAnswerWhileAnImportHoldsItsTransactionAndSeeOnlyWhatWasCommitted() throws Exception {
        vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "a.json"),
                SyntheticRecords.points(10));
        String session = vault.sessions().start(camille.id(), Duration.ofHours(1));
        CountDownLatch importing = new CountDownLatch(1);
        CountDownLatch readsDone = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ImportBatch> held = threads.submit(() -> vault.imports().write(camille.id(),
                    new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "b.json"),
                    // The first ten are already held; the import waits inside its transaction at its first point.
                    SyntheticRecords.points(15).peek(point -> {
                        importing.countDown();
                        await(readsDone);
                    })));
            assertThat(importing.await(30, TimeUnit.SECONDS)).as("the import began").isTrue();

            Future<long[]> reads = threads.submit(() -> new long[] {
                    vault.status(camille.id()).records(),
                    vault.log().head(camille.id()).treeSize(),
                    vault.sessions().find(session).isPresent() ? 1 : 0,
                    vault.grants().list(camille.id()).size()});
            long[] seen = reads.get(30, TimeUnit.SECONDS);
            Future<Long> writes = threads.submit(() -> {
                vault.sessions().start(camille.id(), Duration.ofHours(1));
                return vault.log().append(camille.id(), LogEntryDraft.of(new LogActor.Owner(), LogAction.READ,
                        Set.of(RecordType.GEO_POINT), 10)).index();
            });
            long readLogged = writes.get(30, TimeUnit.SECONDS);
            boolean importStillUnderWay = !held.isDone();
            readsDone.countDown();
            held.get(60, TimeUnit.SECONDS);

            assertThat(importStillUnderWay).as("the reads and writes were answered while the import was under way").isTrue();
            assertThat(seen).containsExactly(10, 1, 1, 0);
            assertThat(readLogged).as("the read's entry follows the first import's").isEqualTo(1);
        }
        assertThat(vault.status(camille.id()).records()).isEqualTo(15);
        assertThat(vault.log().query(camille.id(), LogQuery.all())).extracting(entry -> entry.draft().action())
                .containsExactly(LogAction.IMPORT, LogAction.READ, LogAction.IMPORT);
        assertThat(vault.log().verify(camille.id()).intact()).isTrue();
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
