package org.selfdata.rights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the pack's own verifier under Node.js, as an authority would, with no part of selfdata on its path. A test that
 * needs it is skipped on a machine without {@code node}.
 */
final class NodeVerifier {
    /** What the verifier printed, line by line, and how it exited. */
    record Verdict(int exitCode, List<String> lines) {}

    private NodeVerifier() {}

    /** Verifies a zip, with the verifier the pack ships, copied beside it. */
    static Verdict verifyZip(PackFiles pack, Path folder) throws IOException, InterruptedException {
        Path zip = pack.writeZip(folder);
        Path script = Files.write(folder.resolve(EvidencePack.VERIFIER), pack.file(EvidencePack.VERIFIER));
        return run(folder, List.of(script.toString(), zip.toString()));
    }

    /** Verifies an unzipped pack by running its verifier in its folder without an argument. */
    static Verdict verifyFolder(PackFiles pack, Path folder) throws IOException, InterruptedException {
        pack.unzip(folder);
        return run(folder, List.of(EvidencePack.VERIFIER));
    }

    private static Verdict run(Path folder, List<String> arguments) throws IOException, InterruptedException {
        assumeTrue(nodeAvailable(), "node is not installed on this machine");
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the verifier did not finish within a minute");
        }
        return new Verdict(process.exitValue(), output.lines().toList());
    }

    private static boolean nodeAvailable() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
