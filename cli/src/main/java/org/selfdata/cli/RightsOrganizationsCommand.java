package org.selfdata.cli;

import org.selfdata.rights.Directory;
import org.selfdata.rights.Organization;
import org.selfdata.rights.OrganizationJson;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/** Searches the directory of organizations by name, brand or web address: one line for each, with how to reach it. */
@Command(name = "organizations", mixinStandardHelpOptions = true,
        description = "Search the directory of organizations by name, brand or web address, with the person's own "
                + "organizations when there is a vault: one line for each, with its slug and how to reach it.")
final class RightsOrganizationsCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "QUERY", arity = "0..1", defaultValue = "",
            description = "A name, a brand or a web address, in part (default: every organization, by name).")
    String query;

    @Option(names = "--category", paramLabel = "CATEGORY",
            description = "Only the organizations of this directory category, such as telecommunication or finance.")
    Optional<String> category = Optional.empty();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most this many organizations, from 1 to 100 (default: 20).")
    int limit;

    @Option(names = "--json", description = "Print the organizations as a JSON array, each as the directory writes it.")
    boolean json;

    RightsOrganizationsCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Directory directory = RightsDirectory.of(vault, environment);
        List<Organization> found = directory.search(query, category, limit);
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            found.forEach(organization -> array.add(Json.MAPPER.readTree(OrganizationJson.write(organization))));
            terminal.out().println(Json.MAPPER.writeValueAsString(array));
            return ExitCodes.DONE;
        }
        Words words = environment.words();
        if (found.isEmpty()) {
            terminal.out().println(words.say("rights.command.organizations.none"));
        }
        for (Organization organization : found) {
            terminal.out().println(words.say("rights.command.organizations.line", organization.name(),
                    organization.slug(), channels(words, organization)));
        }
        return ExitCodes.DONE;
    }

    /** The ways a request can reach the organization, e-mail first: the quickest, and dated by its delivery. */
    static String channels(Words words, Organization organization) {
        List<String> channels = new ArrayList<>();
        organization.email().ifPresent(email -> channels.add(words.say("rights.command.channel.email", email)));
        organization.webForm().ifPresent(form -> channels.add(words.say("rights.command.channel.webForm", form)));
        organization.postalAddress().ifPresent(address -> channels.add(words.say("rights.command.channel.letter")));
        organization.fax().ifPresent(fax -> channels.add(words.say("rights.command.channel.fax", fax)));
        return channels.isEmpty() ? words.say("rights.command.channel.none") : String.join(", ", channels);
    }
}
