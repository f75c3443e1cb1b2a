package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.portability.Manifest;
import org.selfdata.portability.Progress.Step;
import org.selfdata.portability.Restore;
import org.selfdata.portability.RestoredSharing;
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
            try (Progress progress = terminal.progress("restoring", 2 * manifest.records())) {
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
            terminal.out().printf("Restored %,d records of %s from %s%n", manifest.records(), person.handle(),
                    archive.toAbsolutePath().normalize());
            reportSharing(RestoredSharing.of(application.vault(), person.id(), Instant.now()));
            if (created && vault.keySource(environment) instanceof KeySource.KeyFile keyFile) {
                terminal.out().println("This vault has a new key file, " + keyFile.path() + ": back it up now, apart from "
                        + "the vault. Without it, nothing restored here can be read.");
            }
            if (!application.vault().people().hasPassword(person.id())) {
                terminal.out().println("Set a sign-in password with 'selfdata password' before 'selfdata serve'.");
            }
        }
        return ExitCodes.DONE;
    }

    /** Grants come back as they were given; the tokens of the apps that used them do not, so those apps must ask again. */
    private void reportSharing(RestoredSharing sharing) {
        if (sharing.grants() == 0) {
            return;
        }
        terminal.out().printf("Grants: %d, with their receipts; still given: %d%n", sharing.grants(), sharing.given());
        terminal.out().println("The apps you had authorized must be authorized again: no code, token or secret leaves a "
                + "vault, so none came back. 'selfdata grants' lists what you gave.");
        if (sharing.awaitingAdmission() > 0) {
            terminal.out().printf("Recipients of your grants that this vault's operator has not admitted yet: %d. They come "
                    + "back as evidence of your grants, and can act again only once the operator admits them.%n",
                    sharing.awaitingAdmission());
        }
    }
}
