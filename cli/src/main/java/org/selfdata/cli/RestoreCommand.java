package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.portability.Manifest;
import org.selfdata.portability.Progress.Step;
import org.selfdata.portability.Restore;
import org.selfdata.portability.RestoredSharing;
import org.selfdata.texts.Words;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Read an archive written by 'selfdata export' back into an empty vault: the same records, ids, versions "
                + "and provenance, under new keys. Where there is no vault yet, one is created for the archive's person. "
                + "Everything is checked before anything is written, and a restore cut short writes nothing.")
final class RestoreCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "ARCHIVE", description = "The zip file written by 'selfdata export'.")
    Path archive;

    RestoreCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Manifest manifest = Restore.manifestOf(archive);
        Words words = environment.words();
        boolean exists = Vault.exists(vault.location(environment));
        try (Application application = exists ? Application.open(vault, environment) : Application.create(vault, environment)) {
            Optional<String> handle = vault.person(environment);
            Person person;
            boolean created = false;
            if (exists) {
                person = application.vault().person(handle);
            }
            else {
                person = application.vault().people().create(handle.orElse(manifest.handle()), manifest.zone());
                created = true;
            }
            try (Progress progress = terminal.progress(words.say("command.restore.progress"), 2 * manifest.records())) {
                new Restore(application.vault()).restore(person.id(), archive,
                        (step, done) -> progress.advanceTo(step == Step.CHECKING ? done : manifest.records() + done));
            }
            catch (RuntimeException e) {
                if (created) {
                    // The person was made for this restore only; leave the new vault as empty as it was meant to be.
                    application.vault().erasure().erasePerson(person.id());
                }
                throw e;
            }
            terminal.out().println(words.say("command.restore.restored", manifest.records(), person.handle(),
                    archive.toAbsolutePath().normalize().toString()));
            reportSharing(RestoredSharing.of(application.vault(), person.id(), Instant.now()), words);
            if (created && vault.keySource(environment) instanceof KeySource.KeyFile keyFile) {
                terminal.out().println(words.say("command.restore.keyFile", keyFile.path().toString()));
            }
            if (!application.vault().people().hasPassword(person.id())) {
                terminal.out().println(words.say("command.restore.noPassword"));
            }
        }
        return ExitCodes.DONE;
    }

    /** Grants come back as they were given; the tokens of the apps that used them do not, so those apps must ask again. */
    private void reportSharing(RestoredSharing sharing, Words words) {
        if (sharing.grants() == 0) {
            return;
        }
        terminal.out().println(words.say("command.restore.grants", sharing.grants(), sharing.given()));
        terminal.out().println(words.say("command.restore.authorizeAgain"));
        if (sharing.awaitingAdmission() > 0) {
            terminal.out().println(words.say("command.restore.awaiting", sharing.awaitingAdmission()));
        }
    }
}
