package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a vault with its first person. On SQLite the vault is a folder; its key file is created beside the "
                + "database: keep a copy of it somewhere safe, without it the vault cannot be opened.")
final class InitCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--handle", paramLabel = "HANDLE", defaultValue = "${sys:user.name}",
            description = "The person's sign-in name (default: your user name).")
    String handle;

    @Option(names = "--zone", paramLabel = "ZONE", description = "The person's time zone (default: this computer's).")
    String zone = ZoneId.systemDefault().getId();

    @Option(names = "--password-stdin", description = "Read the sign-in password from standard input instead of asking.")
    boolean passwordFromStandardInput;

    InitCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        ZoneId personZone = zone();
        String personHandle = Person.requireHandle(handle.toLowerCase(java.util.Locale.ROOT));
        char[] password = passwordFromStandardInput ? readStandardInput() : terminal.interactive() ? askTwice() : new char[0];
        try (Application application = Application.create(vault, environment)) {
            Person person = application.vault().people().create(personHandle, personZone);
            if (password.length > 0) {
                application.vault().people().setPassword(person.id(), password);
            }
            terminal.out().println("Created a vault for " + person.handle() + " at " + application.vault().location().describe());
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

    private ZoneId zone() {
        try {
            return ZoneId.of(zone);
        }
        catch (DateTimeException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "--zone takes a time zone such as Europe/Paris");
        }
    }

    private char[] askTwice() {
        char[] first = terminal.readSecret("Sign-in password for " + handle + ": ");
        char[] second = terminal.readSecret("Again: ");
        if (!Arrays.equals(first, second)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "the two passwords differ; nothing was created");
        }
        return first;
    }

    static char[] readStandardInput() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, "cannot read the password from standard input", e);
        }
    }
}
