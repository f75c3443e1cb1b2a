package org.selfdata.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the selfdata command in this JVM, with its own home folder and environment, and keeps what it printed. */
final class CommandRun {
    private final Path home;
    private final Map<String, String> variables = new HashMap<>();

    CommandRun(Path home) {
        this.home = home;
    }

    CommandRun with(String variable, String value) {
        variables.put(variable, value);
        return this;
    }

    Result run(String... arguments) {
        return runWithInput("", arguments);
    }

    /** Runs the command with this text on its standard input, as a script piping a password in would. */
    Result runWithInput(String standardInput, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new ByteArrayInputStream(standardInput.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int exitCode = Selfdata.execute(terminal, new Environment(variables, home), arguments);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String out, String err) {}
}
