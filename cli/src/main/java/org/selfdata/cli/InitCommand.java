package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.texts.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a vault with its first person, who is its operator. On SQLite the vault is a folder; its key "
                + "file is created beside the database: keep a copy of it somewhere safe, without it the vault cannot be "
                + "opened.")
final class InitCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--handle", paramLabel = "HANDLE", defaultValue = "${sys:user.name}",
            description = "The person's sign-in name (default: your user name).")
    String handle;

    @Mixin
    NewPersonOptions person;

    InitCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        String personHandle = Person.requireHandle(handle.toLowerCase(java.util.Locale.ROOT));
        ZoneId personZone = person.zone(terminal, "error.cli.nothingCreated");
        char[] password = person.password(terminal, personHandle, "error.cli.nothingCreated");
        try (Application application = Application.create(vault, environment)) {
            Person created = password.length > 0
                    ? application.vault().people().create(personHandle, personZone, password)
                    : application.vault().people().create(personHandle, personZone);
            terminal.out().println("Created a vault for " + created.handle() + " at "
                    + application.vault().location().describe());
            terminal.out().println("Times are shown in " + created.zone().getId() + ".");
            if (!application.vault().isPostgres()
                    && vault.keySource(environment) instanceof org.selfdata.vault.KeySource.KeyFile keyFile) {
                terminal.out().println("Its key is " + keyFile.path()
                        + ": keep a copy somewhere safe, without it the vault cannot be opened.");
            }
            if (password.length == 0) {
                terminal.out().println("No sign-in password yet: set one with 'selfdata password' before 'selfdata serve'.");
            }
        }
        finally {
            Arrays.fill(password, '\0');
        }
        return ExitCodes.DONE;
    }
}
