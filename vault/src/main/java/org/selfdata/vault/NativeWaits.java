package org.selfdata.vault;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs work that waits inside native code on a platform thread of its own, while the virtual thread that asked parks.
 *
 * <p>A virtual thread that waits inside native code, as SQLite's commit does while the disk syncs, keeps its carrier:
 * one of the few threads, one per core, that every request of the server runs on. On a machine of two cores, each
 * commit of the log would stop half of the server for as long as the disk takes. Handed to a platform thread, the wait
 * holds that thread alone, and the requests go on. Work asked from a platform thread runs where it is.
 */
final class NativeWaits {
    /** More than the writers SQLite lets in at once (one) and than PostgreSQL's pool holds, so none waits for a thread. */
    private static final int THREADS = 16;
    private static final ThreadPoolExecutor PLATFORM = platformThreads();

    private NativeWaits() {
    }

    /** The work's result, computed on a platform thread; its failure is thrown as it was thrown there. */
    static <T> T onPlatformThread(Supplier<T> work) {
        if (!Thread.currentThread().isVirtual()) {
            return work.get();
        }
        try {
            // join waits without giving up on an interrupt, as the work, once begun, goes on whatever the caller does.
            return CompletableFuture.supplyAsync(work, PLATFORM).join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static ThreadPoolExecutor platformThreads() {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name("selfdata-native-wait-", 0).factory());
        threads.allowCoreThreadTimeOut(true);
        return threads;
    }
}
