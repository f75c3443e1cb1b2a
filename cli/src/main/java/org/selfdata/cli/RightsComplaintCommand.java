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
 * The complaint to the supervisory authority (the CNIL for France) about a request left overdue, refused or
 * incompletely answered, with its facts and dates: printed, or written as a PDF. Record it with
 * {@code selfdata rights record --status complaint-lodged} once lodged.
 */
@Command(name = "complaint", mixinStandardHelpOptions = true,
        description = "Print the complaint to the supervisory authority (the CNIL for France) about a request, or "
                + "write it as a PDF.")
final class RightsComplaintCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Option(names = "--pdf", paramLabel = "FILE",
            description = "Write the complaint as a PDF to this new file instead (never over an existing one).")
    Optional<Path> pdf = Optional.empty();

    RightsComplaintCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        return RightsLetters.COMPLAINT.print(terminal, environment, vault, request, pdf);
    }
}
