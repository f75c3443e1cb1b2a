package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Reads, encodes, fingerprints and seals records on a thread of its own while the importing thread writes the
 * previous chunk to the database: the two halves of an import take about as long as each other, and a vault's
 * machine has at least two cores. Chunks are handed over through a small bounded queue, so memory stays flat.
 *
 * <p>A failure on either side stops both: a malformed record reaches the writer as the exception it was, and a
 * writer that gives up closes the pipeline, which stops the sealing thread before the transaction rolls back.
 */
final class SealingPipeline<I, O> implements AutoCloseable {
    private static final int CHUNK = 1_000;

    private sealed interface Handover {
        record Chunk(List<?> rows) implements Handover {}

        record Failure(Throwable cause) implements Handover {}
    }

    private final BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(4);
    private final Thread sealer;
    private volatile boolean stopped;

    SealingPipeline(Iterator<? extends I> drafts, Function<? super I, ? extends O> seal) {
        requireNonNull(drafts, "drafts is null");
        requireNonNull(seal, "seal is null");
        this.sealer = Thread.ofPlatform().name("selfdata-sealing").daemon().unstarted(() -> run(drafts, seal));
        sealer.start();
    }

    private void run(Iterator<? extends I> drafts, Function<? super I, ? extends O> seal) {
        try {
            List<O> chunk = new ArrayList<>(CHUNK);
            while (!stopped && drafts.hasNext()) {
                chunk.add(seal.apply(drafts.next()));
                if (chunk.size() == CHUNK) {
                    handOver(new Handover.Chunk(chunk));
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                handOver(new Handover.Chunk(chunk));
            }
            handOver(new Handover.Chunk(List.of()));
        }
        catch (Throwable e) {
            handOver(new Handover.Failure(e));
        }
    }

    private void handOver(Handover handover) {
        try {
            while (!stopped && !queue.offer(handover, 100, TimeUnit.MILLISECONDS)) {
                // The writer is busy; wait, unless it has given up.
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next chunk of sealed rows, or an empty list once every record has been sealed. */
    @SuppressWarnings("unchecked") // the sealing thread puts only lists of O in chunks
    List<O> next() {
        Handover handover;
        try {
            handover = queue.take();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfdataException(ErrorCode.INTERNAL, "the import was interrupted", e);
        }
        return switch (handover) {
            case Handover.Chunk chunk -> (List<O>) chunk.rows();
            case Handover.Failure failure -> throw rethrown(failure.cause());
        };
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new SelfdataException(ErrorCode.INTERNAL, "sealing records failed", cause);
    }

    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            sealer.join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
