package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Organization;
import org.selfdata.rights.Organization.RequiredElement;
import org.selfdata.rights.OrganizationJson;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/** One organization of the directory: every way to reach it, and what it asks to identify a person. */
@Command(name = "organization", mixinStandardHelpOptions = true,
        description = "Show one organization of the directory: its privacy contacts and what it asks to identify you.")
final class RightsOrganizationCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "SLUG", description = "The organization's slug, as 'selfdata rights organizations' lists it.")
    String slug;

    @Option(names = "--json", description = "Print the organization as JSON, as the directory writes it.")
    boolean json;

    RightsOrganizationCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Organization organization = RightsDirectory.of(vault, environment).find(slug)
                .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                        Wording.of("error.rights.command.noOrganization", slug)));
        if (json) {
            terminal.out().println(OrganizationJson.write(organization));
            return ExitCodes.DONE;
        }
        describe(terminal.out(), environment.words(), organization);
        return ExitCodes.DONE;
    }

    private static void describe(PrintStream out, Words words, Organization organization) {
        out.println(words.say("rights.command.organization.title", organization.name(), organization.slug()));
        if (organization.authority()) {
            out.println(words.say("rights.command.organization.authority"));
        }
        if (organization.origin() == Organization.Origin.PERSON) {
            out.println(words.say("rights.command.organization.yours"));
        }
        organization.postalAddress().ifPresent(address -> {
            out.println(words.say("rights.command.organization.address"));
            address.lines().forEach(line -> out.println("  " + line));
        });
        field(out, words, "email", organization.email());
        field(out, words, "webForm", organization.webForm());
        field(out, words, "phone", organization.phone());
        field(out, words, "fax", organization.fax());
        field(out, words, "web", organization.web());
        field(out, words, "siren", organization.siren());
        if (!organization.categories().isEmpty()) {
            out.println(words.say("rights.command.organization.categories", String.join(", ", organization.categories())));
        }
        organization.requestLanguage().ifPresent(language ->
                out.println(words.say("rights.command.organization.language", language)));
        organization.suggestedChannel().ifPresent(channel -> out.println(words.say(
                "rights.command.organization.suggested", RightsChannel.say(words, channel))));
        identification(out, words, organization);
    }

    private static void field(PrintStream out, Words words, String name, Optional<String> value) {
        String key = "rights.command.organization." + name;
        value.ifPresent(text -> out.println(words.say(key, text)));
    }

    private static void identification(PrintStream out, Words words, Organization organization) {
        if (organization.requiredElements().isEmpty()) {
            out.println(words.say("rights.command.organization.asksNothing"));
        }
        else {
            out.println(words.say("rights.command.organization.asks"));
            for (RequiredElement element : organization.requiredElements()) {
                String key = element.optional() ? "rights.command.organization.optionalElement"
                        : "rights.command.organization.element";
                out.println("  - " + words.say(key, element.description(), element.kind()));
            }
        }
        if (organization.needsIdentityDocument()) {
            out.println(words.say("rights.command.organization.identityDocument"));
        }
    }
}
