package org.selfdata.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * The formal notice a request calls for once its answer is overdue, refused or incomplete, naming what is missing from
 * an access answer as its checklist says: printed, or written as a PDF for registered post. Record it with
 * {@code selfdata rights record --status reminder-sent} once it has left.
 */
@Command(name = "reminder", mixinStandardHelpOptions = true,
        description = "Print the formal notice that follows an overdue, refused or incomplete answer, or "
                + "write it as a PDF.")
final class RightsReminderCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Option(names = "--pdf", paramLabel = "FILE",
            description = "Write the formal notice as a PDF to this new file instead (never over an existing one).")
    Optional<Path> pdf = Optional.empty();

    RightsReminderCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        return RightsLetters.REMINDER.print(terminal, environment, vault, request, pdf);
    }
}
