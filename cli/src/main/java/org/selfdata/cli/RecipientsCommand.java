package org.selfdata.cli;

import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Recipients;
import org.selfdata.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The recipients that members' restores brought back with their grants and that await the operator's admission: the
 * holder of the vault's key acts as its operator here, as for {@code selfdata people}. Each is listed with what it
 * declares, and admitted only once that declaration has been shown.
 */
@Command(name = "recipients", mixinStandardHelpOptions = true,
        description = "The recipients that a member's restore brought back with their grants, which wait for the operator: "
                + "list them with what they declare, and admit one.",
        subcommands = {RecipientsCommand.Awaiting.class, RecipientsCommand.Admit.class})
final class RecipientsCommand {
    @Command(name = "awaiting", mixinStandardHelpOptions = true,
            description = "List the recipients awaiting admission, the oldest first, each with what it declares.")
    static final class Awaiting implements Callable<Integer> {
        private final Terminal terminal;
        private final Environment environment;

        @Mixin
        VaultOptions vault;

        Awaiting(Terminal terminal, Environment environment) {
            this.terminal = requireNonNull(terminal, "terminal is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            Words words = environment.words();
            try (Application application = Application.open(vault, environment)) {
                Vault opened = application.vault();
                List<Recipients.Awaiting> awaiting = opened.recipients().awaitingAdmission(operator(opened).id());
                if (awaiting.isEmpty()) {
                    terminal.out().println(words.say("command.recipients.noneAwaiting"));
                }
                for (Recipients.Awaiting one : awaiting) {
                    terminal.out().println(words.say("command.recipients.awaiting", one.recipient().id().value(),
                            one.recipient().identity().name(), one.restoredAt().truncatedTo(ChronoUnit.SECONDS).toString()));
                    describe(terminal.out(), words, opened, one.recipient());
                }
            }
            return ExitCodes.DONE;
        }
    }

    @Command(name = "admit", mixinStandardHelpOptions = true,
            description = "Admit a recipient awaiting admission, once its declaration has been shown: it is listed again, "
                    + "and may ask for grants and use those it holds.")
    static final class Admit implements Callable<Integer> {
        private final Terminal terminal;
        private final Environment environment;

        @Mixin
        VaultOptions vault;

        @Parameters(paramLabel = "RECIPIENT", description = "The recipient's id, as 'selfdata recipients awaiting' lists it.")
        String recipient;

        @Option(names = "--yes", description = "Do not ask for confirmation (needed when not on a terminal).")
        boolean confirmed;

        Admit(Terminal terminal, Environment environment) {
            this.terminal = requireNonNull(terminal, "terminal is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            Words words = environment.words();
            try (Application application = Application.open(vault, environment)) {
                Vault opened = application.vault();
                Person operator = operator(opened);
                Recipient found = opened.recipients().awaitingAdmission(operator.id()).stream()
                        .map(Recipients.Awaiting::recipient)
                        .filter(candidate -> candidate.id().value().equals(recipient))
                        .findFirst()
                        .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                                Wording.of("error.cli.noRecipientAwaiting", recipient)));
                terminal.err().println(words.say("command.recipients.review", found.identity().name()));
                describe(terminal.err(), words, opened, found);
                confirm(words, found);
                opened.recipients().admit(operator.id(), RecipientId.of(recipient));
                terminal.out().println(words.say("command.recipients.admitted", found.identity().name()));
            }
            return ExitCodes.DONE;
        }

        private void confirm(Words words, Recipient found) {
            if (confirmed) {
                return;
            }
            if (!terminal.interactive()) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.admissionUnconfirmed"));
            }
            String answer = terminal.readLine(words.say("command.recipients.confirm", found.identity().name()) + " ");
            if (!words.say("command.recipients.yes").equals(answer.strip().toLowerCase(Locale.ROOT))) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.admissionRefused"));
            }
        }
    }

    /** The vault's operator, as whom the holder of its key acts. */
    private static Person operator(Vault vault) {
        return vault.people().operator().orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                Wording.of("error.cli.noOperator")));
    }

    /** Who the recipient is, where it sends people back to, and what its current declaration says, indented. */
    private static void describe(PrintStream out, Words words, Vault vault, Recipient recipient) {
        out.println("  " + words.say("command.recipients.who", recipient.identity().legalName(),
                recipient.identity().country(), recipient.identity().contact()));
        out.println("  " + words.say("command.recipients.redirects",
                recipient.redirectUris().stream().map(URI::toString).collect(Collectors.joining(", "))));
        vault.recipients().currentDeclaration(recipient.id()).ifPresentOrElse(
                declaration -> describe(out, words, declaration),
                () -> out.println("  " + words.say("command.recipients.noDeclaration")));
    }

    private static void describe(PrintStream out, Words words, ProcessingDeclaration declaration) {
        for (DeclaredPurpose purpose : declaration.purposes()) {
            String data = Stream.concat(purpose.types().stream().map(type -> type.id()),
                    purpose.categories().stream().map(category -> category.term())).sorted()
                    .collect(Collectors.joining(", "));
            out.println("  " + words.say("command.recipients.purpose", purpose.description(), data,
                    purpose.ceiling().describe()));
        }
        out.println("  " + words.say("command.recipients.retention", declaration.retention().toDays()));
        out.println("  " + words.say("command.recipients.further", declaration.furtherRecipients().isEmpty()
                ? words.say("command.recipients.noOne") : String.join(", ", declaration.furtherRecipients())));
    }
}
