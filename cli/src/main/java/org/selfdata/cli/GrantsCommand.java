package org.selfdata.cli;

import org.selfdata.gate.ReceiptAddresses;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Sharing;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantStatus;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.server.ServerSettings;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.ConsentReceiptArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

@Command(name = "grants", mixinStandardHelpOptions = true,
        description = "The grants the person gave: to whom, for what, at which precision, until when. Without a subcommand, "
                + "lists them, newest first.")
final class GrantsCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    GrantsCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        try (Application application = Application.open(vault, environment)) {
            PersonId person = application.person(vault, environment).id();
            List<Grant> grants = application.vault().grants().list(person);
            Instant now = Instant.now();
            Words words = environment.words();
            if (grants.isEmpty()) {
                terminal.out().println(words.say("command.grants.none"));
            }
            for (Grant grant : grants) {
                terminal.out().println(line(grant, application.vault().recipients().find(grant.terms().recipient())
                        .map(recipient -> recipient.identity().name()).orElse(grant.terms().recipient().value()), now, words));
            }
        }
        return ExitCodes.DONE;
    }

    /**
     * A grant on one line, in the reader's language: its status, kind, data (record types and categories by their
     * names) and precision in words, never the codes its receipts and the API use.
     */
    static String line(Grant grant, String recipient, Instant now, Words words) {
        GrantTerms terms = grant.terms();
        String data = Stream.concat(terms.types().stream().map(type -> StatusCommand.typeName(type, words)),
                terms.categories().stream().map(category -> Vocabulary.category(category, words)))
                .sorted().collect(Collectors.joining(", "));
        String freeText = terms.fields().isEmpty() ? ""
                : "  " + words.say("command.grants.freeText", terms.fields().stream().sorted().collect(Collectors.joining(", ")));
        return grant.id() + "  " + status(grant.status(now), words) + "  " + kind(terms.kind(), words) + "  " + recipient + "  "
                + terms.purposeDescription() + "  " + data + freeText + "  " + Vocabulary.precision(terms.precision(), words)
                + "  " + words.say("command.grants.until", terms.validUntil().toString());
    }

    private static String status(GrantStatus status, Words words) {
        return switch (status) {
            case GIVEN -> words.say("command.grants.status.given");
            case WITHDRAWN -> words.say("command.grants.status.withdrawn");
            case EXPIRED -> words.say("command.grants.status.expired");
        };
    }

    private static String kind(GrantKind kind, Words words) {
        return switch (kind) {
            case READ -> words.say("command.grants.kind.read");
            case WRITE -> words.say("command.grants.kind.write");
        };
    }

    /**
     * Withdraws a grant here, where the address the vault is served at is not known unless given: without
     * {@code --issuer}, the receipt names its terms and notice {@link ReceiptAddresses#unserved() as unserved} rather
     * than at a guessed address that could be somebody else's server.
     */
    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            description = "Withdraw a grant: its recipient's tokens die at once and its next request is refused.")
    int withdraw(@Mixin VaultOptions options,
                 @Option(names = "--issuer", paramLabel = "URL",
                         description = "The address the vault is served at, as 'selfdata serve --issuer' gives it, such as "
                                 + "https://vault.example/: the receipt names its terms and notice beneath it, where the "
                                 + "vault serves them (default: the namespace https://selfdata.invalid/ns/consent#, which "
                                 + "no server answers).")
                 Optional<URI> issuer,
                 @Parameters(paramLabel = "GRANT", description = "The grant's id, as 'selfdata grants' lists it.")
                 String grant) {
        ReceiptAddresses addresses = issuer.map(GrantsCommand::servedAt).orElse(ReceiptAddresses.unserved());
        try (Application application = Application.open(options, environment)) {
            Grant found = find(application, application.person(options, environment).id(), grant);
            ReceiptedGrant withdrawn = Sharing.over(application.vault(), Clock.systemUTC(), addresses)
                    .withdraw(found.person(), found.id());
            terminal.out().println(environment.words().say("command.grants.withdrew", found.id().toString()));
            terminal.out().println(withdrawn.receipt().jws());
        }
        return ExitCodes.DONE;
    }

    @Command(name = "receipts", mixinStandardHelpOptions = true,
            description = "Print a grant's signed consent receipts (compact JWS, one a line), oldest first.")
    int receipts(@Mixin VaultOptions options,
                 @Parameters(paramLabel = "GRANT", description = "The grant's id, as 'selfdata grants' lists it.")
                 String grant) {
        try (Application application = Application.open(options, environment)) {
            Grant found = find(application, application.person(options, environment).id(), grant);
            for (ConsentReceiptArchive.KeptReceipt receipt : application.vault().receipts().list(found.person(), found.id())) {
                terminal.out().println(receipt.jws());
            }
        }
        return ExitCodes.DONE;
    }

    /** The addresses beneath an issuer, checked as {@code selfdata serve --issuer} checks it. */
    private static ReceiptAddresses servedAt(URI issuer) {
        URI checked = ServerSettings.defaults().withIssuer(issuer).issuer().orElseThrow();
        return ReceiptAddresses.servedAt(() -> checked);
    }

    /** The person's grant named on the command line; any other text, or another person's grant, is not found. */
    private static Grant find(Application application, PersonId person, String text) {
        GrantId id;
        try {
            id = GrantId.of(text);
        }
        catch (SelfdataException e) {
            throw noSuchGrant();
        }
        return application.vault().grants().find(person, id).orElseThrow(GrantsCommand::noSuchGrant);
    }

    private static SelfdataException noSuchGrant() {
        return new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.cli.noGrant"));
    }
}
