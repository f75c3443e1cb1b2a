package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Appends that arrive together are written together: one transaction and one signed head per batch, each caller getting
 * its own entries back once durable, in order of arrival, and a failed batch failing for every caller in it.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class GroupCommitTest {
    private static final int CALLERS = 200;

    private final HeldClock clock = new HeldClock();
    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    GroupCommitTest(Engine engine) {
        fixture = new VaultWithCamille(engine, clock);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void manyConcurrentAppendsGetConsecutiveIndexesEachTheirOwnEntryUnderFewerHeads() throws Exception {
        long headsBefore = vault.log().headsKept(camille.id());
        List<LogEntryDraft> drafts = IntStream.range(0, CALLERS).mapToObj(GroupCommitTest::read).toList();

        List<LogEntry> entries = concurrently(drafts.stream().map(draft -> (Append) () ->
                vault.log().append(camille.id(), draft)).toList());

        for (int caller = 0; caller < CALLERS; caller++) {
            assertThat(entries.get(caller).draft()).isEqualTo(drafts.get(caller));
        }
        assertThat(entries).extracting(LogEntry::index).containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, CALLERS).boxed().toList());
        assertThat(vault.log().query(camille.id(), LogQuery.all())).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(vault.log().verify(camille.id())).isInstanceOf(LogVerification.Intact.class)
                .extracting(verification -> ((LogVerification.Intact) verification).size()).isEqualTo((long) CALLERS);
        assertThat(vault.log().headsKept(camille.id()) - headsBefore).isPositive().isLessThan(CALLERS);
    }

    @Test
    void appendsThatArriveWhileABatchIsWrittenAreWrittenNextUnderOneHeadInTheirOrderOfArrival() throws Exception {
        long headsBefore = vault.log().headsKept(camille.id());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LogEntry> first = clock.holding(() -> threads.submit(() -> vault.log().append(camille.id(), read(0))));
            List<Future<LogEntry>> queued = new ArrayList<>();
            for (int caller = 1; caller <= 3; caller++) {
                LogEntryDraft draft = read(caller);
                queued.add(threads.submit(() -> vault.log().append(camille.id(), draft)));
                awaitWaiting(camille.id(), caller);
            }
            clock.release();

            assertThat(first.get().index()).isZero();
            assertThat(queued).extracting(Future::get).extracting(LogEntry::index).containsExactly(1L, 2L, 3L);
            assertThat(queued).extracting(Future::get).extracting(LogEntry::draft).containsExactly(read(1), read(2), read(3));
        }
        assertThat(vault.log().headsKept(camille.id()) - headsBefore).isEqualTo(2);
        assertThat(vault.log().verify(camille.id()).intact()).isTrue();
    }

    @Test
    void aBatchHoldsAtMostAThousandEntriesSoOneTransactionStaysShort() throws Exception {
        long headsBefore = vault.log().headsKept(camille.id());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LogEntry> first = clock.holding(() -> threads.submit(() -> vault.log().append(camille.id(), read(0))));
            List<Future<List<LogEntry>>> queued = new ArrayList<>();
            for (int caller = 1; caller <= 3; caller++) {
                List<LogEntryDraft> drafts = IntStream.range(0, 600).mapToObj(GroupCommitTest::read).toList();
                queued.add(threads.submit(() -> vault.log().appendAll(camille.id(), drafts)));
                awaitWaiting(camille.id(), caller);
            }
            clock.release();

            first.get();
            assertThat(queued).extracting(Future::get).extracting(entries -> entries.getFirst().index())
                    .containsExactly(1L, 601L, 1201L);
        }
        assertThat(vault.log().headsKept(camille.id()) - headsBefore).isEqualTo(4);
        assertThat(vault.log().verify(camille.id()).intact()).isTrue();
    }

    @Test
    void aBatchThatFailsFailsForEveryCallerInItAndLeavesTheLogVerifiable() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LogEntry> first = clock.holding(() -> threads.submit(() -> vault.log().append(camille.id(), read(0))));
            List<Future<LogEntry>> queued = new ArrayList<>();
            for (int caller = 1; caller <= 5; caller++) {
                LogEntryDraft draft = read(caller);
                queued.add(threads.submit(() -> vault.log().append(camille.id(), draft)));
                awaitWaiting(camille.id(), caller);
            }
            clock.failNext(new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE, "the disk went away"));
            clock.release();

            assertThat(first.get().index()).isZero();
            for (Future<LogEntry> caller : queued) {
                assertThat(failureOf(caller)).isInstanceOf(SelfdataException.class).hasMessage("the disk went away")
                        .extracting(failure -> ((SelfdataException) failure).code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
            }
        }
        assertThat(vault.log().verify(camille.id())).isInstanceOf(LogVerification.Intact.class)
                .extracting(verification -> ((LogVerification.Intact) verification).size()).isEqualTo(1L);
        assertThat(vault.log().append(camille.id(), read(6)).index()).isEqualTo(1);
        assertThat(vault.log().verify(camille.id()).intact()).isTrue();
    }

    @Test
    void aBatchIsWrittenByAPlatformThreadSoThatTheVirtualThreadsAskingKeepTheirCarriersWhileTheDiskSyncs() throws Exception {
        List<Boolean> writtenOnVirtualThread = new CopyOnWriteArrayList<>();
        GroupCommit commit = new GroupCommit((person, drafts) -> {
            writtenOnVirtualThread.add(Thread.currentThread().isVirtual());
            return IntStream.range(0, drafts.size()).mapToObj(index -> new LogEntry(index, Instant.now(), drafts.get(index)))
                    .toList();
        });
        List<LogEntry> entries;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            entries = threads.submit(() -> commit.append(camille.id(), List.of(read(0), read(1)))).get(10, TimeUnit.SECONDS);
        }

        assertThat(entries).extracting(LogEntry::draft).containsExactly(read(0), read(1));
        assertThat(writtenOnVirtualThread).containsExactly(false);
    }

    @Test
    void twoPeoplesAppendsDoNotMix() throws Exception {
        PersonId dominique = vault.people().create("dominique", ZoneId.of("Europe/Paris")).id();
        List<Append> appends = new ArrayList<>();
        for (int caller = 0; caller < CALLERS; caller++) {
            LogEntryDraft draft = read(caller);
            PersonId person = caller % 2 == 0 ? camille.id() : dominique;
            appends.add(() -> vault.log().append(person, draft));
        }

        concurrently(appends);

        for (PersonId person : List.of(camille.id(), dominique)) {
            List<LogEntry> log = vault.log().query(person, LogQuery.all());
            long parity = person.equals(camille.id()) ? 0 : 1;
            assertThat(log).extracting(LogEntry::index).containsExactlyElementsOf(LongStream.range(0, CALLERS / 2).boxed()
                    .toList());
            assertThat(log).allSatisfy(entry -> assertThat(entry.draft().count() % 2).isEqualTo(parity));
            assertThat(vault.log().verify(person).intact()).isTrue();
        }
    }

    private static LogEntryDraft read(int caller) {
        return LogEntryDraft.of(new LogActor.Recipient(RecipientId.of("recipient-insurer")), LogAction.READ, Set.of(), caller);
    }

    @FunctionalInterface
    private interface Append {
        LogEntry run();
    }

    /** Runs every append at once, each on a virtual thread of its own, and gives their entries in the appends' order. */
    private static List<LogEntry> concurrently(List<Append> appends) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<LogEntry>> futures = appends.stream().map(append -> threads.submit(() -> {
                start.await();
                return append.run();
            })).toList();
            start.countDown();
            List<LogEntry> entries = new ArrayList<>();
            for (Future<LogEntry> future : futures) {
                entries.add(future.get(60, TimeUnit.SECONDS));
            }
            return entries;
        }
    }

    private void awaitWaiting(PersonId person, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (vault.log().waitingToAppend(person) < count) {
            if (System.nanoTime() > deadline) {
                fail("only " + vault.log().waitingToAppend(person) + " appends lined up, not " + count);
            }
            Thread.sleep(1);
        }
    }

    private static Throwable failureOf(Future<?> future) throws InterruptedException {
        try {
            future.get();
            return fail("the append succeeded");
        }
        catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /**
     * The system's clock, which can hold the log's next look at the time, and so the transaction it is in, until
     * released, and can fail the look after.
     */
    private static final class HeldClock extends Clock {
        private final AtomicBoolean holdNext = new AtomicBoolean();
        private final AtomicReference<RuntimeException> failNext = new AtomicReference<>();
        private volatile CountDownLatch held = new CountDownLatch(1);
        private volatile CountDownLatch released = new CountDownLatch(1);

        interface Start<T> {
            T start();
        }

        /** Starts what will look at the time next, and returns once it is held there. */
        <T> T holding(Start<T> start) throws InterruptedException {
            held = new CountDownLatch(1);
            released = new CountDownLatch(1);
            holdNext.set(true);
            T started = start.start();
            assertThat(held.await(10, TimeUnit.SECONDS)).as("the append looked at the time").isTrue();
            return started;
        }

        void release() {
            released.countDown();
        }

        void failNext(RuntimeException failure) {
            failNext.set(failure);
        }

        @Override
        public Instant instant() {
            if (holdNext.compareAndSet(true, false)) {
                held.countDown();
                try {
                    released.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Instant.now();
            }
            RuntimeException failure = failNext.getAndSet(null);
            if (failure != null) {
                throw failure;
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
