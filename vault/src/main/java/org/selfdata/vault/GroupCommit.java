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
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * Appends of the same person that arrive together, written together: one transaction and one signed head for a batch,
 * as databases commit groups of transactions. Each append signs a tree head, and the signature and the commit are
 * what an append costs, so a busy person's log would otherwise spend its time signing heads nobody reads between two
 * reads.
 *
 * <p>The person's appends form a line. The first to arrive while no batch of theirs is being written leads: it takes
 * everything in line (its own append first, at most {@link #MAXIMUM_BATCH} entries, so that one transaction stays
 * short), writes it, and on commit hands each caller its own entries. Appends arriving meanwhile wait in line; the
 * first of them leads the next batch once the one before has committed. A lone append therefore leads at once and is
 * never held back waiting for company, and nobody gets an entry back before it is durable. A batch that fails fails
 * for every caller in it, and nothing of it was written.
 *
 * <p>Entries keep the order the appends joined the line in. One batch per person is written at a time: SQLite writers
 * are exclusive anyway, and on PostgreSQL the person's row is locked, so different people's batches go side by side.
 * Waiting parks on locks and futures, never in a {@code synchronized} block, so virtual threads keep their carriers.
 */
final class GroupCommit {
    /** The most entries one batch writes; a single append of more is written alone. */
    static final int MAXIMUM_BATCH = 1_000;

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
        if (!joined.leads() && await(mine) instanceof Turn.Written written) {
            return written.entries();
        }
        return lead(person, joined.line(), mine);
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

    /** The line an append joined, and whether it leads the next batch at once. */
    private record Joined(Line line, boolean leads) {}

    private Joined join(PersonId person, Waiting waiting) {
        while (true) {
            Line line = lines.computeIfAbsent(person, id -> new Line());
            line.lock.lock();
            try {
                if (!line.retired) {
                    line.waiting.addLast(waiting);
                    boolean leads = !line.writing;
                    line.writing = true;
                    return new Joined(line, leads);
                }
            }
            finally {
                line.lock.unlock();
            }
        }
    }

    private List<LogEntry> lead(PersonId person, Line line, Waiting mine) {
        List<Waiting> batch = line.take(maximumBatch);
        List<LogEntry> own = List.of();
        try {
            List<LogEntryDraft> drafts = new ArrayList<>();
            batch.forEach(waiting -> drafts.addAll(waiting.drafts()));
            List<LogEntry> written = writer.write(person, drafts);
            int from = 0;
            for (Waiting waiting : batch) {
                List<LogEntry> entries = List.copyOf(written.subList(from, from + waiting.drafts().size()));
                from += waiting.drafts().size();
                if (waiting == mine) {
                    own = entries;
                }
                else {
                    waiting.turn().complete(new Turn.Written(entries));
                }
            }
        }
        catch (RuntimeException | Error failure) {
            batch.stream().filter(waiting -> waiting != mine)
                    .forEach(waiting -> waiting.turn().completeExceptionally(failure));
            throw failure;
        }
        finally {
            handOver(person, line);
        }
        return own;
    }

    /** Makes the first in line the next leader, or retires the line when nobody is waiting. */
    private void handOver(PersonId person, Line line) {
        line.lock.lock();
        try {
            Waiting next = line.waiting.peekFirst();
            if (next != null) {
                next.turn().complete(Turn.Lead.LEAD);
            }
            else {
                line.writing = false;
                line.retired = true;
                lines.remove(person, line);
            }
        }
        finally {
            line.lock.unlock();
        }
    }

    /**
     * Waits, without giving up on an interrupt: the batch writes this append whatever the caller does, and the next
     * leader may be this very caller.
     */
    private static Turn await(Waiting waiting) {
        try {
            return waiting.turn().join();
        }
        catch (CompletionException e) {
            throw failedWith(e.getCause());
        }
    }

    /** The batch's failure for a caller other than the one that wrote it: the same failure, from this caller's call. */
    private static SelfdataException failedWith(Throwable failure) {
        if (failure instanceof SelfdataException exception) {
            return exception.wording().map(wording -> new SelfdataException(exception.code(), wording, exception))
                    .orElseGet(() -> new SelfdataException(exception.code(), exception.getMessage(), exception));
        }
        return new SelfdataException(ErrorCode.INTERNAL, "the batch of log entries this one was in failed: " + failure,
                failure);
    }

    /** An append in line: its drafts, and what the caller is waiting for. */
    private record Waiting(List<LogEntryDraft> drafts, CompletableFuture<Turn> turn) {
        Waiting(List<LogEntryDraft> drafts) {
            this(drafts, new CompletableFuture<>());
        }
    }

    /** What a waiting caller is woken with: its entries, written by another's batch, or its turn to lead. */
    private sealed interface Turn {
        record Written(List<LogEntry> entries) implements Turn {}

        enum Lead implements Turn {
            LEAD
        }
    }

    /** One person's line: the appends waiting, whether a batch is being written, and whether the line is gone. */
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
