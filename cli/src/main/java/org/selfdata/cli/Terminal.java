package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * Where the command speaks: results on standard output, everything else on standard error. Progress and prompts only
 * appear when standard error is a terminal, so that pipes and scripts see results and nothing more. Standard input is
 * read only when a command is told to, such as a password given with {@code --password-stdin}.
 */
final class Terminal {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final Prompts prompts;

    /** Where a person on a terminal answers: the system's console, or in tests what they are scripted to type. */
    interface Prompts {
        String line(String prompt);

        char[] secret(String prompt);
    }

    Terminal(InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        this(in, out, err, interactive, new ConsolePrompts());
    }

    /** A terminal on which a person answers each prompt through these prompts. */
    Terminal(InputStream in, PrintStream out, PrintStream err, Prompts prompts) {
        this(in, out, err, true, prompts);
    }

    private Terminal(InputStream in, PrintStream out, PrintStream err, boolean interactive, Prompts prompts) {
        this.in = requireNonNull(in, "in is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.interactive = interactive;
        this.prompts = requireNonNull(prompts, "prompts is null");
    }

    static Terminal system() {
        Console console = System.console();
        return new Terminal(System.in, System.out, System.err, console != null && console.isTerminal());
    }

    /** The same streams, but never asking anything: for work a command runs on its own behalf. */
    Terminal withoutPrompts() {
        return new Terminal(in, out, err, false, prompts);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean interactive() {
        return interactive;
    }

    /** Reads a secret without echo; only on a terminal. */
    char[] readSecret(String prompt) {
        if (!interactive) {
            throw new IllegalStateException("no terminal to read a secret from");
        }
        return prompts.secret(prompt);
    }

    /** The first line of standard input, without its line ending; a secret, so it is given as characters. */
    char[] readStandardInputLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.cli.standardInput"), e);
        }
    }

    String readLine(String prompt) {
        if (!interactive) {
            throw new IllegalStateException("no terminal to read from");
        }
        return prompts.line(prompt);
    }

    Progress progress(String label, long total) {
        return interactive ? new Progress.Bar(err, label, total) : new Progress.Silent();
    }

    private static final class ConsolePrompts implements Prompts {
        @Override
        public String line(String prompt) {
            String line = console().readLine("%s", prompt);
            return line == null ? "" : line;
        }

        @Override
        public char[] secret(String prompt) {
            char[] secret = console().readPassword("%s", prompt);
            return secret == null ? new char[0] : secret;
        }

        private static Console console() {
            Console console = System.console();
            if (console == null) {
                throw new IllegalStateException("no terminal to read from");
            }
            return console;
        }
    }
}
