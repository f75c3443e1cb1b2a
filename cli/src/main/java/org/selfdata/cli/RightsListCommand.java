package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.rights.DeadlineStatus;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.RightsRequest;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * The person's requests, one line each, in the desk's order: those whose deadline is nearest or passed first, so that
 * what is overdue or due soon is read before the rest.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List your requests, overdue and nearest deadlines first: reference, organization, right, status "
                + "and the days left or late.")
final class RightsListCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--json", description = "Print the requests as a JSON array.")
    boolean json;

    RightsListCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        List<RightsDesk.RequestView> requests;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            requests = RightsDesks.open(application).overview(person.id());
        }
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            requests.forEach(request -> array.add(json(request)));
            terminal.out().println(Json.MAPPER.writeValueAsString(array));
            return ExitCodes.DONE;
        }
        print(terminal.out(), environment.words(), requests);
        return ExitCodes.DONE;
    }

    private static void print(PrintStream out, Words words, List<RightsDesk.RequestView> requests) {
        if (requests.isEmpty()) {
            out.println(words.say("rights.command.list.none"));
        }
        for (RightsDesk.RequestView view : requests) {
            RightsRequest request = view.timeline().request();
            String deadline = view.deadline().map(status -> words.say(status.summary()))
                    .orElseGet(() -> words.say("rights.command.list.noDeadline"));
            out.println(words.say("rights.command.list.line", request.reference(), request.organization().name(),
                    RightsDesks.sayRight(request), words.say(RightsDesks.statusKey(view.timeline().status())), deadline));
        }
    }

    /** A request as identifiers and dates, its words in English whatever the terminal's language. */
    static ObjectNode json(RightsDesk.RequestView view) {
        Words english = Words.english();
        RightsRequest request = view.timeline().request();
        ObjectNode node = Json.MAPPER.createObjectNode()
                .put("reference", request.reference())
                .put("id", request.id())
                .put("organization", request.organization().slug())
                .put("organizationName", request.organization().name())
                .put("right", request.right().term())
                .put("portability", request.portability())
                .put("channel", request.channel().term())
                .put("status", view.timeline().status().term());
        view.deadline().ifPresent(status -> node.set("deadline", deadline(english, status)));
        return node;
    }

    private static ObjectNode deadline(Words english, DeadlineStatus status) {
        return Json.MAPPER.createObjectNode()
                .put("kind", status.kind().term())
                .put("date", status.date().toString())
                .put("daysLeft", status.daysLeft())
                .put("overdue", status.overdue())
                .put("summary", english.say(status.summary()));
    }
}
