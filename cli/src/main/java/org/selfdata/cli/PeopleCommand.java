package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Erasure;
import org.selfdata.vault.PersonIdentities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The people a vault holds, as its operator manages them: whoever holds the vault's key runs the command line, and so
 * acts as the operator. The first person, made by {@code selfdata init}, is the operator; everyone added after is a
 * member, who signs in and reads their own data only. This works the same on SQLite and on PostgreSQL.
 */
@Command(name = "people", mixinStandardHelpOptions = true,
        description = "The people of the vault: add one, list them, link one to their identity at the operator's OpenID "
                + "Connect provider, or remove one with all of their data. The vault's first person is its operator, who "
                + "admits people and recipients; everyone else is a member.",
        subcommands = {PeopleCommand.Add.class, PeopleCommand.Listing.class, PeopleCommand.Link.class,
                PeopleCommand.Unlink.class, PeopleCommand.Remove.class})
final class PeopleCommand {
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a person to the vault, with their sign-in password: asked twice on a terminal, or read from "
                    + "standard input with --password-stdin.")
    static final class Add implements Callable<Integer> {
        private final Terminal terminal;
        private final Environment environment;

        @Mixin
        VaultOptions vault;

        @Parameters(paramLabel = "HANDLE", description = "The person's sign-in name.")
        String handle;

        @Mixin
        NewPersonOptions newPerson;

        Add(Terminal terminal, Environment environment) {
            this.terminal = requireNonNull(terminal, "terminal is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            String personHandle = Person.requireHandle(handle);
            Words words = environment.words();
            ZoneId personZone = newPerson.zone(terminal, words, "error.cli.nobodyAdded");
            char[] password = newPerson.password(terminal, words, personHandle, "error.cli.nobodyAdded");
            try (Application application = Application.open(vault, environment)) {
                Person person = password.length > 0
                        ? application.vault().people().create(personHandle, personZone, password)
                        : application.vault().people().create(personHandle, personZone);
                terminal.out().println(person.isOperator() ? words.say("command.people.addedOperator", person.handle())
                        : words.say("command.people.addedMember", person.handle()));
                if (password.length == 0) {
                    terminal.out().println(words.say("command.people.noPassword", person.handle()));
                }
            }
            finally {
                Arrays.fill(password, '\0');
            }
            return ExitCodes.DONE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the people of the vault: handle, role, when they were added and where they sign in, the operator "
                    + "first.")
    static final class Listing implements Callable<Integer> {
        private final Terminal terminal;
        private final Environment environment;

        @Mixin
        VaultOptions vault;

        @Option(names = "--json", description = "Print them as JSON.")
        boolean json;

        Listing(Terminal terminal, Environment environment) {
            this.terminal = requireNonNull(terminal, "terminal is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            try (Application application = Application.open(vault, environment)) {
                List<Person> people = application.vault().people().list();
                PersonIdentities identities = application.vault().identities();
                Map<PersonId, List<PersonIdentities.Identity>> linked = new LinkedHashMap<>();
                people.forEach(person -> linked.put(person.id(), identities.of(person.id())));
                if (json) {
                    terminal.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(toJson(people, linked)));
                }
                else if (people.isEmpty()) {
                    terminal.out().println(environment.words().say("command.people.nobody"));
                }
                else {
                    print(people, linked, environment.words());
                }
            }
            return ExitCodes.DONE;
        }

        /**
         * A line per person, in columns: handle, role in the terminal's language, when they were added, and then where
         * they sign in at the operator's provider, if they were linked to an identity there.
         */
        private void print(List<Person> people, Map<PersonId, List<PersonIdentities.Identity>> linked, Words words) {
            int width = people.stream().mapToInt(person -> person.handle().length()).max().orElseThrow();
            int roleWidth = Arrays.stream(Person.Role.values()).mapToInt(role -> role(role, words).length()).max()
                    .orElseThrow();
            people.forEach(person -> {
                String line = String.format("%-" + width + "s  %-" + roleWidth + "s  %s", person.handle(),
                        role(person.role(), words), created(person));
                String signsIn = linked.get(person.id()).stream()
                        .map(identity -> "  " + words.say("command.people.signsInAt", identity.issuer(), identity.subject()))
                        .collect(Collectors.joining());
                terminal.out().println(line + signsIn);
            });
        }

        private static String role(Person.Role role, Words words) {
            return switch (role) {
                case OPERATOR -> words.say("command.people.role.operator");
                case MEMBER -> words.say("command.people.role.member");
            };
        }

        private static ObjectNode toJson(List<Person> people, Map<PersonId, List<PersonIdentities.Identity>> linked) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            ArrayNode list = node.putArray("people");
            people.forEach(person -> {
                ObjectNode entry = list.addObject()
                        .put("handle", person.handle())
                        .put("role", person.role().term())
                        .put("zone", person.zone().getId())
                        .put("created", created(person));
                ArrayNode identities = entry.putArray("identities");
                linked.get(person.id()).forEach(identity -> identities.addObject()
                        .put("issuer", identity.issuer())
                        .put("subject", identity.subject()));
            });
            return node;
        }

        private static String created(Person person) {
            return person.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
        }
    }

    /** The provider's issuer, as given to {@code selfdata serve}: by option, else from the same variable. */
    private static String issuer(Optional<URI> given, Environment environment) {
        return given.map(URI::toString).or(() -> environment.variable("SELFDATA_OIDC_ISSUER").map(String::strip))
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.oidcIssuerNeeded")));
    }

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Link a person to their identity at the operator's OpenID Connect provider, so that they can sign "
                    + "in there: the subject (the 'sub' claim) the provider knows them by. Their password, if they have one, "
                    + "still works.")
    static final class Link implements Callable<Integer> {
        private final Terminal terminal;
        private final Environment environment;

        @Mixin
        VaultOptions vault;

        @Parameters(paramLabel = "HANDLE", description = "Who to link.")
        String handle;

        @Option(names = "--subject", paramLabel = "SUBJECT", required = true,
                description = "The subject the provider names the person by in its ID tokens (its 'sub' claim).")
        String subject;

        @Option(names = "--issuer", paramLabel = "URL",
                description = "The provider's issuer, as given to 'selfdata serve --oidc-issuer' (default: "
                        + "$SELFDATA_OIDC_ISSUER).")
        Optional<URI> issuer = Optional.empty();

        Link(Terminal terminal, Environment environment) {
            this.terminal = requireNonNull(terminal, "terminal is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            String provider = issuer(issuer, environment);
            try (Application application = Application.open(vault, environment)) {
                Person person = application.vault().person(Optional.of(handle));
                application.vault().identities().link(person.id(), provider, subject);
                terminal.out().println(environment.words().say("command.people.linked", person.handle(), provider, subject));
            }
            return ExitCodes.DONE;
        }
    }

    @Command(name = "unlink", mixinStandardHelpOptions = true,
            description = "Unlink a person from their identity at the operator's OpenID Connect provider: they can no longer "
                    + "sign in there. Their password, if they have one, still works.")
    static final class Unlink implements Callable<Integer> {
        private final Terminal terminal;
        private final Environment environment;

        @Mixin
        VaultOptions vault;

        @Parameters(paramLabel = "HANDLE", description = "Who to unlink.")
        String handle;

        @Option(names = "--issuer", paramLabel = "URL",
                description = "The provider's issuer, as given to 'selfdata serve --oidc-issuer' (default: "
                        + "$SELFDATA_OIDC_ISSUER).")
        Optional<URI> issuer = Optional.empty();

        Unlink(Terminal terminal, Environment environment) {
            this.terminal = requireNonNull(terminal, "terminal is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            String provider = issuer(issuer, environment);
            try (Application application = Application.open(vault, environment)) {
                Person person = application.vault().person(Optional.of(handle));
                if (!application.vault().identities().unlink(person.id(), provider)) {
                    throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.cli.notLinked", person.handle(),
                            provider));
                }
                terminal.out().println(environment.words().say("command.people.unlinked", person.handle(), provider));
            }
            return ExitCodes.DONE;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a person and erase all of their data for good: their keys first, then their records, "
                    + "grants, receipts, sessions and log. The operator goes last, once nobody else remains.")
    static final class Remove implements Callable<Integer> {
        private final Terminal terminal;
        private final Environment environment;

        @Mixin
        VaultOptions vault;

        @Parameters(paramLabel = "HANDLE", description = "Who to remove.")
        String handle;

        @Option(names = "--yes", description = "Do not ask for confirmation (needed when not on a terminal).")
        boolean confirmed;

        Remove(Terminal terminal, Environment environment) {
            this.terminal = requireNonNull(terminal, "terminal is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            try (Application application = Application.open(vault, environment)) {
                Person person = application.vault().person(Optional.of(handle));
                Words words = environment.words();
                application.vault().erasure().requireErasable(person.id());
                ErasureConfirmation.require(terminal, words, confirmed, Wording.of("command.erase.person", person.handle()),
                        person.handle(), person.handle());
                Erasure.Report report = application.vault().erasure().erasePerson(person.id());
                terminal.out().println(words.say("command.people.removed", person.handle(),
                        EraseCommand.described(report, words)));
            }
            return ExitCodes.DONE;
        }
    }
}
