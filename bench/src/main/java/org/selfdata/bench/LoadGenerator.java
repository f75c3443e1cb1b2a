package org.selfdata.bench;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A closed-loop load generator: a number of workers, each a virtual thread sending its next request once the previous
 * one is answered, as browsers and apps do, so that the rate measured is what the server sustains rather than what a
 * generator pushes at it. Over HTTP, the JDK's {@link java.net.http.HttpClient} speaks HTTP/1.1 over a pool of
 * kept-alive connections, one per worker; a request may also be a call into the vault itself. A warm-up comes first
 * and is not counted; then only the exchanges begun and answered within the measured window count, each latency kept,
 * so that its percentiles are exact.
 */
final class LoadGenerator {
    /**
     * One exchange with a server: what a worker does, again and again; answers the status it got (an HTTP status, or
     * 200 for a call that succeeded). Each worker is numbered from 0, so that workers can act for different people.
     */
    @FunctionalInterface
    interface Exchange {
        int send(int worker) throws IOException, InterruptedException;
    }

    private final int workers;
    private final Duration warmup;
    private final Duration measured;

    LoadGenerator(int workers, Duration warmup, Duration measured) {
        if (workers < 1) {
            throw new IllegalArgumentException("a load needs at least one worker");
        }
        this.workers = workers;
        this.warmup = requireNonNull(warmup, "warmup is null");
        this.measured = requireNonNull(measured, "measured is null");
    }

    /** What one load came to: the exchanges answered within the window, their latencies in order, and the errors. */
    record Load(long exchanges, double seconds, long[] sortedNanoseconds, long errors, Optional<String> firstError) {
        double perSecond() {
            return exchanges / seconds;
        }

        /**
         * The latencies at these percentiles ({@code p50 1.20 ms, p99 4.00 ms}), and the errors if there were any: a rate
         * of failures would mean nothing.
         */
        String detail(int... percentiles) {
            String latencies = Arrays.stream(percentiles).mapToObj(percentile -> String.format(Locale.ROOT, "p%d %.2f ms",
                    percentile, percentileMillis(percentile / 100.0))).collect(Collectors.joining(", "));
            return errors == 0 ? latencies : latencies + String.format(Locale.ROOT, ", %,d errors (first: %s)", errors,
                    firstError.orElse("?"));
        }

        /** The latency below which this share of the exchanges were answered, in milliseconds. */
        double percentileMillis(double share) {
            if (sortedNanoseconds.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(share * sortedNanoseconds.length) - 1;
            return sortedNanoseconds[Math.clamp(index, 0, sortedNanoseconds.length - 1)] / 1e6;
        }
    }

    Load run(Exchange exchange) {
        long start = System.nanoTime() + warmup.toNanos();
        long end = start + measured.toNanos();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Future<Worked>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < workers; worker++) {
                int number = worker;
                futures.add(threads.submit(() -> work(exchange, number, start, end, firstError)));
            }
            List<Worked> done = new ArrayList<>();
            for (Future<Worked> future : futures) {
                done.add(future.get());
            }
            long[] latencies = done.stream().flatMapToLong(worked -> Arrays.stream(worked.latencies())).sorted().toArray();
            long errors = done.stream().mapToLong(Worked::errors).sum();
            return new Load(latencies.length, measured.toNanos() / 1e9, latencies, errors,
                    Optional.ofNullable(firstError.get()));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfdataException(ErrorCode.INTERNAL, "the load was interrupted", e);
        }
        catch (ExecutionException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a worker of the load failed: " + e.getCause(), e.getCause());
        }
    }

    private record Worked(long[] latencies, long errors) {}

    /**
     * Sends until the window ends; an answer that is not 2xx, or no answer, is an error, counted even in the warm-up and
     * never timed.
     */
    private Worked work(Exchange exchange, int worker, long start, long end, AtomicReference<String> firstError) {
        long[] latencies = new long[1024];
        int count = 0;
        long errors = 0;
        while (true) {
            long began = System.nanoTime();
            if (began >= end) {
                break;
            }
            String error = null;
            try {
                int status = exchange.send(worker);
                if (status < 200 || status > 299) {
                    error = "status " + status;
                }
            }
            catch (IOException | RuntimeException e) {
                error = e.toString();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long answered = System.nanoTime();
            if (error != null) {
                errors++;
                firstError.compareAndSet(null, error);
                continue;
            }
            if (began < start || answered > end) {
                continue;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = answered - began;
        }
        return new Worked(Arrays.copyOf(latencies, count), errors);
    }
}
