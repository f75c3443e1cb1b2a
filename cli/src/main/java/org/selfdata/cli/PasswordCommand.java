package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "password", mixinStandardHelpOptions = true,
        description = "Set the person's sign-in password, and sign out their sessions.")
final class PasswordCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--password-stdin", description = "Read the new password from standard input instead of asking.")
    boolean passwordFromStandardInput;

    PasswordCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            Words words = environment.words();
            char[] password = NewPassword.read(terminal, words, person.handle(), passwordFromStandardInput,
                    "error.cli.nothingChanged").orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                            Wording.of("error.cli.noTerminal")));
            try {
                application.vault().people().setPassword(person.id(), password);
                application.vault().sessions().endAll(person.id());
            }
            finally {
                Arrays.fill(password, '\0');
            }
            terminal.out().println(words.say("command.password.set", person.handle()));
        }
        return ExitCodes.DONE;
    }
}
