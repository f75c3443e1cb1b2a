package org.selfdata.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
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

    /**
     * Runs the command on a terminal where the person types these lines, one for each prompt in turn; the prompts are
     * written on standard error, each followed by a line break, as a console shows them with the answer after.
     */
    Result runAtTerminal(List<String> typed, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        Iterator<String> answers = typed.iterator();
        Terminal.Prompts prompts = new Terminal.Prompts() {
            @Override
            public String line(String prompt) {
                errors.println(prompt);
                return answers.hasNext() ? answers.next() : "";
            }

            @Override
            public char[] secret(String prompt) {
                return line(prompt).toCharArray();
            }
        };
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), errors, prompts);
        int exitCode = Selfdata.execute(terminal, new Environment(variables, home), arguments);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String out, String err) {}
}
