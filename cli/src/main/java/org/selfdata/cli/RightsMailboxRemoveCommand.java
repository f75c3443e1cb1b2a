package org.selfdata.cli;

import org.selfdata.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Forgets the person's mailbox and its password: nothing is sent or fetched from it until one is set up again. The
 * requests and the answers already fetched stay.
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove your mailbox and its password from your vault; your requests and their answers stay.")
final class RightsMailboxRemoveCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    RightsMailboxRemoveCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        boolean removed;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            removed = RightsDesks.open(application).settings().removeMailAccount(person.id());
        }
        terminal.out().println(environment.words().say(removed ? "rights.command.mailbox.removed"
                : "rights.command.mailbox.nothingToRemove"));
        return ExitCodes.DONE;
    }
}
