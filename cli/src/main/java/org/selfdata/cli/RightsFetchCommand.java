package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.rights.MailAnswers;
import org.selfdata.rights.SkippedMail;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Fetches the messages that arrived in the person's mailbox since the last fetch and files those that answer a
 * request, their files imported; says which requests were answered, how many messages matched none (left in the
 * mailbox, to add by hand) and which were set aside, and why.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch the answers that arrived in your mailbox since the last fetch: each one that answers a "
                + "request is recorded with its files imported; the others stay in your mailbox.")
final class RightsFetchCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    RightsFetchCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        MailAnswers answers;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            answers = RightsDesks.open(application).fetchAnswers(person.id());
        }
        print(terminal.out(), environment.words(), answers);
        return ExitCodes.DONE;
    }

    private static void print(PrintStream out, Words words, MailAnswers answers) {
        if (answers.answered().isEmpty() && answers.unmatched() == 0 && answers.skipped().isEmpty()) {
            out.println(words.say("rights.command.fetch.nothing"));
            return;
        }
        answers.answered().forEach(reference -> out.println(words.say("rights.command.fetch.answered", reference)));
        if (answers.unmatched() > 0) {
            out.println(words.say("rights.command.fetch.unmatched", answers.unmatched()));
        }
        for (SkippedMail skipped : answers.skipped()) {
            out.println(words.say("rights.command.fetch.skipped", Long.toString(skipped.uid()), words.say(skipped.reason())));
        }
    }
}
