package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * Appends of the same person that arrive together, written together: one transaction and one signed head for a batch,
 * as databases commit groups of transactions. Each append signs a tree head, and the signature and the commit are
 * what an append costs, so a busy person's log would otherwise spend its time signing heads nobody reads between two
 * reads.
 *
 * <p>The person's appends form a line, and one writer, a platform thread, writes it: the first append to arrive while
 * nobody writes the person's line starts it. The writer takes everything in line (at most {@link #MAXIMUM_BATCH}
 * entries, so that one transaction stays short), writes it, hands each caller its own entries on commit, and takes the
 * next batch at once, until the line is empty. Appends arriving meanwhile wait in line for the next batch. A lone
 * append is therefore written at once and never held back waiting for company, and nobody gets an entry back before it
 * is durable. A batch that fails fails for every caller in it, and nothing of it was written.
 *
 * <p>The writer is a platform thread because a commit waits for the disk inside the database driver's native code
 * (SQLite's), and a virtual thread waiting there keeps its carrier: one of the few threads, one per core, that every
 * request of the server runs on. A platform thread waits there alone while the callers park, and it goes from one batch
 * to the next without waking anyone to lead it.
 *
 * <p>Entries keep the order the appends joined the line in. One batch per person is written at a time: SQLite writers
 * are exclusive anyway, and on PostgreSQL the person's row is locked, so different people's batches go side by side.
 * Waiting parks on locks and futures, never in a {@code synchronized} block, so virtual threads keep their carriers.
 */
final class GroupCommit {
    /** The most entries one batch writes; a single append of more is written alone. */
    static final int MAXIMUM_BATCH = 1_000;
    /** Writers at once, one per person being written: more than PostgreSQL's pool holds connections. */
    private static final int WRITERS = 16;
    private static final Executor PLATFORM_WRITERS = platformWriters();

    /** Writes a batch for a person in one transaction, returning the entries in the order of the drafts. */
    @FunctionalInterface
    interface Writer {
        List<LogEntry> write(PersonId person, List<LogEntryDraft> drafts);
    }

    private final ConcurrentHashMap<PersonId, Line> lines = new ConcurrentHashMap<>();
    private final Writer writer;
    private final int maximumBatch;

    GroupCommit(Writer writer) {
        this(writer, MAXIMUM_BATCH);
    }

    GroupCommit(Writer writer, int maximumBatch) {
        this.writer = requireNonNull(writer, "writer is null");
        if (maximumBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one entry");
        }
        this.maximumBatch = maximumBatch;
    }

    /** Appends the drafts, once durable, with the appends of others that arrived meanwhile. */
    List<LogEntry> append(PersonId person, List<LogEntryDraft> drafts) {
        requireNonNull(person, "person is null");
        Waiting mine = new Waiting(List.copyOf(drafts));
        Joined joined = join(person, mine);
        if (joined.starts()) {
            PLATFORM_WRITERS.execute(() -> writeLine(person, joined.line()));
        }
        return await(mine);
    }

    /** How many of the person's appends are in line, not yet taken into a batch: for tests that line them up. */
    int waiting(PersonId person) {
        Line line = lines.get(person);
        if (line == null) {
            return 0;
        }
        line.lock.lock();
        try {
            return line.waiting.size();
        }
        finally {
            line.lock.unlock();
        }
    }

    /** The line an append joined, and whether its writer must be started. */
    private record Joined(Line line, boolean starts) {}

    private Joined join(PersonId person, Waiting waiting) {
        while (true) {
            Line line = lines.computeIfAbsent(person, id -> new Line());
            line.lock.lock();
            try {
                if (!line.retired) {
                    line.waiting.addLast(waiting);
                    boolean starts = !line.writing;
                    line.writing = true;
                    return new Joined(line, starts);
                }
            }
            finally {
                line.lock.unlock();
            }
        }
    }

    /** The writer's work: batch after batch, until nobody is in line, when the line is retired. */
    private void writeLine(PersonId person, Line line) {
        List<Waiting> batch = next(person, line);
        while (!batch.isEmpty()) {
            write(person, batch);
            batch = next(person, line);
        }
    }

    /**
     * The line's next batch; or, when nobody is in line, none, and the line is retired, so that the next append starts
     * a writer of its own.
     */
    private List<Waiting> next(PersonId person, Line line) {
        line.lock.lock();
        try {
            List<Waiting> batch = line.take(maximumBatch);
            if (batch.isEmpty()) {
                line.writing = false;
                line.retired = true;
                lines.remove(person, line);
            }
            return batch;
        }
        finally {
            line.lock.unlock();
        }
    }

    private void write(PersonId person, List<Waiting> batch) {
        try {
            List<LogEntryDraft> drafts = new ArrayList<>();
            batch.forEach(waiting -> drafts.addAll(waiting.drafts()));
            List<LogEntry> written = writer.write(person, drafts);
            int from = 0;
            for (Waiting waiting : batch) {
                List<LogEntry> entries = List.copyOf(written.subList(from, from + waiting.drafts().size()));
                from += waiting.drafts().size();
                waiting.written().complete(entries);
            }
        }
        catch (RuntimeException | Error failure) {
            batch.forEach(waiting -> waiting.written().completeExceptionally(failure));
        }
    }

    /**
     * Waits, without giving up on an interrupt: the batch writes this append whatever the caller does.
     */
    private static List<LogEntry> await(Waiting waiting) {
        try {
            return waiting.written().join();
        }
        catch (CompletionException e) {
            throw failedWith(e.getCause());
        }
    }

    /** The batch's failure for a caller in it: the same failure, from this caller's call. */
    private static SelfdataException failedWith(Throwable failure) {
        if (failure instanceof SelfdataException exception) {
            return exception.wording().map(wording -> new SelfdataException(exception.code(), wording, exception))
                    .orElseGet(() -> new SelfdataException(exception.code(), exception.getMessage(), exception));
        }
        return new SelfdataException(ErrorCode.INTERNAL, "the batch of log entries this one was in failed: " + failure,
                failure);
    }

    private static Executor platformWriters() {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(WRITERS, WRITERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name("selfdata-log-writer-", 0).factory());
        threads.allowCoreThreadTimeOut(true);
        return threads;
    }

    /** An append in line: its drafts, and its entries once written. */
    private record Waiting(List<LogEntryDraft> drafts, CompletableFuture<List<LogEntry>> written) {
        Waiting(List<LogEntryDraft> drafts) {
            this(drafts, new CompletableFuture<>());
        }
    }

    /** One person's line: the appends waiting, whether its writer is at work, and whether the line is gone. */
    private static final class Line {
        private final ReentrantLock lock = new ReentrantLock();
        private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        private boolean writing;
        private boolean retired;

        /** The next batch, in order of arrival: at least the first append, and at most the bound's entries after it. */
        List<Waiting> take(int maximumBatch) {
            lock.lock();
            try {
                List<Waiting> batch = new ArrayList<>();
                int size = 0;
                while (!waiting.isEmpty()
                        && (batch.isEmpty() || size + waiting.peekFirst().drafts().size() <= maximumBatch)) {
                    Waiting next = waiting.pollFirst();
                    batch.add(next);
                    size += next.drafts().size();
                }
                return batch;
            }
            finally {
                lock.unlock();
            }
        }
    }
}
