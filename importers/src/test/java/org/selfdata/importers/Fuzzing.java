package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportItem;
import org.selfdata.model.SelfdataException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.fail;

/**
 * A property-based fuzzer for one importer: mutations of valid seed files (bytes flipped, ranges cut, repeated or
 * swapped, structural tokens spliced in, the file truncated) must each end in records or in the importer's own
 * clear error ({@code INVALID_INPUT}, {@code UNSUPPORTED_FORMAT}, {@code TOO_LARGE}), within a few seconds, without
 * running out of the test JVM's bounded heap.
 *
 * <p>Runs are reproducible: the seed of the random source is fixed per test, and a failing input is written under
 * {@code target/fuzz-failures/} with the iteration that produced it. The time spent per importer is
 * {@code selfdata.fuzz.seconds} (3 by default, so that the whole suite stays within CI's budget; raise it to fuzz
 * for longer by hand).
 */
final class Fuzzing {
    private static final Set<ErrorCode> CLEAR_ERRORS = Set.of(ErrorCode.INVALID_INPUT, ErrorCode.UNSUPPORTED_FORMAT,
            ErrorCode.TOO_LARGE);
    private static final Duration HANG = Duration.ofSeconds(20);
    /**
     * Mutations tried whatever the time they take: on a loaded machine the time budget alone could run out on the seeds,
     * and whether a test fuzzes at all must not depend on how busy the machine is.
     */
    private static final int MINIMUM_MUTATIONS = 50;
    private static final int MAXIMUM_MESSAGE_LENGTH = 1_000;
    private static final List<byte[]> TOKENS = List.of(
            bytes("\n"), bytes("\r\n"), bytes(";"), bytes(","), bytes("\""), bytes("<"), bytes(">"), bytes("</"),
            bytes("{"), bytes("}"), bytes("["), bytes("]"), bytes(":"), bytes("-"), bytes("9999999999999999999999"),
            bytes("-0"), bytes("1e999"), bytes("NaN"), bytes("\u0000"), bytes("\uFEFF"), bytes("é"), new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes("&amp;"), bytes("<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>"),
            bytes("\\u00c3\\u00a9"), bytes("null"), bytes("true"), bytes("0"), bytes("20251332"), bytes("29/02/2023"));

    private final Importer importer;
    private final List<byte[]> seeds;

    private Fuzzing(Importer importer, List<byte[]> seeds) {
        this.importer = importer;
        this.seeds = List.copyOf(seeds);
    }

    static Fuzzing of(Importer importer, List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("fuzzing needs at least one seed file");
        }
        return new Fuzzing(importer, seeds);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fuzzes for the configured time, and at least {@link #MINIMUM_MUTATIONS} mutations however long they take;
     * returns how many inputs were tried, so that a test can show it tried some.
     */
    long run(long randomSeed) {
        long budget = Duration.ofSeconds(Long.getLong("selfdata.fuzz.seconds", 3)).toNanos();
        Random random = new Random(randomSeed);
        long started = System.nanoTime();
        long iterations = 0;
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fuzzing " + importer.format());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (byte[] seed : seeds) {
                check(executor, seed, randomSeed, iterations++);
            }
            long mutations = 0;
            while (mutations++ < MINIMUM_MUTATIONS || System.nanoTime() - started < budget) {
                byte[] input = mutate(random, seeds.get(random.nextInt(seeds.size())));
                check(executor, input, randomSeed, iterations++);
            }
        }
        finally {
            executor.shutdownNow();
        }
        return iterations;
    }

    private void check(ExecutorService executor, byte[] input, long randomSeed, long iteration) {
        Future<?> reading = executor.submit(() -> consume(input));
        try {
            reading.get(HANG.toSeconds(), TimeUnit.SECONDS);
        }
        catch (TimeoutException e) {
            reading.cancel(true);
            failWith(input, randomSeed, iteration, "did not finish within " + HANG.toSeconds() + " s", e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SelfdataException error && CLEAR_ERRORS.contains(error.code())
                    && error.getMessage().length() <= MAXIMUM_MESSAGE_LENGTH) {
                return;
            }
            failWith(input, randomSeed, iteration, "threw " + cause, cause);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fuzzing", e);
        }
    }

    private void consume(byte[] input) {
        try (ParsedFile file = importer.open(new ByteArrayInputStream(input), Reading.PARIS)) {
            file.source();
            try (var items = file.items()) {
                items.forEach(Fuzzing::touch);
            }
        }
    }

    private static void touch(ImportItem item) {
        item.position().value();
    }

    private void failWith(byte[] input, long randomSeed, long iteration, String what, Throwable cause) {
        Path folder = Path.of("target", "fuzz-failures");
        Path file = folder.resolve(importer.format() + "-" + randomSeed + "-" + iteration + ".bin");
        try {
            Files.createDirectories(folder);
            Files.write(file, input);
        }
        catch (IOException e) {
            cause.addSuppressed(e);
        }
        fail("the " + importer.format() + " importer " + what + " on fuzzed input " + iteration + " (random seed "
                + randomSeed + "), kept in " + file.toAbsolutePath(), cause);
    }

    static byte[] mutate(Random random, byte[] seed) {
        byte[] data = seed.clone();
        int mutations = 1 + random.nextInt(4);
        for (int count = 0; count < mutations; count++) {
            data = mutateOnce(random, data);
        }
        return data;
    }

    private static byte[] mutateOnce(Random random, byte[] data) {
        if (data.length == 0) {
            return TOKENS.get(random.nextInt(TOKENS.size())).clone();
        }
        int at = random.nextInt(data.length);
        return switch (random.nextInt(7)) {
            case 0 -> {
                byte[] flipped = data.clone();
                flipped[at] ^= (byte) (1 << random.nextInt(8));
                yield flipped;
            }
            case 1 -> splice(data, at, at + 1 + random.nextInt(Math.min(64, data.length - at)), new byte[0]);
            case 2 -> splice(data, at, at, TOKENS.get(random.nextInt(TOKENS.size())));
            case 3 -> {
                int end = at + 1 + random.nextInt(Math.min(256, data.length - at));
                byte[] range = java.util.Arrays.copyOfRange(data, at, end);
                yield splice(data, end, end, range);
            }
            case 4 -> java.util.Arrays.copyOf(data, at);
            case 5 -> {
                byte[] replaced = data.clone();
                replaced[at] = (byte) random.nextInt(256);
                yield replaced;
            }
            default -> {
                int other = random.nextInt(data.length);
                int length = 1 + random.nextInt(Math.min(32, data.length - Math.max(at, other)));
                byte[] swapped = data.clone();
                System.arraycopy(data, other, swapped, at, length);
                System.arraycopy(data, at, swapped, other, length);
                yield swapped;
            }
        };
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        byte[] result = new byte[data.length - (to - from) + insert.length];
        System.arraycopy(data, 0, result, 0, from);
        System.arraycopy(insert, 0, result, from, insert.length);
        System.arraycopy(data, to, result, from + insert.length, data.length - to);
        return result;
    }
}
