package org.selfdata.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the vault's keys.",
        subcommands = KeysCommand.Rotate.class)
final class KeysCommand {
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Give each of the person's sources a new key for everything sealed from now on; what was sealed before "
                    + "still opens with the earlier keys.")
    static final class Rotate implements Callable<Integer> {
        private final Terminal terminal;
        private final Environment environment;

        @Mixin
        VaultOptions vault;

        Rotate(Terminal terminal, Environment environment) {
            this.terminal = requireNonNull(terminal, "terminal is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            try (Application application = Application.open(vault, environment)) {
                int rotated = application.vault().rotateKeys(application.person(vault, environment).id());
                terminal.out().println(environment.words().say("command.keys.rotated", rotated));
            }
            return ExitCodes.DONE;
        }
    }
}
