package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Sender;
import org.selfdata.texts.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Who the person is in their letters: the name and postal address every letter is signed with, and the e-mail address
 * answers go to. Saved sealed in the vault; no letter is written before it.
 */
@Command(name = "sender", mixinStandardHelpOptions = true,
        description = "Say who you are in your letters: your name, your postal address and the e-mail address answers "
                + "go to.")
final class RightsSenderCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--name", paramLabel = "NAME", required = true,
            description = "Your name as the organizations know it.")
    String name;

    @Option(names = "--address", paramLabel = "LINES", required = true,
            description = "Your postal address, its lines separated by line breaks or by \\n.")
    String address;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "The e-mail address answers go to.")
    Optional<String> email = Optional.empty();

    RightsSenderCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Sender sender = new Sender(required("--name", name), Optional.of(lines(address)),
                email.map(text -> emailAddress(text.strip())));
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesks.open(application).settings().saveSender(person.id(), sender);
        }
        terminal.out().println(environment.words().say("rights.command.sender.saved"));
        return ExitCodes.DONE;
    }

    /** The address's lines, each stripped and the empty ones left out, one to a line as letters print them. */
    static String lines(String text) {
        String joined = Arrays.stream(text.replace("\\n", "\n").split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
        return required("--address", joined);
    }

    private static String required(String option, String text) {
        if (text.isBlank()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.empty", option));
        }
        return text.strip();
    }

    private static String emailAddress(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.chars().anyMatch(Character::isWhitespace)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.email", "--email"));
        }
        return text;
    }
}
