package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Erasure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * The people a vault holds, as its operator manages them: whoever holds the vault's key runs the command line, and so
 * acts as the operator. The first person, made by {@code selfdata init}, is the operator; everyone added after is a
 * member, who signs in and reads their own data only. This works the same on SQLite and on PostgreSQL.
 */
@Command(name = "people", mixinStandardHelpOptions = true,
        description = "The people of the vault: add one, list them, or remove one with all of their data. The vault's first "
                + "person is its operator, who admits people and recipients; everyone else is a member.",
        subcommands = {PeopleCommand.Add.class, PeopleCommand.Listing.class, PeopleCommand.Remove.class})
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
            description = "List the people of the vault: handle, role and when they were added, the operator first.")
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
                if (json) {
                    terminal.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(people)));
                }
                else if (people.isEmpty()) {
                    terminal.out().println(environment.words().say("command.people.nobody"));
                }
                else {
                    print(people, environment.words());
                }
            }
            return ExitCodes.DONE;
        }

        /** A line per person, in columns: handle, role in the terminal's language, when they were added. */
        private void print(List<Person> people, Words words) {
            int width = people.stream().mapToInt(person -> person.handle().length()).max().orElseThrow();
            int roleWidth = Arrays.stream(Person.Role.values()).mapToInt(role -> role(role, words).length()).max()
                    .orElseThrow();
            people.forEach(person -> terminal.out().printf("%-" + width + "s  %-" + roleWidth + "s  %s%n",
                    person.handle(), role(person.role(), words), created(person)));
        }

        private static String role(Person.Role role, Words words) {
            return switch (role) {
                case OPERATOR -> words.say("command.people.role.operator");
                case MEMBER -> words.say("command.people.role.member");
            };
        }

        private static ObjectNode toJson(List<Person> people) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            ArrayNode list = node.putArray("people");
            people.forEach(person -> list.addObject()
                    .put("handle", person.handle())
                    .put("role", person.role().term())
                    .put("zone", person.zone().getId())
                    .put("created", created(person)));
            return node;
        }

        private static String created(Person person) {
            return person.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
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
