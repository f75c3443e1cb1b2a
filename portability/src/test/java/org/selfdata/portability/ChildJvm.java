package org.selfdata.portability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A Java process of its own, on the tests' class path, whose output lines the test can wait for and which it can
 * kill as a power cut or the out-of-memory killer would: {@link Process#destroyForcibly()} is SIGKILL on Linux, which
 * leaves no chance to roll back, close or clean up.
 */
final class ChildJvm implements AutoCloseable {
    /** Killed by signal 9, as the shell reports it. */
    static final int KILLED = 128 + 9;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread.ofVirtual().start(this::readOutput);
    }

    /**
     * Starts {@code main}'s main method with a small heap, since what runs there must stream, not hold. The process
     * lives a few seconds, so it compiles with C1 only and collects with the serial collector: a quick start matters
     * more than peak speed, and the machine may be busy with other builds.
     */
    static ChildJvm start(Class<?> main, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
            }
        }
        catch (IOException e) {
            // The process was killed while its output was being read; what was read is in the queue.
        }
    }

    /** Waits for the line; fails with what the process said if it ends or takes too long first. */
    void awaitLine(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.equals(expected)) {
                    return;
                }
            }
            else if (!process.isAlive() && lines.isEmpty()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") before saying '" + expected + "': "
                        + seen);
            }
        }
        throw new AssertionError("the process did not say '" + expected + "' within " + timeout + ": " + seen);
    }

    /** Kills the process with SIGKILL and waits until it is gone; returns its exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
