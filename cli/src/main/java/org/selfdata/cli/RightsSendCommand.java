package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.rights.DayWording;
import org.selfdata.rights.RequestEvent;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Sends a drafted request by e-mail from the person's own mailbox, the letter in the body and as a PDF. It is recorded
 * as sent only once the mail server accepted it: a server that cannot be reached or refuses leaves it a draft, to send
 * again, and says why.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send a drafted request by e-mail from your mailbox, and start counting its deadline; if the "
                + "server fails, the request stays a draft.")
final class RightsSendCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    RightsSendCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        RightsDesk.RequestView sent;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            sent = desk.sendByEmail(person.id(), RightsDesks.requestId(desk, person.id(), request));
        }
        Words words = environment.words();
        RequestEvent step = sent.timeline().latest();
        terminal.out().println(words.say("rights.command.send.sent", sent.timeline().request().reference(),
                sent.timeline().request().organization().name(), DayWording.of(step.happenedOn())));
        sent.deadline().ifPresent(deadline -> terminal.out().println(words.say(deadline.summary())));
        return ExitCodes.DONE;
    }
}
