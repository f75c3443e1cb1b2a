package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While an import is under way, holding its transaction open, the person's status, sessions, grants and the log's head
 * are read from what was committed before it, without waiting for it to end.
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
            boolean importStillUnderWay = !held.isDone();
            readsDone.countDown();
            held.get(60, TimeUnit.SECONDS);

            assertThat(importStillUnderWay).as("the reads were answered while the import held its transaction").isTrue();
            assertThat(seen).containsExactly(10, 1, 1, 0);
        }
        assertThat(vault.status(camille.id()).records()).isEqualTo(15);
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
