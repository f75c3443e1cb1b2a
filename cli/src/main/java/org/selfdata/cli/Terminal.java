package org.selfdata.cli;

import java.io.Console;
import java.io.PrintStream;

import static java.util.Objects.requireNonNull;

/**
 * Where the command speaks: results on standard output, everything else on standard error. Progress and prompts only
 * appear when standard error is a terminal, so that pipes and scripts see results and nothing more.
 */
final class Terminal {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    Terminal(PrintStream out, PrintStream err, boolean interactive) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.interactive = interactive;
    }

    static Terminal system() {
        Console console = System.console();
        return new Terminal(System.out, System.err, console != null && console.isTerminal());
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
        Console console = System.console();
        if (!interactive || console == null) {
            throw new IllegalStateException("no terminal to read a secret from");
        }
        char[] secret = console.readPassword("%s", prompt);
        return secret == null ? new char[0] : secret;
    }

    String readLine(String prompt) {
        Console console = System.console();
        if (!interactive || console == null) {
            throw new IllegalStateException("no terminal to read from");
        }
        String line = console.readLine("%s", prompt);
        return line == null ? "" : line;
    }

    Progress progress(String label, long total) {
        return interactive ? new Progress.Bar(err, label, total) : new Progress.Silent();
    }
}
