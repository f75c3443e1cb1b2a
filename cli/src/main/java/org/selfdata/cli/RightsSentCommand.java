package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.rights.DayWording;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Records a drafted request as sent by post or through a web form, on the day the person says, with the letter as it
 * went out kept as its proof: from then on the desk counts its deadline.
 */
@Command(name = "sent", mixinStandardHelpOptions = true,
        description = "Record a drafted request as sent by post or through a web form, and start counting its deadline.")
final class RightsSentCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Option(names = "--on", paramLabel = "DATE", required = true,
            description = "The day it was posted or sent through the web form, such as 2025-01-31.")
    String on;

    RightsSentCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        LocalDate sentOn = RightsDesks.date("--on", on);
        RightsDesk.RequestView sent;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            sent = desk.markSent(person.id(), RightsDesks.requestId(desk, person.id(), request), sentOn);
        }
        Words words = environment.words();
        terminal.out().println(words.say("rights.command.sent.recorded", sent.timeline().request().reference(),
                DayWording.of(sentOn)));
        sent.deadline().ifPresent(deadline -> terminal.out().println(words.say(deadline.summary())));
        return ExitCodes.DONE;
    }
}
