package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.rights.DayWording;
import org.selfdata.rights.DeadlineStatus;
import org.selfdata.rights.RequestEvent;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.RightsRequest;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * One request from its draft on: every step with its day, its note and the documents that prove it (each with its
 * SHA-256, as the log holds it), then the deadline that applies today and how it was counted.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a request: each step with its date and documents, the deadline that applies today and how "
                + "it was counted.")
final class RightsShowCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Option(names = "--json", description = "Print the request, its steps and its deadline as JSON.")
    boolean json;

    RightsShowCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        RightsDesk.RequestView view;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            view = desk.request(person.id(), RightsDesks.requestId(desk, person.id(), request));
        }
        if (json) {
            terminal.out().println(Json.MAPPER.writeValueAsString(json(view)));
            return ExitCodes.DONE;
        }
        print(terminal.out(), environment.words(), view);
        return ExitCodes.DONE;
    }

    private static void print(PrintStream out, Words words, RightsDesk.RequestView view) {
        RightsRequest request = view.timeline().request();
        out.println(words.say("rights.command.show.title", request.reference(), request.organization().name(),
                RightsDesks.sayRight(request), RightsChannel.say(words, request.channel())));
        request.about().ifPresent(about -> out.println(words.say("rights.command.show.about", about)));
        out.println(words.say("rights.command.show.steps"));
        for (RequestEvent event : view.timeline().events()) {
            out.println("  " + words.say("rights.command.show.step", DayWording.of(event.happenedOn()),
                    words.say(RightsDesks.statusKey(event.status()))));
            if (event.reasonsGiven()) {
                out.println("      " + words.say("rights.command.show.reasonsGiven"));
            }
            event.note().ifPresent(note -> out.println("      " + words.say("rights.command.show.note", note)));
            event.documents().forEach(document -> out.println("      " + words.say("rights.command.show.document",
                    document.name(), document.mediaType(), document.size(), document.sha256())));
        }
        if (view.deadline().isEmpty()) {
            out.println(words.say("rights.command.show.noDeadline"));
            return;
        }
        DeadlineStatus deadline = view.deadline().orElseThrow();
        out.println(words.say(deadline.summary()));
        out.println(words.say("rights.command.show.counted"));
        deadline.reasons().forEach(reason -> out.println("  - " + words.say(reason)));
    }

    /** The request as {@code selfdata rights list --json} gives it, with what it is about, its steps and its reasons. */
    private static ObjectNode json(RightsDesk.RequestView view) {
        Words english = Words.english();
        ObjectNode node = RightsListCommand.json(view);
        view.timeline().request().about().ifPresent(about -> node.put("about", about));
        ArrayNode steps = node.putArray("steps");
        view.timeline().events().forEach(event -> steps.add(step(event)));
        view.deadline().ifPresent(deadline -> {
            ArrayNode reasons = ((ObjectNode) node.get("deadline")).putArray("reasons");
            deadline.reasons().forEach(reason -> reasons.add(english.say(reason)));
        });
        return node;
    }

    private static ObjectNode step(RequestEvent event) {
        ObjectNode node = Json.MAPPER.createObjectNode()
                .put("index", event.index())
                .put("status", event.status().term())
                .put("happenedOn", event.happenedOn().toString())
                .put("recordedAt", event.recordedAt().toString())
                .put("reasonsGiven", event.reasonsGiven());
        event.note().ifPresent(note -> node.put("note", note));
        ArrayNode documents = node.putArray("documents");
        event.documents().forEach(document -> documents.add(Json.MAPPER.createObjectNode()
                .put("id", document.id())
                .put("name", document.name())
                .put("mediaType", document.mediaType())
                .put("size", document.size())
                .put("sha256", document.sha256())));
        return node;
    }
}
