package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.rights.RightsDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Writes a request's evidence pack: one zip with every document, the timeline, a manifest of SHA-256 digests and the
 * log entries with their inclusion proofs, which an authority checks without trusting selfdata. Its words are in the
 * terminal's language. The pack holds the person's exchanges, so it is a new private file, never written over another.
 */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Write a request's evidence pack: a zip with every document, the timeline, their SHA-256 digests "
                + "and the log entries with their proofs, for an authority to check.")
final class RightsEvidenceCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Option(names = "--output", paramLabel = "FILE", required = true,
            description = "The zip file to write, such as evidence.zip (never over an existing one).")
    Path output;

    RightsEvidenceCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        String reference;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            String id = RightsDesks.requestId(desk, person.id(), request);
            reference = desk.request(person.id(), id).timeline().request().reference();
            RightsFiles.write("--output", output,
                    out -> desk.evidence(person.id(), id, environment.words().language(), out));
        }
        terminal.out().println(environment.words().say("rights.command.evidence.written", reference,
                output.toAbsolutePath().normalize().toString()));
        return ExitCodes.DONE;
    }
}
