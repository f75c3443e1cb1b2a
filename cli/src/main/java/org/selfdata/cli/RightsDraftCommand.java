package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Letter;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.RightsRequest;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Drafts a request to an organization of the directory and prints its letter, so that the person reads what will go
 * out before it goes: nothing is sent here. A person who has not said who they are is told so before anything is
 * drafted, since no letter can be written without its sender.
 */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = "Draft a request to an organization of the directory and show its letter; nothing is sent.")
final class RightsDraftCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "SLUG", description = "The organization's slug, as 'selfdata rights organizations' lists it.")
    String slug;

    @Option(names = "--right", paramLabel = "RIGHT", required = true,
            description = "The right exercised: access, portability, rectification, erasure, restriction, objection, "
                    + "direct-marketing-objection, consent-withdrawal, automated-decision or recipient-notification.")
    String right;

    @Option(names = "--portability", description = "With access: ask for the data you gave in a machine-readable "
            + "format too (art. 20).")
    boolean portability;

    @Option(names = "--about", paramLabel = "TEXT",
            description = "What the request is about: a customer number, a contract, an event.")
    Optional<String> about = Optional.empty();

    @Option(names = "--channel", paramLabel = "CHANNEL", required = true,
            description = "How the request will be sent: email, letter or web-form.")
    String channel;

    @Option(names = "--language", paramLabel = "LANGUAGE",
            description = "The letter's language, fr or en (default: the terminal's).")
    Optional<String> language = Optional.empty();

    @Option(names = "--identity-document", paramLabel = "FILE",
            description = "Enclose this identity document (PDF, JPEG or PNG, 10 MiB at most): only if the organization "
                    + "insists, and the letter asks for its deletion.")
    Optional<Path> identityDocument = Optional.empty();

    RightsDraftCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Words words = environment.words();
        RightsDesk.NewRequest request = new RightsDesk.NewRequest(slug, RightsDesks.right("--right", right), portability,
                about.map(String::strip).filter(text -> !text.isEmpty()), RightsChannel.parse("--channel", channel),
                language.map(RightsDraftCommand::language).orElse(words.language()), Map.of());
        Optional<byte[]> enclosed = identityDocument.map(RightsIdentityDocumentCommand::read);
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            if (desk.settings().sender(person.id()).isEmpty()) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.desk.noSender"));
            }
            RightsDesk.RequestView view = enclosed.isPresent()
                    ? desk.draft(person.id(), request, identityDocument.orElseThrow().getFileName().toString(),
                            enclosed.orElseThrow())
                    : desk.draft(person.id(), request);
            RightsRequest drafted = view.timeline().request();
            print(terminal.out(), words, drafted, desk.letter(person.id(), drafted.id()));
            if (enclosed.isPresent()) {
                terminal.out().println();
                terminal.out().println(RightsIdentityDocumentCommand.said(words, view));
            }
        }
        return ExitCodes.DONE;
    }

    static Language language(String code) {
        return Language.ofCode(code.strip()).orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.rights.command.language", "--language")));
    }

    private static void print(PrintStream out, Words words, RightsRequest drafted, Letter letter) {
        out.println(words.say("rights.command.draft.drafted", drafted.reference(), drafted.id()));
        out.println();
        out.println(letter.webFormText());
    }
}
