package org.selfdata.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * What {@code selfdata rights letter}, {@code reminder} and {@code complaint} share: the request they are about, and the
 * PDF file to write instead of printing the text. Each names its own letter.
 */
abstract sealed class RightsPrintedLetterCommand implements Callable<Integer>
        permits RightsLetterCommand, RightsReminderCommand, RightsComplaintCommand {
    private final Terminal terminal;
    private final Environment environment;
    private final RightsLetters letter;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Option(names = "--pdf", paramLabel = "FILE",
            description = "Write it as a PDF to this new file instead (never over an existing one).")
    Optional<Path> pdf = Optional.empty();

    RightsPrintedLetterCommand(Terminal terminal, Environment environment, RightsLetters letter) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.letter = requireNonNull(letter, "letter is null");
    }

    @Override
    public Integer call() {
        return letter.print(terminal, environment, vault, request, pdf);
    }
}
