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
 * A request's letter as it was sent, or as it would be sent today: its text to read or paste in a web form, or a PDF
 * for registered post with acknowledgement of receipt.
 */
@Command(name = "letter", mixinStandardHelpOptions = true,
        description = "Print a request's letter, the one sent or the one that would be, or write it as "
                + "a PDF for registered post.")
final class RightsLetterCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Option(names = "--pdf", paramLabel = "FILE",
            description = "Write the letter as a PDF to this new file instead (never over an existing one).")
    Optional<Path> pdf = Optional.empty();

    RightsLetterCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        return RightsLetters.REQUEST.print(terminal, environment, vault, request, pdf);
    }
}
