package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite lets one writer in at a time. Writers waiting for it must not hold the server's carrier threads: with more of
 * them waiting than there are carriers, a reader (or the writer holding the lock) must still get to run.
 */
class WriterTurnsTest {
    @RegisterExtension
    final VaultWithCamille fixture = new VaultWithCamille(Engine.SQLITE);
    private final Vault vault = fixture.vault();

    @Test
    void writersWaitingForTheLockLeaveTheCarriersToAReaderAndToTheWriterHoldingIt() throws Exception {
        int waiting = Runtime.getRuntime().availableProcessors() * 2 + 2;
        List<Person> people = new ArrayList<>();
        for (int index = 0; index < waiting; index++) {
            people.add(vault.people().create("person" + index, TestVaults.PARIS));
        }
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch readerDone = new CountDownLatch(1);
        AtomicBoolean readWhileHeld = new AtomicBoolean();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> holder = threads.submit(() -> vault.database().transaction(fixture.camille().id(), connection -> {
                holding.countDown();
                // Holds SQLite's write lock until the reader, started once the writers below wait, has read.
                try {
                    readWhileHeld.set(readerDone.await(20, TimeUnit.SECONDS));
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> writers = new ArrayList<>();
            for (Person person : people) {
                writers.add(threads.submit(() -> vault.log().append(person.id(), read())));
            }
            Future<?> reader = threads.submit(() -> {
                vault.people().list();
                readerDone.countDown();
            });
            reader.get(60, TimeUnit.SECONDS);
            holder.get(60, TimeUnit.SECONDS);
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(readWhileHeld).as("the reader read while the writer held the lock and others waited").isTrue();
        assertThat(people).allSatisfy(person -> assertThat(vault.log().head(person.id()).treeSize()).isEqualTo(1));
    }

    private static LogEntryDraft read() {
        return LogEntryDraft.of(new LogActor.Recipient(RecipientId.of("recipient-insurer")), LogAction.READ,
                Set.of(RecordType.GEO_POINT), 1);
    }
}
