package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.texts.Words;
import org.selfdata.vault.KeySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
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
        String personHandle = Person.requireHandle(handle.toLowerCase(Locale.ROOT));
        Words words = environment.words();
        ZoneId personZone = person.zone(terminal, words, "error.cli.nothingCreated");
        char[] password = person.password(terminal, words, personHandle, "error.cli.nothingCreated");
        try (Application application = Application.create(vault, environment)) {
            Person created = password.length > 0
                    ? application.vault().people().create(personHandle, personZone, password)
                    : application.vault().people().create(personHandle, personZone);
            terminal.out().println(words.say("command.init.created", created.handle(),
                    application.vault().location().describe()));
            terminal.out().println(words.say("command.init.zone", created.zone().getId()));
            if (!application.vault().isPostgres() && vault.keySource(environment) instanceof KeySource.KeyFile keyFile) {
                terminal.out().println(words.say("command.init.keyFile", keyFile.path().toString()));
            }
            if (password.length == 0) {
                terminal.out().println(words.say("command.init.noPassword"));
            }
        }
        finally {
            Arrays.fill(password, '\0');
        }
        return ExitCodes.DONE;
    }
}
