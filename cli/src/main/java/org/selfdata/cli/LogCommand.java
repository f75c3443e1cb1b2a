package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantId;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryJson;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.texts.Words;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.LogVerification;
import org.selfdata.vault.TransparencyLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

@Command(name = "log", mixinStandardHelpOptions = true,
        description = "The transparency log: every read, export, push, grant, withdrawal, import, erasure, restore and refusal "
                + "of the person's data, and every letter, answer and step of their rights requests, in a Merkle tree whose "
                + "head the vault signs.",
        subcommands = {LogCommand.Verify.class, LogCommand.Show.class})
final class LogCommand {
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the whole log against the vault's signed head; name the first entry altered, removed or "
                    + "reordered, or whose time, action, recipient or grant, which the filtered views read, was changed.")
    static final class Verify implements Callable<Integer> {
        private final Terminal terminal;
        private final Environment environment;

        @Mixin
        VaultOptions vault;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        Verify(Terminal terminal, Environment environment) {
            this.terminal = requireNonNull(terminal, "terminal is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            try (Application application = Application.open(vault, environment)) {
                LogVerification verification = application.vault().log()
                        .verify(application.person(vault, environment).id());
                terminal.out().println(json ? Json.MAPPER.writeValueAsString(toJson(verification))
                        : environment.words().say(verification.wording()));
                return verification.intact() ? ExitCodes.DONE : ExitCodes.of(ErrorCode.VAULT_CORRUPT);
            }
        }

        private static ObjectNode toJson(LogVerification verification) {
            ObjectNode node = Json.MAPPER.createObjectNode().put("intact", verification.intact());
            switch (verification) {
                case LogVerification.Intact intact -> node.put("entries", intact.size()).put("root", intact.root().hex());
                case LogVerification.EntryBroken broken -> node.put("entry", broken.index())
                        .put("problem", broken.problem().name().toLowerCase(java.util.Locale.ROOT))
                        .put("detail", broken.detail());
                case LogVerification.HeadBroken broken -> node.put("problem", "head").put("detail", broken.detail());
            }
            return node.put("message", verification.describe());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "List the log's entries, oldest first: what each recipient received, when, under which grant.")
    static final class Show implements Callable<Integer> {
        private final Terminal terminal;
        private final Environment environment;

        @Mixin
        VaultOptions vault;

        @Option(names = "--recipient", paramLabel = "ID", description = "Only what this recipient did or received.")
        Optional<String> recipient = Optional.empty();

        @Option(names = "--grant", paramLabel = "ID", description = "Only what happened under this grant.")
        Optional<String> grant = Optional.empty();

        @Option(names = "--action", paramLabel = "ACTION",
                description = "Only this action: read, export, push, grant, withdrawal, import, erasure, restore, refusal, "
                        + "letter, answer, request or correction.")
        Optional<String> action = Optional.empty();

        @Option(names = "--after", paramLabel = "INDEX", description = "Only entries after this index, for paging.")
        Optional<Long> after = Optional.empty();

        @Option(names = "--limit", paramLabel = "N", description = "At most this many entries (default and most: 10000).")
        int limit = LogQuery.MAXIMUM_LIMIT;

        @Option(names = "--json", description = "Print each entry as its canonical JSON, one a line.")
        boolean json;

        Show(Terminal terminal, Environment environment) {
            this.terminal = requireNonNull(terminal, "terminal is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        @Override
        public Integer call() {
            LogQuery query = new LogQuery(recipient.map(RecipientId::of), grant.map(GrantId::of),
                    action.map(LogAction::fromTerm), after, limit);
            try (Application application = Application.open(vault, environment)) {
                PersonId person = application.person(vault, environment).id();
                TransparencyLog log = application.vault().log();
                List<LogEntry> entries = log.query(person, query);
                Words words = environment.words();
                for (LogEntry entry : entries) {
                    terminal.out().println(json ? new String(LogEntryJson.bytes(entry), StandardCharsets.UTF_8)
                            : line(entry, words));
                }
            }
            return ExitCodes.DONE;
        }

        /**
         * An entry on one line, in the reader's language: its action, who acted, the types of records by their names,
         * the purpose and the precision in words; the recipient, grant and source by their ids, which other commands
         * take.
         */
        static String line(LogEntry entry, Words words) {
            StringBuilder line = new StringBuilder().append(String.format("%6d  %s  %-12s  %-28s  %s  %s",
                    entry.index(), entry.recordedAt(), words.say(Vocabulary.key("command.log.action.", entry.action().name())),
                    actor(entry.actor(), words), entry.draft().types().stream().map(type -> StatusCommand.typeName(type, words))
                            .sorted().collect(Collectors.joining(", ")),
                    words.say("command.status.records", entry.draft().count())));
            entry.draft().span().ifPresent(span -> line.append("  ").append(span.start()).append("..").append(span.end()));
            entry.draft().grant().ifPresent(grant -> line.append("  ").append(words.say("command.log.grant", grant.value())));
            entry.draft().purpose().ifPresent(purpose -> line.append("  ")
                    .append(words.say("command.log.purpose", Vocabulary.loggedPurpose(purpose, words))));
            entry.draft().precision().ifPresent(precision -> line.append("  ")
                    .append(words.say("command.log.precision", Vocabulary.loggedPrecision(precision, words))));
            entry.draft().source().ifPresent(source -> line.append("  ")
                    .append(words.say("command.log.source", Long.toString(source.value()))));
            return line.toString();
        }

        private static String actor(LogActor actor, Words words) {
            return switch (actor) {
                case LogActor.Owner owner -> words.say("command.log.actor.owner");
                case LogActor.Recipient recipient -> words.say("command.log.actor.recipient", recipient.id().value());
                case LogActor.Service service -> words.say("command.log.actor.service", service.name());
            };
        }
    }
}
