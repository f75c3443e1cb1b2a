package org.selfdata.server;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The node scripts in {@code src/test/node}, which check selfdata with packages nobody here wrote (installed by
 * {@value #INSTALL}): where the packages are missing the tests that need them are skipped, saying how to install them,
 * or fail where {@value #REQUIRED} says the install must have been done, as on CI.
 */
final class ThirdPartyScripts {
    static final String REQUIRED = "SELFDATA_CERTIFIED_CLIENT_REQUIRED";
    static final String INSTALL = "npm ci --prefix server/src/test/node";
    static final Path PROJECT = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
            .resolve(Path.of("src", "test", "node"));
    private static final long PATIENCE_SECONDS = 60;

    private ThirdPartyScripts() {}

    /** Skips the test when node or the package is missing; fails it instead where {@value #REQUIRED} is set. */
    static void requireInstalled(String nodePackage) {
        Optional<String> missing = nodeVersion().isEmpty() ? Optional.of("no node on the PATH")
                : Files.isDirectory(PROJECT.resolve("node_modules").resolve(nodePackage)) ? Optional.empty()
                : Optional.of(nodePackage + " is not installed in " + PROJECT.resolve("node_modules"));
        missing.ifPresent(reason -> {
            String message = reason + ": these tests need node 20 or later and `" + INSTALL + "`";
            if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
                fail(message + " (" + REQUIRED + " is set: the install must have been done)");
            }
            Assumptions.abort(message + "; they are skipped");
        });
    }

    /** Runs a script to its end and reads the one line of JSON it prints last; node's error output goes in a failure. */
    static JsonNode run(String script, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(script + " did not end within " + PATIENCE_SECONDS + " s");
            }
            List<String> lines = new String(output, StandardCharsets.UTF_8).strip().lines().toList();
            if (lines.isEmpty()) {
                return fail(script + " printed nothing; it wrote to its error output:\n" + errors);
            }
            return ApiClient.json(lines.getLast());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Optional<String> nodeVersion() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? Optional.of(version) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
