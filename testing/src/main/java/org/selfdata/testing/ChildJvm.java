package org.selfdata.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * A Java process of its own, on the tests' class path, whose output lines the test can wait for and which it can
 * kill as a power cut or the out-of-memory killer would: {@link Process#destroyForcibly()} is SIGKILL on Linux, which
 * leaves no chance to roll back, close or clean up.
 *
 * <p>It can start under a umask of the test's choosing, through the shell, since a Java process cannot set its own,
 * and with a temporary folder of the test's, so that the test can look at everything the process left there.
 */
public final class ChildJvm implements AutoCloseable {
    /** Killed by signal 9, as the shell reports it. */
    public static final int KILLED = 128 + 9;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = Thread.ofVirtual().start(this::readOutput);
    }

    /** How the process starts: under which umask, with which temporary folder. */
    public record Launch(Optional<String> umask, Optional<Path> temporaryFolder) {
        public Launch {
            requireNonNull(umask, "umask is null");
            requireNonNull(temporaryFolder, "temporaryFolder is null");
            if (umask.isPresent() && !umask.get().matches("[0-7]{3,4}")) {
                throw new IllegalArgumentException("a umask is three or four octal digits, was " + umask.get());
            }
        }

        /** The umask and the temporary folder this process has. */
        public static Launch inherited() {
            return new Launch(Optional.empty(), Optional.empty());
        }

        public Launch withUmask(String newUmask) {
            return new Launch(Optional.of(newUmask), temporaryFolder);
        }

        public Launch withTemporaryFolder(Path folder) {
            return new Launch(umask, Optional.of(folder));
        }

        /**
         * Starts {@code main}'s main method with a small heap, since what runs there must stream, not hold. The process
         * lives a few seconds, so it compiles with C1 only and collects with the serial collector: a quick start matters
         * more than peak speed, and the machine may be busy with other builds. It allows what the {@code selfdata} script
         * allows (native access, and the libraries' use of sun.misc.Unsafe), so it prints what selfdata prints there.
         */
        public ChildJvm start(Class<?> main, String... arguments) {
            List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                    "--sun-misc-unsafe-memory-access=allow"));
            temporaryFolder.ifPresent(folder -> java.add("-Djava.io.tmpdir=" + folder));
            java.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
            java.addAll(List.of(arguments));
            List<String> command = umask.isEmpty() ? java
                    : withUmask(umask.get(), java);
            try {
                return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** {@code sh -c 'umask 022; exec "$0" "$@"' java ...}: the shell sets the umask, then becomes the JVM. */
        private static List<String> withUmask(String umask, List<String> java) {
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + umask + "; exec \"$0\" \"$@\""));
            command.addAll(java);
            return command;
        }
    }

    /** Starts {@code main} with this process's umask and temporary folder; see {@link Launch#start}. */
    public static ChildJvm start(Class<?> main, String... arguments) {
        return Launch.inherited().start(main, arguments);
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
    public void awaitLine(String expected, Duration timeout) throws InterruptedException {
        awaitLineStartingWith(expected, timeout, true);
    }

    /** Waits for a line that starts with {@code prefix} and returns it whole. */
    public String awaitLineStartingWith(String prefix, Duration timeout) throws InterruptedException {
        return awaitLineStartingWith(prefix, timeout, false);
    }

    private String awaitLineStartingWith(String expected, Duration timeout, boolean whole) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (whole ? line.equals(expected) : line.startsWith(expected)) {
                    return line;
                }
            }
            else if (!process.isAlive() && lines.isEmpty()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") before saying '" + expected + "': "
                        + seen);
            }
        }
        throw new AssertionError("the process did not say '" + expected + "' within " + timeout + ": " + seen);
    }

    /**
     * Waits for the process to end by itself; returns its exit status, or fails with what it said. Once it returns,
     * {@link #output()} holds every line the process wrote, its last ones included.
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not end within " + timeout + ": " + output());
        }
        if (!reader.join(timeout)) {
            throw new AssertionError("the output of the process did not end within " + timeout + ": " + output());
        }
        return process.exitValue();
    }

    /** Everything the process said so far, for a failure's message. */
    public List<String> output() {
        List<String> all = new ArrayList<>(seen);
        all.addAll(lines);
        return all;
    }

    /** The process's id, to look at what it holds open. */
    public long pid() {
        return process.pid();
    }

    /** Kills the process with SIGKILL and waits until it is gone; returns its exit status. */
    public int kill() throws InterruptedException {
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
