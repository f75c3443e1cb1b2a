package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.rights.AskWhatTheyHold;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.RightsRequest;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Ask them what they hold: drafts an access request to the organization behind a source of the vault or a recipient
 * registered with selfdata, about what selfdata holds from it, and prints its letter; nothing is sent here. An
 * organization the directory lacks is named with the slug to add it under, with an address, before the request goes.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Draft an access request to the organization behind a source of your vault or a registered "
                + "recipient, about what selfdata holds from it; nothing is sent.")
final class RightsAskCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--source", paramLabel = "ID", description = "The source's number, as 'selfdata status' lists it.")
    Optional<String> source = Optional.empty();

    @Option(names = "--recipient", paramLabel = "ID", description = "The registered recipient's identifier.")
    Optional<String> recipient = Optional.empty();

    @Option(names = "--language", paramLabel = "LANGUAGE",
            description = "The letter's language, fr or en, where the organization names none (default: the terminal's).")
    Optional<String> language = Optional.empty();

    RightsAskCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Words words = environment.words();
        if (source.isPresent() == recipient.isPresent()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.askWhom"));
        }
        Language written = language.map(RightsDraftCommand::language).orElse(words.language());
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            if (desk.settings().sender(person.id()).isEmpty()) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.desk.noSender"));
            }
            AskWhatTheyHold ask = new AskWhatTheyHold(desk, application.vault());
            RightsRequest drafted = (source.isPresent()
                    ? ask.fromSource(person.id(), sourceId(source.orElseThrow()), written)
                    : ask.fromRecipient(person.id(), RecipientId.of(recipient.orElseThrow().strip()), written))
                    .timeline().request();
            print(terminal.out(), words, drafted, desk.directory(person.id()).find(drafted.organization().slug())
                    .isPresent(), desk.letter(person.id(), drafted.id()).webFormText());
        }
        return ExitCodes.DONE;
    }

    private static SourceId sourceId(String text) {
        try {
            return SourceId.of(Long.parseLong(text.strip()));
        }
        catch (NumberFormatException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.source", "--source"),
                    e);
        }
    }

    private static void print(PrintStream out, Words words, RightsRequest drafted, boolean inDirectory, String letter) {
        out.println(words.say("rights.command.ask.drafted", drafted.reference(), drafted.id(),
                drafted.organization().name()));
        if (!inDirectory) {
            out.println(words.say("rights.command.ask.toAdd", drafted.organization().slug()));
        }
        out.println();
        out.println(letter);
    }
}
