package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.rights.ChangeDelivery;
import org.selfdata.rights.ChangeEverywhere;
import org.selfdata.rights.ChangeOfDetail;
import org.selfdata.rights.Holder;
import org.selfdata.rights.PersonalDetail;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One change, everywhere: lists the organizations that hold the old value of a detail, with what shows it, and drafts
 * the rectification to each (to those named with {@code --only}, when given), sent at once by e-mail with
 * {@code --send}; then says what became of each. Run again, it sends nothing twice.
 */
@Command(name = "change", mixinStandardHelpOptions = true,
        description = "Send a change of address, e-mail address, phone number or name as a rectification to every "
                + "organization that holds the old value.")
final class RightsChangeCommand implements Callable<Integer> {
    /** What sets what shows an organization holds the value under the organization's line. */
    private static final String INDENT = "  ";

    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--detail", paramLabel = "DETAIL", required = true,
            description = "What changed: address, email, phone or name.")
    String detail;

    @Option(names = "--old", paramLabel = "VALUE", required = true, description = "The old value, as it was.")
    String oldValue;

    @Option(names = "--new", paramLabel = "VALUE", required = true, description = "The new value.")
    String newValue;

    @Option(names = "--send", description = "Send each rectification that goes by e-mail at once from your mailbox; "
            + "without it, they are drafted.")
    boolean send;

    @Option(names = "--only", paramLabel = "SLUG", split = ",",
            description = "Only these organizations, by slug (default: every one that holds the old value).")
    List<String> only = List.of();

    @Option(names = "--channel", paramLabel = "CHANNEL",
            description = "How the rectifications travel: email, letter or web-form (default: each organization's own).")
    Optional<String> channel = Optional.empty();

    @Option(names = "--language", paramLabel = "LANGUAGE",
            description = "The letters' language, fr or en, where the organization names none (default: the terminal's).")
    Optional<String> language = Optional.empty();

    RightsChangeCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Words words = environment.words();
        ChangeOfDetail change = new ChangeOfDetail(PersonalDetail.ofTerm(detail.strip().toLowerCase(Locale.ROOT)),
                oldValue, newValue);
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            ChangeEverywhere everywhere = new ChangeEverywhere(RightsDesks.open(application), application.vault(),
                    application.gate());
            List<Holder> holders = everywhere.holders(person.id(), change.detail(), change.oldValue());
            PrintStream out = terminal.out();
            printHolders(out, words, holders);
            List<String> chosen = only.isEmpty() ? holders.stream().map(Holder::slug).toList()
                    : only.stream().map(String::strip).filter(slug -> !slug.isEmpty()).toList();
            if (chosen.isEmpty()) {
                return ExitCodes.DONE;
            }
            List<ChangeDelivery> deliveries = everywhere.send(person.id(), new ChangeEverywhere.Action(change, chosen,
                    channel.map(name -> RightsChannel.parse("--channel", name)), send,
                    language.map(RightsDraftCommand::language).orElse(words.language())));
            out.println();
            out.println(words.say("rights.command.change.statuses"));
            deliveries.forEach(delivery -> out.println(say(words, delivery)));
        }
        return ExitCodes.DONE;
    }

    private static void printHolders(PrintStream out, Words words, List<Holder> holders) {
        if (holders.isEmpty()) {
            out.println(words.say("rights.command.change.none"));
            return;
        }
        out.println(words.say("rights.command.change.holders"));
        for (Holder holder : holders) {
            out.println(words.say("rights.command.change.holder", holder.slug(), holder.name()));
            for (Holder.Evidence evidence : holder.evidence()) {
                out.println(INDENT + switch (evidence) {
                    case Holder.Evidence.InRecords found -> words.say("rights.command.change.records", found.records(),
                            found.sourceName(), found.source().value(), found.kinds().stream().sorted()
                                    .map(type -> type.id()).collect(Collectors.joining(", ")));
                    case Holder.Evidence.InRequest given -> words.say("rights.command.change.request",
                            given.reference());
                });
            }
            if (!holder.inDirectory()) {
                out.println(INDENT + words.say("rights.command.change.toAdd"));
            }
        }
    }

    private static String say(Words words, ChangeDelivery delivery) {
        String reference = delivery.request().map(request -> request.reference()).orElse("");
        String reason = delivery.reason().map(words::say).orElse("");
        String key = "rights.command.change.status." + delivery.status().term();
        return words.say(key, delivery.slug(), reference, reason);
    }
}
