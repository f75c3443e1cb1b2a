package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.portability.ExistingFile;
import org.selfdata.portability.Export;
import org.selfdata.portability.Manifest;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write everything the person holds to one zip archive (GDPR article 20): records as JSON Lines per type, "
                + "CSV tables for tabular types, sources and imports with their provenance, and a manifest with each record "
                + "type's JSON Schema and each part's SHA-256. The archive is not encrypted: keep it as carefully as the vault.")
final class ExportCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--replace", description = "Replace the archive if the file exists already.")
    boolean replace;

    @Parameters(paramLabel = "ARCHIVE", description = "The zip file to write, e.g. vault.zip.")
    Path archive;

    ExportCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            Words words = environment.words();
            long records = application.vault().status(person.id()).records();
            Manifest manifest;
            try (Progress progress = terminal.progress(words.say("command.export.progress"), records)) {
                manifest = new Export(application.vault(), application.gate(), Clock.systemUTC())
                        .write(person.id(), archive, replace ? ExistingFile.REPLACE : ExistingFile.REFUSE,
                                (step, done) -> progress.advanceTo(done));
            }
            terminal.out().println(words.say("command.export.exported", manifest.records(), person.handle(),
                    manifest.parts().size(), archive.toAbsolutePath().normalize().toString()));
        }
        return ExitCodes.DONE;
    }
}
